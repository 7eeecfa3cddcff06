/**
 * An sRGB ICC profile (version 2.1, display class), built from the sRGB standard's own numbers
 * (IEC 61966-2-1: the primaries adapted to the D50 connection space with the Bradford transform, the
 * D65 white point, and the piecewise transfer curve sampled at 1,024 points). PDF/A needs an output
 * intent with an embedded ICC profile; building it here keeps the renderer free of a downloaded
 * binary and its licence, and the bytes are the same on every machine.
 */

const s15Fixed16 = (v: number) => Math.round(v * 65536);

/** The sRGB transfer function (IEC 61966-2-1): encoded value 0..1 to linear light 0..1. */
function srgbToLinear(v: number): number {
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

const TRC_POINTS = 1024;

class Writer {
  private bytes: number[] = [];
  get length() {
    return this.bytes.length;
  }
  u8(v: number) {
    this.bytes.push(v & 0xff);
  }
  u16(v: number) {
    this.u8(v >>> 8);
    this.u8(v);
  }
  u32(v: number) {
    this.u16(v >>> 16);
    this.u16(v & 0xffff);
  }
  s32(v: number) {
    this.u32(v >>> 0);
  }
  ascii(s: string) {
    for (const c of s) this.u8(c.charCodeAt(0));
  }
  zeros(n: number) {
    for (let i = 0; i < n; i++) this.u8(0);
  }
  align4() {
    while (this.bytes.length % 4) this.u8(0);
  }
  patch32(at: number, v: number) {
    this.bytes[at] = (v >>> 24) & 0xff;
    this.bytes[at + 1] = (v >>> 16) & 0xff;
    this.bytes[at + 2] = (v >>> 8) & 0xff;
    this.bytes[at + 3] = v & 0xff;
  }
  toBytes() {
    return Uint8Array.from(this.bytes);
  }
}

type Tag = { sig: string; write(w: Writer): void };

const xyz = (x: number, y: number, z: number) => (w: Writer) => {
  w.ascii('XYZ ');
  w.zeros(4);
  w.s32(s15Fixed16(x));
  w.s32(s15Fixed16(y));
  w.s32(s15Fixed16(z));
};

export const SRGB_DESCRIPTION = 'sRGB IEC61966-2.1';

function buildSrgbProfile(): Uint8Array {
  const desc = (w: Writer) => {
    // textDescriptionType (ICC v2): ASCII with its terminating zero, then empty Unicode and ScriptCode parts.
    w.ascii('desc');
    w.zeros(4);
    w.u32(SRGB_DESCRIPTION.length + 1);
    w.ascii(SRGB_DESCRIPTION);
    w.u8(0);
    w.u32(0);
    w.u32(0);
    w.u16(0);
    w.u8(0);
    w.zeros(67);
  };
  const cprt = (w: Writer) => {
    w.ascii('text');
    w.zeros(4);
    w.ascii('No copyright: built by Botrygg from the values in IEC 61966-2-1');
    w.u8(0);
  };
  const trc = (w: Writer) => {
    w.ascii('curv');
    w.zeros(4);
    w.u32(TRC_POINTS);
    for (let i = 0; i < TRC_POINTS; i++) w.u16(Math.round(srgbToLinear(i / (TRC_POINTS - 1)) * 65535));
  };
  const tags: Tag[] = [
    { sig: 'desc', write: desc },
    { sig: 'cprt', write: cprt },
    { sig: 'wtpt', write: xyz(0.9505, 1.0, 1.089) },
    { sig: 'rXYZ', write: xyz(0.4360747, 0.2225045, 0.0139322) },
    { sig: 'gXYZ', write: xyz(0.3850649, 0.7168786, 0.0971045) },
    { sig: 'bXYZ', write: xyz(0.1430804, 0.0606169, 0.7141733) },
    { sig: 'rTRC', write: trc },
  ];
  // The three channels share one curve: gTRC and bTRC point at rTRC's data.
  const shared = ['gTRC', 'bTRC'];
  const w = new Writer();
  // Header (128 bytes); the size is patched at the end.
  w.u32(0);
  w.zeros(4); // preferred CMM: none
  w.u32(0x02100000); // version 2.1
  w.ascii('mntr');
  w.ascii('RGB ');
  w.ascii('XYZ ');
  for (const v of [2026, 1, 1, 0, 0, 0]) w.u16(v); // a fixed creation date: the same bytes on every run
  w.ascii('acsp');
  w.zeros(4); // platform
  w.u32(0); // flags
  w.zeros(4); // manufacturer
  w.zeros(4); // model
  w.zeros(8); // attributes
  w.u32(0); // perceptual intent
  w.s32(s15Fixed16(0.9642));
  w.s32(s15Fixed16(1.0));
  w.s32(s15Fixed16(0.8249));
  w.zeros(4); // creator
  w.zeros(44); // profile ID (v4 only) and reserved
  // Tag table.
  const count = tags.length + shared.length;
  w.u32(count);
  const table = w.length;
  w.zeros(count * 12);
  const placed: Record<string, { offset: number; size: number }> = {};
  for (const tag of tags) {
    w.align4();
    const offset = w.length;
    tag.write(w);
    placed[tag.sig] = { offset, size: w.length - offset };
  }
  w.align4();
  const entries = [...tags.map((t) => [t.sig, placed[t.sig]!] as const), ...shared.map((sig) => [sig, placed.rTRC!] as const)];
  entries.forEach(([sig, { offset, size }], i) => {
    const at = table + i * 12;
    w.patch32(at, (sig.charCodeAt(0) << 24) | (sig.charCodeAt(1) << 16) | (sig.charCodeAt(2) << 8) | sig.charCodeAt(3));
    w.patch32(at + 4, offset);
    w.patch32(at + 8, size);
  });
  w.patch32(0, w.length);
  return w.toBytes();
}

let cached: Uint8Array | undefined;

/** The profile's bytes, built once per process. */
export function srgbIccProfile(): Uint8Array {
  cached ??= buildSrgbProfile();
  return cached;
}

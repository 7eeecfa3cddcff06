import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream } from 'pdf-lib';

/**
 * The text a PDF written by pdf-lib shows, read back from its bytes, page by page: each content
 * stream decoded, each hex string shown with Tj decoded through its font's ToUnicode map (embedded
 * fonts show glyph IDs), or from WinAnsi for a font without one. Enough for our own letters (one
 * string per line), not a general PDF reader.
 */
const WIN_ANSI_EXTRA: Record<number, string> = { 0x96: '–', 0x97: '—', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x80: '€', 0x85: '…' };

const streamText = (s: PDFStream): string => Buffer.from(s instanceof PDFRawStream ? decodePDFRawStream(s).decode() : s.getContents()).toString('latin1');

const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

/** Glyph code → text, from a ToUnicode CMap's bfchar and bfrange entries. */
function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(m[1]!, 16), utf16(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const [lo, hi, first] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
      for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(first + c - lo));
    }
  }
  return map;
}

export async function pdfLines(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const lines: string[] = [];
  for (const page of doc.getPages()) {
    const fonts = new Map<string, Map<number, string> | null>();
    const fontDict = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [name, ref] of fontDict?.entries() ?? []) {
      const toUnicode = doc.context.lookup(ref, PDFDict).lookupMaybe(PDFName.of('ToUnicode'), PDFStream);
      fonts.set(name.asString(), toUnicode ? parseToUnicode(streamText(toUnicode)) : null);
    }
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r, PDFStream)) : contents ? [contents] : [];
    let font: Map<number, string> | null = null;
    for (const stream of streams) {
      for (const m of streamText(stream).matchAll(/(\/[^\s/]+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj/g)) {
        if (m[1]) {
          font = fonts.get(m[1]) ?? null;
          continue;
        }
        const hex = m[2]!;
        if (font) lines.push((hex.match(/.{4}/g) ?? []).map((g) => font!.get(parseInt(g, 16)) ?? '\ufffd').join(''));
        else lines.push([...Buffer.from(hex, 'hex')].map((b) => WIN_ANSI_EXTRA[b] ?? String.fromCharCode(b)).join(''));
      }
    }
  }
  return lines;
}

import { inflateSync } from 'node:zlib';

/**
 * The text a PDF written by pdf-lib shows, read back from its bytes: every content stream inflated,
 * every hex string shown with Tj decoded from WinAnsi. Enough for our own letters (Helvetica, one
 * string per line), not a general PDF reader.
 */
const WIN_ANSI_EXTRA: Record<number, string> = { 0x96: '–', 0x97: '—', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x80: '€', 0x85: '…' };

export function pdfLines(bytes: Uint8Array): string[] {
  const buf = Buffer.from(bytes);
  const lines: string[] = [];
  let at = 0;
  for (;;) {
    // A stream follows its dictionary («>>»); «endstream» itself must not count as a start.
    const start = buf.indexOf('>>\nstream\n', at);
    if (start < 0) break;
    const end = buf.indexOf('\nendstream', start);
    if (end < 0) break;
    const raw = buf.subarray(start + '>>\nstream\n'.length, end);
    at = end + 1;
    let content: string;
    try {
      content = inflateSync(raw).toString('latin1');
    } catch {
      continue; // not a compressed content stream (the XMP metadata)
    }
    for (const m of content.matchAll(/<([0-9A-Fa-f]*)> Tj/g)) {
      const bytesOf = Buffer.from(m[1]!, 'hex');
      lines.push([...bytesOf].map((b) => WIN_ANSI_EXTRA[b] ?? String.fromCharCode(b)).join(''));
    }
  }
  return lines;
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFHexString, PDFName, PDFString, type PDFRawStream, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatLetterDate, type FilledLetter } from '../domain/letters/fill';
import { LETTER_KIND_LABELS } from '../domain/letters/kinds';
import { SRGB_DESCRIPTION, srgbIccProfile } from './srgb-icc';
import { woffToSfnt } from './woff';

/**
 * Letters to PDF with pdf-lib (pure JavaScript, no browser, no native code). Rendering runs in the
 * API (and could run in an activity), never in a workflow: it is I/O-free but far too heavy for a
 * workflow context, and a workflow only needs the letter's ID and dates.
 *
 * Archiving: PDF/A-2b (ISO 19005-2, level B). Every font is embedded (Inter, SIL Open Font Licence,
 * from @fontsource/inter, subset to the glyphs used); colours are DeviceRGB under an sRGB output
 * intent whose ICC profile is built from the sRGB standard (platform/srgb-icc.ts); the XMP metadata
 * mirrors the document information and claims `pdfaid:part 2, conformance B`; the trailer carries a
 * document ID derived from the content, so the same letter renders to the same bytes.
 */

export interface LetterHeader {
  /** «Tynset kommune» */
  municipalityName: string;
  /** Unit, postal address, phone, org. number: one line each. */
  lines: string[];
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const BODY_SIZE = 11;
const LEADING = 15;
const FOOTER_Y = 32;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Inter's Latin subset has æøå, «», § and –; anything it lacks becomes «?», never an unprintable glyph (.notdef is not allowed in PDF/A). */
function printable(font: PDFFont, text: string): string {
  const known = metricsOf(font).characters;
  return [...text.replace(/[\u00a0\u202f\u2009]/g, ' ')].map((c) => (known.has(c.codePointAt(0)!) ? c : '?')).join('');
}

function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const hard of text.split('\n')) {
    let line = '';
    for (const word of hard.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (widthOf(font, candidate, size) <= width || !line) line = candidate;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Draws one letter on new pages of `doc`; returns its pages so the caller can number them. */
function drawLetter(doc: PDFDocument, fonts: Fonts, header: LetterHeader, letter: FilledLetter): PDFPage[] {
  const pages: PDFPage[] = [];
  const width = A4.width - 2 * MARGIN;
  let page = doc.addPage([A4.width, A4.height]);
  pages.push(page);
  let y = A4.height - MARGIN;
  const text = (s: string, x: number, size: number, font: PDFFont) => page.drawText(printable(font, s), { x, y, size, font, color: rgb(0, 0, 0) });

  // The municipality's header on the first page; case ID and date at the right, on every page.
  text(header.municipalityName, MARGIN, 15, fonts.bold);
  const right = (s: string, yy: number) => {
    const t = printable(fonts.regular, s);
    page.drawText(t, { x: A4.width - MARGIN - widthOf(fonts.regular, t, 9), y: yy, size: 9, font: fonts.regular });
  };
  right(`Saksnummer: ${letter.caseId}`, y);
  right(`Dato: ${formatLetterDate(letter.date)}`, y - 12);
  y -= 18;
  for (const line of header.lines) {
    text(line, MARGIN, 9, fonts.regular);
    y -= 11;
  }
  y -= 24;
  text(letter.recipient, MARGIN, BODY_SIZE, fonts.regular);
  y -= 40;
  for (const line of wrap(fonts.bold, 13, printable(fonts.bold, letter.title), width)) {
    text(line, MARGIN, 13, fonts.bold);
    y -= 18;
  }
  y -= 8;

  const newPage = () => {
    page = doc.addPage([A4.width, A4.height]);
    pages.push(page);
    y = A4.height - MARGIN;
    right(`Saksnummer: ${letter.caseId}`, y);
    y -= 30;
  };
  for (const paragraph of letter.paragraphs) {
    for (const line of wrap(fonts.regular, BODY_SIZE, printable(fonts.regular, paragraph), width)) {
      if (y < MARGIN + 20) newPage();
      text(line, MARGIN, BODY_SIZE, fonts.regular);
      y -= LEADING;
    }
    y -= 7;
  }
  if (y < MARGIN + 40) newPage();
  y -= 10;
  text('Med vennlig hilsen', MARGIN, BODY_SIZE, fonts.regular);
  y -= LEADING;
  text(header.municipalityName, MARGIN, BODY_SIZE, fonts.regular);
  return pages;
}

function number(pages: PDFPage[], font: PDFFont): void {
  pages.forEach((p, i) => {
    const label = `Side ${i + 1} av ${pages.length}`;
    p.drawText(label, { x: (A4.width - widthOf(font, label, 9)) / 2, y: FOOTER_Y, size: 9, font });
  });
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** XMP metadata mirroring the document info entry by entry, as PDF/A requires, with the PDF/A claim. */
function attachXmp(doc: PDFDocument, meta: { title: string; author: string; subject: string; created: Date; language: string }): void {
  const iso = meta.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const xmp = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(meta.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${xmlEscape(meta.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(meta.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>${meta.language}</rdf:li></rdf:Bag></dc:language>
<xmp:CreateDate>${iso}</xmp:CreateDate><xmp:ModifyDate>${iso}</xmp:ModifyDate><xmp:CreatorTool>Botrygg</xmp:CreatorTool>
<pdf:Producer>Botrygg (pdf-lib)</pdf:Producer>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;
  const stream = doc.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream as PDFRawStream));
}

/** PDF/A: the colours are sRGB, said by an output intent carrying the profile. */
function attachOutputIntent(doc: PDFDocument): void {
  const profile = doc.context.stream(srgbIccProfile(), { N: 3 });
  const intent = doc.context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(SRGB_DESCRIPTION),
    Info: PDFString.of(SRGB_DESCRIPTION),
    DestOutputProfile: doc.context.register(profile as PDFRawStream),
  });
  doc.catalog.set(PDFName.of('OutputIntents'), doc.context.obj([intent]));
}

/** PDF/A wants a document ID in the trailer; one derived from the content keeps the output reproducible. */
function setDocumentId(doc: PDFDocument, identity: unknown): void {
  const id = createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}

/**
 * Widths from each character's advance, without shaping: pdf-lib measures by laying the text out with
 * the font's OpenType features (4 ms a call for Inter, and wrapping measures every word), which made
 * a letter take seconds. Ligatures and contextual forms are switched off where the text is drawn, so
 * one character is one glyph and the sum of advances is the drawn width.
 */
interface Metrics {
  characters: Set<number>;
  advance: Map<number, number>;
  unitsPerEm: number;
}
const metrics = new WeakMap<PDFFont, Metrics>();
/** Per font file: read once per process. */
const fileMetrics = new Map<Uint8Array, Metrics>();

function metricsOf(font: PDFFont): Metrics {
  const known = metrics.get(font);
  if (!known) throw new Error('A font embedded without its metrics');
  return known;
}

function widthOf(font: PDFFont, text: string, size: number): number {
  const m = metricsOf(font);
  let units = 0;
  for (const c of text) units += m.advance.get(c.codePointAt(0)!) ?? 0;
  return (units * size) / m.unitsPerEm;
}

const PLAIN_GLYPHS = { liga: false, clig: false, calt: false, kern: false };

async function embedWithMetrics(doc: PDFDocument, bytes: Uint8Array): Promise<PDFFont> {
  const pdfFont = await doc.embedFont(bytes, { subset: true, features: { ...PLAIN_GLYPHS } });
  let m = fileMetrics.get(bytes);
  if (!m) {
    const parsed = fontkit.create(bytes as Buffer);
    const characters = new Set<number>(parsed.characterSet);
    const advance = new Map<number, number>();
    for (const cp of characters) advance.set(cp, parsed.glyphForCodePoint(cp).advanceWidth);
    m = { characters, advance, unitsPerEm: parsed.unitsPerEm };
    fileMetrics.set(bytes, m);
  }
  metrics.set(pdfFont, m);
  return pdfFont;
}

/** Inter regular and bold, read once from @fontsource/inter (WOFF, unpacked to TrueType); pdf-lib embeds a subset. */
const require = createRequire(import.meta.url);
let fontFiles: { regular: Uint8Array; bold: Uint8Array } | undefined;
function interFiles() {
  fontFiles ??= {
    regular: woffToSfnt(readFileSync(require.resolve('@fontsource/inter/files/inter-latin-400-normal.woff'))),
    bold: woffToSfnt(readFileSync(require.resolve('@fontsource/inter/files/inter-latin-700-normal.woff'))),
  };
  return fontFiles;
}

async function newDocument(meta: { title: string; author: string; subject: string; language: string; created: Date; identity: unknown }) {
  const doc = await PDFDocument.create();
  // Fixed dates: the same letter renders to the same document, today and in the archive in ten years.
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setLanguage(meta.language);
  doc.setCreator('Botrygg');
  doc.setProducer('Botrygg (pdf-lib)');
  doc.setCreationDate(meta.created);
  doc.setModificationDate(meta.created);
  attachXmp(doc, meta);
  attachOutputIntent(doc);
  setDocumentId(doc, { identity: meta.identity, title: meta.title, author: meta.author });
  doc.registerFontkit(fontkit);
  const files = interFiles();
  const fonts: Fonts = { regular: await embedWithMetrics(doc, files.regular), bold: await embedWithMetrics(doc, files.bold) };
  return { doc, fonts };
}

const noon = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);

/** One letter as a PDF, page-numbered «Side n av m». */
export async function renderLetterPdf(header: LetterHeader, letter: FilledLetter): Promise<Uint8Array> {
  const { doc, fonts } = await newDocument({
    title: `${letter.title} (${letter.caseId})`,
    identity: letter,
    author: header.municipalityName,
    subject: LETTER_KIND_LABELS[letter.kind],
    language: letter.language === 'nn' ? 'nn-NO' : 'nb-NO',
    created: noon(letter.date),
  });
  number(drawLetter(doc, fonts, header, letter), fonts.regular);
  return doc.save({ useObjectStreams: false });
}

/**
 * The print service's batch: every letter from a fresh page, numbered within itself, so the batch
 * can be split into envelopes at each «Side 1».
 */
export async function renderBatchPdf(letters: Array<{ header: LetterHeader; letter: FilledLetter }>, date: string): Promise<Uint8Array> {
  const author = letters[0]?.header.municipalityName ?? 'Botrygg';
  const { doc, fonts } = await newDocument({ title: `Brev til utskrift ${date}`, author, subject: 'Utskriftsbunke', language: 'nb-NO', created: noon(date), identity: letters.map((l) => l.letter) });
  for (const { header, letter } of letters) number(drawLetter(doc, fonts, header, letter), fonts.regular);
  return doc.save({ useObjectStreams: false });
}

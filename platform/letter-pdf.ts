import { PDFDocument, PDFName, type PDFRawStream, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatLetterDate, type FilledLetter } from '../domain/letters/fill';
import { LETTER_KIND_LABELS } from '../domain/letters/kinds';

/**
 * Letters to PDF with pdf-lib (pure JavaScript, no browser, no native code). Rendering runs in the
 * API (and could run in an activity), never in a workflow: it is I/O-free but far too heavy for a
 * workflow context, and a workflow only needs the letter's ID and dates.
 *
 * Archiving: the document carries title, author, subject, language, fixed creation date and an XMP
 * metadata stream. It does not claim PDF/A: the standard-14 Helvetica is not embedded and there is
 * no ICC output intent, and a false `pdfaid` claim would fail any archive's validator. Embedding a
 * font needs @pdf-lib/fontkit and a font file under an open licence; that is the step to PDF/A-2b.
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

/** Helvetica speaks WinAnsi: æøå, «», § and – are in it; anything else becomes «?» rather than a crash. */
function printable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  return [...text.replace(/[\u00a0\u202f\u2009]/g, ' ')].map((c) => (known.has(c.codePointAt(0)!) ? c : '?')).join('');
}

function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const hard of text.split('\n')) {
    let line = '';
    for (const word of hard.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
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
    page.drawText(t, { x: A4.width - MARGIN - fonts.regular.widthOfTextAtSize(t, 9), y: yy, size: 9, font: fonts.regular });
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
    p.drawText(label, { x: (A4.width - font.widthOfTextAtSize(label, 9)) / 2, y: FOOTER_Y, size: 9, font });
  });
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** XMP metadata mirroring the document info, as archives (and PDF/A) expect it in the catalog. */
function attachXmp(doc: PDFDocument, meta: { title: string; author: string; created: Date; language: string }): void {
  const iso = meta.created.toISOString();
  const xmp = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(meta.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${xmlEscape(meta.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:language><rdf:Bag><rdf:li>${meta.language}</rdf:li></rdf:Bag></dc:language>
<xmp:CreateDate>${iso}</xmp:CreateDate><xmp:ModifyDate>${iso}</xmp:ModifyDate><xmp:CreatorTool>Botrygg</xmp:CreatorTool>
<pdf:Producer>Botrygg (pdf-lib)</pdf:Producer>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;
  const stream = doc.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream as PDFRawStream));
}

async function newDocument(meta: { title: string; author: string; subject: string; language: string; created: Date }) {
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
  const fonts: Fonts = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  return { doc, fonts };
}

const noon = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);

/** One letter as a PDF, page-numbered «Side n av m». */
export async function renderLetterPdf(header: LetterHeader, letter: FilledLetter): Promise<Uint8Array> {
  const { doc, fonts } = await newDocument({
    title: `${letter.title} (${letter.caseId})`,
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
  const { doc, fonts } = await newDocument({ title: `Brev til utskrift ${date}`, author, subject: 'Utskriftsbunke', language: 'nb-NO', created: noon(date) });
  for (const { header, letter } of letters) number(drawLetter(doc, fonts, header, letter), fonts.regular);
  return doc.save({ useObjectStreams: false });
}

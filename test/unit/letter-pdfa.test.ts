import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream, PDFString, decodePDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillLetter } from '../../domain/letters/fill';
import { defaultLetterTemplate } from '../../domain/letters/templates';
import { renderBatchPdf, renderLetterPdf } from '../../platform/letter-pdf';
import { srgbIccProfile } from '../../platform/srgb-icc';

const header = { municipalityName: 'Tynset kommune', lines: ['Boligtjenesten', 'Postboks 123, 2501 Tynset'] };
const facts = { recipient: 'Ingrid Bakken', caseId: 'TYN-2026-7KX3QF', date: '2027-03-01', municipality: 'Tynset kommune', appealBody: 'Statsforvalteren i Innlandet' };
const decision = fillLetter(defaultLetterTemplate('decision', 'nn'), facts, { subject: 'Søknad om kommunal bustad', decision: 'Søknaden er avslått.', reasons: 'Du eig ein bustad – «Storgata 1» § 6.', legalBasis: 'Boligsosial lov § 6' });
const warning = fillLetter(defaultLetterTemplate('eviction_warning', 'nb'), facts, { arrears: 1_830_050, arrearsPeriod: 'januar og februar 2027', kid: '2934232601865499654', accountNumber: '1234.56.78903' });

const text = (s: PDFStream) => Buffer.from(s instanceof PDFRawStream ? decodePDFRawStream(s).decode() : s.getContents()).toString('utf8');

/** Issue 16: letters are archivable as PDF/A-2b (ISO 19005-2, level B). */
describe('letters: PDF/A-2b', () => {
  it('claims PDF/A-2b in XMP that mirrors the document information', async () => {
    const doc = await PDFDocument.load(await renderLetterPdf(header, warning), { updateMetadata: false });
    const xmp = text(doc.catalog.lookup(PDFName.of('Metadata'), PDFStream));
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${doc.getTitle()}</rdf:li>`);
    expect(xmp).toContain(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${doc.getSubject()}</rdf:li>`);
    expect(xmp).toContain('<xmp:CreateDate>2027-03-01T12:00:00Z</xmp:CreateDate>');
  });

  it('has an sRGB output intent with the ICC profile embedded, and a document ID', async () => {
    const doc = await PDFDocument.load(await renderLetterPdf(header, warning), { updateMetadata: false });
    const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    expect(intents.size()).toBe(1);
    const intent = intents.lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))).toEqual(PDFName.of('GTS_PDFA1'));
    expect(intent.lookup(PDFName.of('OutputConditionIdentifier'), PDFString).decodeText()).toBe('sRGB IEC61966-2.1');
    const profile = intent.lookup(PDFName.of('DestOutputProfile'), PDFStream);
    expect(profile.dict.get(PDFName.of('N'))?.toString()).toBe('3');
    const icc = Buffer.from(profile instanceof PDFRawStream ? decodePDFRawStream(profile).decode() : profile.getContents());
    expect(icc.equals(Buffer.from(srgbIccProfile()))).toBe(true);
    // ICC header: its own size, version 2.1, a display profile of RGB to XYZ, the 'acsp' signature.
    expect(icc.readUInt32BE(0)).toBe(icc.length);
    expect(icc.readUInt32BE(8)).toBe(0x02100000);
    expect(icc.toString('latin1', 12, 24)).toBe('mntrRGB XYZ ');
    expect(icc.toString('latin1', 36, 40)).toBe('acsp');
    const ids = doc.context.trailerInfo.ID as PDFArray;
    expect(ids.size()).toBe(2);
  });

  it('embeds every font it uses (no standard-14 font), in every letter of a print batch', async () => {
    const doc = await PDFDocument.load(await renderBatchPdf([{ header, letter: warning }, { header, letter: decision }], '2027-03-01'));
    let fonts = 0;
    for (const page of doc.getPages()) {
      const dict = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
      for (const [, ref] of dict.entries()) {
        fonts++;
        const font = doc.context.lookup(ref, PDFDict);
        expect(font.get(PDFName.of('Subtype'))).toEqual(PDFName.of('Type0'));
        const descendant = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
        const descriptor = descendant.lookup(PDFName.of('FontDescriptor'), PDFDict);
        expect(descriptor.lookup(PDFName.of('FontFile2'), PDFStream)).toBeDefined();
        expect(font.lookup(PDFName.of('ToUnicode'), PDFStream)).toBeDefined();
      }
    }
    expect(fonts).toBeGreaterThanOrEqual(4);
    expect(Buffer.from(await doc.save()).toString('latin1')).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
  });

  describe('validated by veraPDF (the PDF Association\'s reference validator)', () => {
    let launcher: string;
    beforeAll(() => {
      // Idempotent: installs veraPDF from Maven Central into the tool cache the first time.
      const out = execFileSync('bash', [join(import.meta.dirname, '../../scripts/tools/install-verapdf.sh')], { encoding: 'utf8' });
      launcher = out.trim().split('\n').at(-1)!.replace(/^verapdf [0-9.]+: /, '');
    }, 300_000);

    it('a single letter, a long letter over pages and a print batch are PDF/A-2b compliant', { timeout: 120_000 }, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'botrygg-pdfa-'));
      const long = { ...decision, paragraphs: Array.from({ length: 60 }, (_, i) => `Avsnitt ${i + 1}: ${'ord æøå '.repeat(30)}`) };
      const files = {
        warning: await renderLetterPdf(header, warning),
        long: await renderLetterPdf(header, long),
        batch: await renderBatchPdf([{ header, letter: warning }, { header, letter: decision }], '2027-03-01'),
        unprintable: await renderLetterPdf(header, { ...warning, recipient: 'Ŝtefan Ωmega' }),
      };
      const paths = Object.entries(files).map(([name, bytes]) => {
        const path = join(dir, `${name}.pdf`);
        writeFileSync(path, bytes);
        return path;
      });
      const report = execFileSync(launcher, ['2b', ...paths], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      expect(report.trim().split('\n')).toEqual(paths.map((p) => `${p} compliant=true`));
    });

    it('control: a PDF without the embedded fonts and output intent fails the same validator', { timeout: 60_000 }, async () => {
      const plain = await PDFDocument.create();
      plain.addPage().drawText('Uten innebygd skrift', { x: 50, y: 700, font: await plain.embedFont('Helvetica') });
      const path = join(mkdtempSync(join(tmpdir(), 'botrygg-pdfa-')), 'plain.pdf');
      writeFileSync(path, await plain.save());
      const report = execFileSync(launcher, ['2b', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      expect(report).toContain('compliant=false');
    });
  });
});

import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { fillLetter } from '../../domain/letters/fill';
import { defaultLetterTemplate } from '../../domain/letters/templates';
import { renderBatchPdf, renderLetterPdf } from '../../platform/letter-pdf';
import { pdfLines } from '../helpers/pdf-text';

const header = { municipalityName: 'Tynset kommune', lines: ['Boligtjenesten', 'Postboks 123, 2501 Tynset', 'Telefon 62 48 50 00'] };
const facts = { recipient: 'Ingrid Bakken', caseId: 'TYN-2026-7KX3QF', date: '2027-03-01', municipality: 'Tynset kommune', appealBody: 'Statsforvalteren i Innlandet' };
const warning = fillLetter(defaultLetterTemplate('eviction_warning', 'nb'), facts, { arrears: 1_830_050, arrearsPeriod: 'januar og februar 2027', kid: '2934232601865499654', accountNumber: '1234.56.78903' });

describe('letters: PDF', () => {
  it('shows the header, case ID, date, the letter and the page number, read back from the bytes', async () => {
    const bytes = await renderLetterPdf(header, warning);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const lines = await pdfLines(bytes);
    expect(lines.slice(0, 6)).toEqual(['Tynset kommune', 'Saksnummer: TYN-2026-7KX3QF', 'Dato: 1. mars 2027', 'Boligtjenesten', 'Postboks 123, 2501 Tynset', 'Telefon 62 48 50 00']);
    expect(lines).toContain('Varsel om begjæring om utkastelse');
    expect(lines.join(' ')).toContain('Du skylder 18 300,50 kr i husleie for januar og februar 2027.');
    expect(lines.join(' ')).toContain('tvangsfullbyrdelsesloven § 4-18.');
    expect(lines.at(-1)).toBe('Side 1 av 1');
  });

  it('carries archive metadata: title, author, language, fixed dates and XMP', async () => {
    const bytes = await renderLetterPdf(header, warning);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Varsel om begjæring om utkastelse (TYN-2026-7KX3QF)');
    expect(doc.getAuthor()).toBe('Tynset kommune');
    expect(doc.getCreationDate()?.toISOString()).toBe('2027-03-01T12:00:00.000Z');
    expect(Buffer.from(bytes).toString('latin1')).toContain('<dc:language><rdf:Bag><rdf:li>nb-NO</rdf:li>');
    // The same letter renders to the same bytes: an archived letter can be produced again.
    expect(Buffer.from(await renderLetterPdf(header, warning)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('a long letter runs over pages, each numbered «Side n av m» with the case ID', async () => {
    const long = { ...warning, paragraphs: Array.from({ length: 60 }, (_, i) => `Avsnitt ${i + 1}: ${'ord '.repeat(40)}`) };
    const bytes = await renderLetterPdf(header, long);
    const doc = await PDFDocument.load(bytes);
    const pages = doc.getPageCount();
    expect(pages).toBeGreaterThan(2);
    const lines = await pdfLines(bytes);
    for (let n = 1; n <= pages; n++) expect(lines).toContain(`Side ${n} av ${pages}`);
    expect(lines.filter((l) => l === 'Saksnummer: TYN-2026-7KX3QF')).toHaveLength(pages);
  });

  it('the print batch starts each letter on its own page, numbered within the letter', async () => {
    const other = fillLetter(defaultLetterTemplate('three_party_meeting', 'nn'), { ...facts, recipient: 'Per Hansen', caseId: 'TYN-2026-ABCDEF' }, { meetingDate: '2027-03-10', meetingTime: '10:00', location: 'Tynset rådhus', purpose: 'Husleiga.' });
    const bytes = await renderBatchPdf([{ header, letter: warning }, { header, letter: other }], '2027-03-01');
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(2);
    const lines = await pdfLines(bytes);
    expect(lines.filter((l) => l === 'Side 1 av 1')).toHaveLength(2);
    expect(lines).toContain('Per Hansen');
    expect(lines.join(' ')).toContain('Vi inviterer deg til eit møte med kommunen og NAV den 10. mars 2027 klokka 10:00, Tynset rådhus.');
  });

  it('a character the embedded font cannot print becomes «?» instead of failing the letter', async () => {
    const bytes = await renderLetterPdf(header, { ...warning, recipient: 'Ŝtefan Ωmega' });
    expect(await pdfLines(bytes)).toContain('?tefan ?mega');
  });
});

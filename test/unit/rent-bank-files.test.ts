import { describe, expect, it } from 'vitest';
import { detectPaymentsFileFormat, parseBankFile } from '../../domain/rent/bank-file';
import { parseCamt054File } from '../../domain/rent/camt054';
import { parseOcrGiroFile } from '../../domain/rent/ocr-giro';
import { camt054File, ocr, ocrGiroFile, type OcrPayment } from '../helpers/bank-files';

const KID_A = '12345674'; // MOD10
const KID_B = '2934232601865499654';

/**
 * An OCR giro file typed out record by record from Nets' layout (80 characters each): two KID
 * payments of 9 150,00 and 2 500,50 kr settled 4 January 2027, paid on 2 and 3 January.
 */
const HAND_WRITTEN = [
  // NY 00 00 10 | sender 00008080 | transmission 0170604 | recipient 00010200 | 49 zeros
  'NY000010000080800170604000102000000000000000000000000000000000000000000000000000',
  // NY 09 00 20 | agreement 001234567 | assignment 0000001 | account 99991234567 | 45 zeros
  'NY090020001234567000000199991234567000000000000000000000000000000000000000000000',
  // NY 09 10 30 | txn 0000001 | 040127 | centre 02 day 04 partial 1 serial 00007 | sign 0 | 915000 øre | KID | 6 filler
  'NY09103000000010401270204100007000000000000915000                 12345674000000',
  // NY 09 10 31 | txn 0000001 | form 0000000000 | archive 123456789 | 7 filler | paid 020127 | debit 12345678903 | 22 zeros
  'NY091031000000100000000001234567890000000020127123456789030000000000000000000000',
  'NY09103000000020401270204100007000000000000250050      2934232601865499654000000',
  'NY091031000000200000000009876543210000000030127123456789030000000000000000000000',
  // NY 09 00 88 | 2 txns | 6 records | 1165050 øre | 040127 | 040127 | 040127 | 21 zeros
  'NY090088000000020000000600000000001165050040127040127040127000000000000000000000',
  // NY 00 00 89 | 2 txns | 8 records | 1165050 øre | 040127 | 33 zeros
  'NY000089000000020000000800000000001165050040127000000000000000000000000000000000',
].join('\r\n');

const pay = (p: Partial<OcrPayment> & { archiveReference: string }): OcrPayment => ({ kid: KID_A, amountOre: 915_000, settled: '2027-01-04', ...p });

describe('Nets OCR giro', () => {
  it('reads a file written record by record from the published layout', () => {
    for (const record of HAND_WRITTEN.split('\r\n')) expect(record).toHaveLength(80);
    expect(detectPaymentsFileFormat(HAND_WRITTEN)).toBe('ocr_giro');
    const parsed = parseBankFile(HAND_WRITTEN);
    expect(parsed.errors).toEqual([]);
    expect(parsed.format).toBe('ocr_giro');
    expect(parsed.lines).toEqual([
      { line: 3, transactionId: 'ocr:2027-01-04:0204100007:0000001:123456789', date: '2027-01-04', amountOre: 915_000, kid: KID_A, type: 'payment' },
      { line: 5, transactionId: 'ocr:2027-01-04:0204100007:0000002:987654321', date: '2027-01-04', amountOre: 250_050, kid: KID_B, type: 'payment' },
    ]);
  });

  it('agrees with the file builder the other tests and the benchmark use', () => {
    const built = ocrGiroFile([pay({ archiveReference: '1' }), pay({ archiveReference: '2', kid: KID_B, amountOre: 250_050 })]);
    const parsed = parseOcrGiroFile(built);
    expect(parsed.errors).toEqual([]);
    expect(parsed.lines.map((l) => [l.kid, l.amountOre])).toEqual([
      [KID_A, 915_000],
      [KID_B, 250_050],
    ]);
  });

  it('keeps each payment on its own date in a file crossing a month', () => {
    const parsed = parseOcrGiroFile(
      ocrGiroFile([pay({ archiveReference: '11', settled: '2027-01-29', paid: '2027-01-28' }), pay({ archiveReference: '12', settled: '2027-02-01', paid: '2027-01-31' })]),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.lines.map((l) => l.date)).toEqual(['2027-01-29', '2027-02-01']);
  });

  it('refuses a malformed record with its line, and returns no payments at all', () => {
    const records = ocrGiroFile([pay({ archiveReference: '1' }), pay({ archiveReference: '2' })]).split('\r\n');
    records[4] = records[4]!.slice(0, 79); // item 1 of the second payment, one character short
    records[2] = records[2]!.slice(0, 32) + '0000000009150,00' + records[2]!.slice(48); // amount with a comma
    const parsed = parseOcrGiroFile(records.join('\r\n'));
    expect(parsed.lines).toEqual([]);
    expect(parsed.errors.map((e) => e.message)).toEqual([
      'Linje 3: beløpet «0000000009150,000» (pos. 33–49) er ikke et beløp i øre.',
      'Linje 5: recorden har 79 tegn; en OCR-record har 80.',
      'Linje 6: beløpspost 2 for transaksjon 0000002 følger ikke rett etter beløpspost 1 for samme transaksjon.',
    ]);
  });

  it('refuses a file whose end record disagrees with its items (sum or count)', () => {
    const wrongSum = parseOcrGiroFile(ocrGiroFile([pay({ archiveReference: '1' }), pay({ archiveReference: '2' })], { assignmentSum: 1_830_001 }));
    expect(wrongSum.lines).toEqual([]);
    expect(wrongSum.errors).toEqual([{ line: 7, message: 'Linje 7: sluttrecord for oppdraget oppgir sum 18 300,01 kr, men beløpspostene summerer til 18 300,00 kr.' }]);

    const wrongCount = parseOcrGiroFile(ocrGiroFile([pay({ archiveReference: '1' })], { assignmentCount: 2 }));
    expect(wrongCount.errors).toEqual([{ line: 5, message: 'Linje 5: sluttrecord for oppdraget oppgir 2 transaksjoner, men filen har 1.' }]);
  });

  it('refuses a truncated file, a second transmission and AvtaleGiro records', () => {
    const records = ocrGiroFile([pay({ archiveReference: '1' })]).trimEnd().split('\r\n');
    expect(parseOcrGiroFile(records.slice(0, -1).join('\n')).errors).toEqual([
      { line: 6, message: 'Linje 6: filen slutter uten sluttrecord for forsendelsen (NY000089); den kan være avkortet.' },
    ]);
    const avtaleGiro = [...records];
    avtaleGiro[1] = avtaleGiro[1]!.replace(/^NY09/, 'NY21');
    expect(parseOcrGiroFile(avtaleGiro.join('\n')).errors[0]).toEqual({ line: 2, message: 'Linje 2: tjenestekode 21 er AvtaleGiro-trekk, ikke innbetalinger med OCR giro (tjenestekode 09).' });
    expect(parseOcrGiroFile([...records, records[0]!].join('\n')).errors[0]!.message).toBe('Linje 7: record etter sluttrecord for forsendelsen (linje 6).');
  });

  it('sends reversals and payments without a KID to the work list, and signs reversals in the sums', () => {
    const reversal = pay({ archiveReference: '5', type: '18', sign: '-', amountOre: 100_000 });
    const noKid = pay({ archiveReference: '6', type: '21', kid: '', amountOre: 50_000 });
    const records = [
      ocr.transmissionStart(),
      ocr.assignmentStart(),
      ocr.item1(1, pay({ archiveReference: '4' })),
      ocr.item2(1, pay({ archiveReference: '4' })),
      ocr.item1(2, reversal),
      ocr.item2(2, reversal),
      ocr.item1(3, noKid),
      ocr.item2(3, noKid),
      ocr.item3(3, noKid, 'Husleie januar'),
      ocr.assignmentEnd(3, 9, 915_000 - 100_000 + 50_000, '2027-01-04', '2027-01-04', '2027-01-04'),
      ocr.transmissionEnd(3, 11, 915_000 - 100_000 + 50_000, '2027-01-04'),
    ];
    const parsed = parseOcrGiroFile(records.join('\n'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.lines[1]).toMatchObject({ amountOre: 100_000, reversal: true, review: 'Tilbakeføring (reversering med KID) på 1 000,00 kr: behandles manuelt, føres ikke automatisk.' });
    expect(parsed.lines[2]).toMatchObject({ amountOre: 50_000, review: 'Innbetalingen har ingen KID: finn saken og koble den manuelt.' });
    expect(parsed.lines[2]!.kid).toBeUndefined();

    // Type 21 without its item 3 is a broken transaction.
    const withoutItem3 = records.filter((_, i) => i !== 8);
    expect(parseOcrGiroFile(withoutItem3.join('\n')).errors).toEqual([{ line: 7, message: 'Linje 7: transaksjon 0000003 (transaksjonstype 21) mangler beløpspost 3 (record 32).' }]);
  });
});

describe('camt.054', () => {
  // Lines below are those of the file test/helpers/bank-files.ts writes: the header takes 9, each entry 18.
  const payments = [
    { kid: KID_A, amount: '9150.00', booked: '2027-01-29', reference: 'NO2027012900001' },
    { kid: KID_B, amount: '2500.50', booked: '2027-02-01', reference: 'NO2027020100002' },
  ];

  it('reads booked credits with their structured reference as KID, in a file crossing a month', () => {
    const xml = camt054File(payments);
    expect(detectPaymentsFileFormat(xml)).toBe('camt054');
    const parsed = parseBankFile(xml);
    expect(parsed.errors).toEqual([]);
    expect(parsed.lines).toEqual([
      { line: 20, element: 'Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]', transactionId: 'camt:99991234567:NO2027012900001', date: '2027-01-29', amountOre: 915_000, kid: KID_A, type: 'payment' },
      { line: 38, element: 'Ntfctn[1]/Ntry[2]/NtryDtls[1]/TxDtls[1]', transactionId: 'camt:99991234567:NO2027020100002', date: '2027-02-01', amountOre: 250_050, kid: KID_B, type: 'payment' },
    ]);
  });

  it('reads a KID wrapped in CDATA like any other text', () => {
    const xml = camt054File([payments[0]!]).replace(`<Ref>${KID_A}</Ref>`, `<Ref><![CDATA[${KID_A}]]></Ref>`);
    expect(xml).toContain('CDATA');
    expect(parseCamt054File(xml).lines.map((l) => l.kid)).toEqual([KID_A]);
  });

  it('leaves pending entries out and sends debits and payments without one KID to the work list', () => {
    const parsed = parseCamt054File(
      camt054File([
        { kid: KID_A, amount: '100.00', booked: '2027-01-04', reference: 'R1', status: 'PDNG' },
        { kid: KID_A, amount: '200.00', booked: '2027-01-04', reference: 'R2', debit: true },
        { amount: '300.00', booked: '2027-01-04', reference: 'R3' },
        { kids: [KID_A, KID_B], amount: '400.00', booked: '2027-01-04', reference: 'R4' },
      ]),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.lines.map((l) => [l.transactionId, l.review, l.reversal ?? false])).toEqual([
      ['camt:99991234567:R2', 'Belastning (DBIT) på 200,00 kr: behandles manuelt, føres ikke automatisk.', true],
      ['camt:99991234567:R3', 'Innbetalingen har ingen KID (strukturert kreditorreferanse): finn saken og koble den manuelt.', false],
      ['camt:99991234567:R4', 'Innbetalingen har 2 KID-er: fordel den manuelt.', false],
    ]);
  });

  it('refuses a file whose totals disagree with its entries, naming the element', () => {
    expect(parseCamt054File(camt054File(payments, { sum: '11650.51' }))).toEqual({
      lines: [],
      errors: [{ line: 9, element: 'Ntfctn[1]/TxsSummry/TtlNtries/Sum', message: 'Linje 9, Ntfctn[1]/TxsSummry/TtlNtries/Sum: oppgir sum 11650.51, men postene summerer til 11 650,50 kr.' }],
    });
    expect(parseCamt054File(camt054File(payments, { entries: 3 })).errors.map((e) => e.element)).toEqual(['Ntfctn[1]/TxsSummry/TtlNtries/NbOfNtries']);
  });

  it('refuses a malformed entry and a duplicate reference, each with its element', () => {
    const xml = camt054File([...payments, { kid: KID_A, amount: '1.00', booked: '2027-02-01', reference: 'NO2027012900001' }], { sum: '11651.50' }).replace(
      '<Amt Ccy="NOK">2500.50</Amt>\n        <CdtDbtInd>',
      '<Amt Ccy="NOK">2500,50</Amt>\n        <CdtDbtInd>',
    );
    const parsed = parseCamt054File(xml);
    expect(parsed.lines).toEqual([]);
    expect(parsed.errors.map((e) => e.message)).toEqual([
      'Linje 9, Ntfctn[1]/TxsSummry/TtlNtries/NbOfNtries: oppgir 3 poster, men aviseringen har 2.',
      'Linje 9, Ntfctn[1]/TxsSummry/TtlNtries/Sum: oppgir sum 11651.50, men postene summerer til 9 151,00 kr.',
      'Linje 30, Ntfctn[1]/Ntry[2]/Amt: beløpet «2500,50» er ikke et gyldig beløp (kroner med punktum og høyst to desimaler).',
      'Linje 56, Ntfctn[1]/Ntry[3]/NtryDtls[1]/TxDtls[1]: bankens referanse «NO2027012900001» er brukt før i filen, i linje 20, Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1].',
    ]);
  });

  it('refuses a booking date outside the years the API keeps to', () => {
    expect(parseCamt054File(camt054File([{ kid: KID_A, amount: '1.00', booked: '0999-12-31', reference: 'R9' }])).errors).toEqual([
      { line: 15, element: 'Ntfctn[1]/Ntry[1]/BookgDt', message: 'Linje 15, Ntfctn[1]/Ntry[1]/BookgDt: bokføringsdatoen «0999-12-31» mangler eller er ugyldig.' },
    ]);
  });

  it('refuses XML that is broken or another message, never as a server error', () => {
    const broken = parseBankFile('<?xml version="1.0"?>\n<Document>\n  <BkToCstmrDbtCdtNtfctn>\n</Document>\n');
    expect(broken.errors).toEqual([{ line: 4, message: 'Linje 4: filen er ikke gyldig XML (feil ved tegn 11). Send filen slik banken laget den.' }]);
    // An entity of the file's own is never expanded (no entity bomb can grow): the file is refused.
    expect(parseBankFile('<!DOCTYPE x [<!ENTITY a "aaaa">]><Document>&a;</Document>').errors).toEqual([
      { line: 1, message: 'Linje 1: filen er ikke gyldig XML (feil ved tegn 46). Send filen slik banken laget den.' },
    ]);
    const statement = parseBankFile('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr/></BkToCstmrStmt></Document>');
    expect(statement.errors[0]!.message).toBe(
      'Linje 1, Document: filen er ikke en camt.054-avisering (Document/BkToCstmrDbtCdtNtfctn mangler). Filen er en kontoutskrift (camt.053), ikke en avisering av innbetalinger (camt.054).',
    );
  });

  it('still reads the CSV of our own', () => {
    expect(parseBankFile(`transaksjonsid;dato;beløp;kid\nT-1;2027-01-04;9 150,00;${KID_A}\n`)).toMatchObject({ format: 'csv', errors: [], lines: [{ amountOre: 915_000, kid: KID_A }] });
  });
});

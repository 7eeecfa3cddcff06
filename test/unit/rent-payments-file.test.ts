import { describe, it, expect } from 'vitest';
import { isValidKid, kidForCase, mod10CheckDigit, mod11CheckDigit } from '../../domain/rent/kid';
import { PAYMENTS_FILE_MAX_LINES, parsePaymentsFile } from '../../domain/rent/payments-file';

const file = (...lines: string[]): string => lines.join('\n');
const HEADER = 'transaksjonsid;dato;beløp;kid;referanse;type;periode';
const KID = '12345674'; // MOD10
const CASE = 'TYN-2026-7KX3QF';

describe('KID', () => {
  it('computes MOD10 (Luhn) check digits', () => {
    expect(mod10CheckDigit('1234567')).toBe('4');
    expect(mod10CheckDigit('7992739871')).toBe('3'); // the textbook Luhn example 79927398713
    expect(mod10CheckDigit('0')).toBe('0');
  });

  it('computes MOD11 check digits, with none when the remainder is 1', () => {
    expect(mod11CheckDigit('1234567890')).toBe('3'); // 1234.56.78903, the usual valid account number example
    expect(mod11CheckDigit('0')).toBe('0');
    expect(mod11CheckDigit('100008')).toBeUndefined(); // would need '-'
    expect(() => mod11CheckDigit('12a')).toThrow(RangeError);
    expect(() => mod10CheckDigit('')).toThrow(RangeError);
  });

  it('accepts a KID with a valid MOD10 or MOD11 check digit', () => {
    expect(isValidKid(KID)).toBe(true);
    expect(isValidKid('12345678903')).toBe(true); // MOD11
    expect(isValidKid('12345675')).toBe(false);
    expect(isValidKid('0')).toBe(false); // too short
    expect(isValidKid('00')).toBe(true);
    expect(isValidKid('1'.repeat(25) + '0')).toBe(false); // 26 digits
    expect(isValidKid('1234 5674')).toBe(false);
    expect(isValidKid('1000080-')).toBe(false);
  });

  it('gives each case its own stable 19-digit KID, read from the case ID', () => {
    // TYN → 29 34 23, 2026 → 26, 7KX3QF in base 32 → 0186549965: no two cases share a KID.
    expect(kidForCase(CASE).slice(0, 18)).toBe('293423260186549965');
    const kid = kidForCase(CASE);
    expect(kid).toMatch(/^\d{19}$/);
    expect(kidForCase(CASE)).toBe(kid);
    expect(isValidKid(kid)).toBe(true);
    expect(kidForCase('TYN-2026-7KX3QG')).not.toBe(kid);
    expect(() => kidForCase('')).toThrow(RangeError);
    expect(kidForCase('TYN-2027-7KX3QF')).not.toBe(kid);
    expect(kidForCase('TST-2026-7KX3QF')).not.toBe(kid);
  });
});

describe('parsePaymentsFile: good files', () => {
  it('reads payments and housing allowance', () => {
    const parsed = parsePaymentsFile(
      file(
        HEADER,
        `T1;2026-03-02;9 150,00;${KID};;;`,
        `T2;20.03.2026;3000;;${CASE};bostøtte;2026-03`,
        `T3;2026-03-05;9150.5;;${CASE.toLowerCase()};innbetaling;`,
      ),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.lines).toEqual([
      { line: 2, transactionId: 'T1', date: '2026-03-02', amountOre: 915_000, kid: KID, type: 'payment' },
      { line: 3, transactionId: 'T2', date: '2026-03-20', amountOre: 300_000, caseId: CASE, type: 'housing_allowance', period: '2026-03' },
      { line: 4, transactionId: 'T3', date: '2026-03-05', amountOre: 915_050, caseId: CASE, type: 'payment' },
    ]);
  });

  it.each([
    ['9150', 915_000],
    ['9 150,00', 915_000],
    ['9\u00a0150,00', 915_000],
    ['9\u202f150', 915_000],
    ['1 234 567,89', 123_456_789],
    ['9150.5', 915_050],
    ['0,01', 1],
    ['0.10', 10],
    ['007', 700],
    ['1234567890123,99', 123_456_789_012_399],
  ])('amount %s → %i øre', (amount, ore) => {
    const parsed = parsePaymentsFile(file(HEADER, `T1;2026-03-02;${amount};${KID};;;`));
    expect(parsed.errors).toEqual([]);
    expect(parsed.lines[0]!.amountOre).toBe(ore);
  });

  it('accepts BOM, CRLF, blank lines, quotes, any column order and case', () => {
    const text =
      '\uFEFFKID;Beløp;Dato;TransaksjonsID;Kommentar\r\n' +
      '\r\n' +
      `"${KID}";"9 150,00";2026-03-02;"T ""1""";"fritt; med semikolon"\r\n` +
      ';;;;\r\n' +
      `${KID}; "100" ;02.03.2026;T2;"to\r\nlinjer"\r\n` +
      `${KID};1;2026-03-03;T3;\r\n`;
    const parsed = parsePaymentsFile(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.lines.map((l) => [l.line, l.transactionId, l.amountOre, l.date])).toEqual([
      [3, 'T "1"', 915_000, '2026-03-02'],
      [5, 'T2', 10_000, '2026-03-02'],
      [7, 'T3', 100, '2026-03-03'],
    ]);
  });

  it('accepts comma as separator when the header has no semicolon, and the header spelling belop', () => {
    const parsed = parsePaymentsFile(file('transaksjonsid,dato,belop,referanse,type,periode', `T1,2026-03-02,"9 150,00",${CASE},bostotte,2026-03`, `T2,2026-03-02,9150.00,${CASE},,`));
    expect(parsed.errors).toEqual([]);
    expect(parsed.lines.map((l) => [l.amountOre, l.type])).toEqual([
      [915_000, 'housing_allowance'],
      [915_000, 'payment'],
    ]);
  });

  it('refuses a header-only file (most likely the wrong export), and accepts KIDs written in groups', () => {
    const refused = [{ line: 2, message: 'Linje 2: filen har bare overskriftslinjen og ingen transaksjoner. Kontroller at du har valgt riktig fil.' }];
    expect(parsePaymentsFile(HEADER + '\n')).toEqual({ lines: [], errors: refused });
    expect(parsePaymentsFile(HEADER + '\r\n\r\n\n')).toEqual({ lines: [], errors: refused });
    expect(parsePaymentsFile(file(HEADER, 'T1;2026-03-02;1;1234 5674;;;')).lines[0]!.kid).toBe(KID);
  });
});

describe('parsePaymentsFile: errors', () => {
  const errorsOf = (...lines: string[]) => parsePaymentsFile(file(HEADER, ...lines)).errors;

  it('names missing columns in one error on line 1', () => {
    expect(parsePaymentsFile(file('transaksjonsid;kid', `T1;${KID}`))).toEqual({
      lines: [],
      errors: [{ line: 1, message: 'Linje 1: overskriften mangler kolonnene «dato» og «beløp».' }],
    });
    expect(parsePaymentsFile(file('transaksjonsid;dato;beløp', 'T1;2026-03-02;1')).errors).toEqual([
      { line: 1, message: 'Linje 1: overskriften mangler kolonnen «kid» eller «referanse».' },
    ]);
    const noHeader = parsePaymentsFile(file(`T1;2026-03-02;1;${KID}`));
    expect(noHeader.errors).toHaveLength(1);
    expect(noHeader.errors[0]!.message).toMatch(/^Linje 1: overskriften mangler kolonnene «transaksjonsid», «dato», «beløp» og «kid» eller «referanse»\. Første linje må være en overskrift/);
    expect(parsePaymentsFile(file('transaksjonsid;dato;beløp;belop;kid', '')).errors).toEqual([
      { line: 1, message: 'Linje 1: kolonnen «beløp» står flere ganger i overskriften.' },
    ]);
    expect(parsePaymentsFile('').errors).toEqual([{ line: 1, message: 'Linje 1: filen er tom.' }]);
  });

  it('reports amount problems', () => {
    expect(errorsOf(`T1;2026-03-02;12,345;${KID};;;`)).toEqual([{ line: 2, message: 'Linje 2: beløpet «12,345» har mer enn to desimaler.' }]);
    expect(errorsOf(`T1;2026-03-02;0,00;${KID};;;`)).toEqual([{ line: 2, message: 'Linje 2: beløpet «0,00» må være større enn null.' }]);
    expect(errorsOf(`T1;2026-03-02;-100;${KID};;;`)).toEqual([{ line: 2, message: 'Linje 2: beløpet «-100» må være større enn null.' }]);
    expect(errorsOf(`T1;2026-03-02;;${KID};;;`)).toEqual([{ line: 2, message: 'Linje 2: beløp mangler.' }]);
    expect(errorsOf(`T1;2026-03-02;12345678901234;${KID};;;`)).toEqual([{ line: 2, message: 'Linje 2: beløpet «12345678901234» er for stort.' }]);
    for (const bad of ['9 15', '9,150,00', '1.234,50', 'kr 100', '100,', '1e3', '12 3456']) {
      expect(errorsOf(`T1;2026-03-02;"${bad}";${KID};;;`)[0]!.message, bad).toMatch(/^Linje 2: beløpet «.*» er ikke et gyldig beløp\./);
    }
  });

  it('reports date, id, KID, reference, type and period problems with their line numbers', () => {
    const errors = errorsOf(
      `T1;2026-02-30;100;${KID};;;`,
      `;2026-03-02;100;${KID};;;`,
      `${'x'.repeat(101)};2026-03-02;100;${KID};;;`,
      `T4;2026-03-02;100;12345675;;;`,
      `T5;2026-03-02;100;;TYN-2026-7KX3Q0;;`,
      `T6;2026-03-02;100;;;;`,
      `T7;2026-03-02;100;${KID};;refusjon;`,
      `T8;2026-03-02;100;${KID};;bostøtte;`,
      `T9;2026-03-02;100;${KID};;;2026-13`,
      `T10;3/2/2026;100;${KID};;;`,
    );
    expect(errors).toEqual([
      { line: 2, message: 'Linje 2: datoen «2026-02-30» er ikke en gyldig dato. Bruk ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.' },
      { line: 3, message: 'Linje 3: transaksjonsid mangler.' },
      { line: 4, message: 'Linje 4: transaksjonsid er lengre enn 100 tegn.' },
      { line: 5, message: 'Linje 5: KID «12345675» er ikke gyldig. En KID har 2 til 25 sifre og gyldig kontrollsiffer.' },
      { line: 6, message: 'Linje 6: referansen «TYN-2026-7KX3Q0» er ikke et gyldig saksnummer (for eksempel TYN-2026-7KX3QF).' },
      { line: 7, message: 'Linje 7: linjen mangler både KID og referanse.' },
      { line: 8, message: 'Linje 8: typen «refusjon» er ukjent. Bruk «innbetaling» eller «bostøtte».' },
      { line: 9, message: 'Linje 9: periode mangler. Bostøtte må ha perioden den gjelder (ÅÅÅÅ-MM).' },
      { line: 10, message: 'Linje 10: perioden «2026-13» er ikke gyldig. Bruk ÅÅÅÅ-MM, for eksempel 2026-03.' },
      { line: 11, message: 'Linje 11: datoen «3/2/2026» er ikke en gyldig dato. Bruk ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.' },
    ]);
  });

  it('reports every problem on a line, and keeps the good lines', () => {
    const parsed = parsePaymentsFile(file(HEADER, `T1;2026-03-02;100;${KID};;;`, 'T2;31.02.2026;1,234;;;;', `T3;2026-03-03;200;${KID};;;`));
    expect(parsed.lines.map((l) => l.transactionId)).toEqual(['T1', 'T3']);
    expect(parsed.errors.map((e) => e.message)).toEqual([
      'Linje 3: datoen «31.02.2026» er ikke en gyldig dato. Bruk ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.',
      'Linje 3: beløpet «1,234» har mer enn to desimaler.',
      'Linje 3: linjen mangler både KID og referanse.',
    ]);
  });

  it('reports a duplicate transaction id on the later line, counting physical lines', () => {
    const parsed = parsePaymentsFile(file(HEADER, `T1;2026-03-02;100;${KID};;;`, '', `T2;2026-03-02;100;${KID};;;`, `T1;2026-03-03;100;${KID};;;`));
    expect(parsed.errors).toEqual([{ line: 5, message: 'Linje 5: transaksjonsid «T1» er brukt før i filen, på linje 2.' }]);
    expect(parsed.lines.map((l) => l.line)).toEqual([2, 4]);
  });

  it('reports a line with more fields than the header', () => {
    const parsed = parsePaymentsFile(file('transaksjonsid,dato,beløp,kid', `T1,2026-03-02,9150,00,${KID}`));
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]!.message).toMatch(/^Linje 2: linjen har 5 felt, men overskriften har 4\. Bruk semikolon som skilletegn/);
  });

  it('reports a quote that never ends', () => {
    const parsed = parsePaymentsFile(file(HEADER, `T1;2026-03-02;100;${KID};;;`, `T2;"2026-03-02;100;${KID};;;`, `T3;2026-03-02;100;${KID};;;`));
    expect(parsed.errors).toEqual([{ line: 3, message: 'Linje 3: et felt starter med anførselstegn (") som aldri avsluttes.' }]);
    expect(parsed.lines.map((l) => l.transactionId)).toEqual(['T1']);
  });

  it(`refuses a file with more than ${PAYMENTS_FILE_MAX_LINES} transaction lines`, () => {
    const line = (i: number) => `T${i};2026-03-02;100;${KID};;;`;
    const atLimit = [HEADER, ...Array.from({ length: PAYMENTS_FILE_MAX_LINES }, (_, i) => line(i))].join('\n');
    const ok = parsePaymentsFile(atLimit);
    expect(ok.errors).toEqual([]);
    expect(ok.lines).toHaveLength(PAYMENTS_FILE_MAX_LINES);

    const tooMany = parsePaymentsFile(`${atLimit}\n\n${line(PAYMENTS_FILE_MAX_LINES)}\n`);
    expect(tooMany).toEqual({
      lines: [],
      errors: [{ line: PAYMENTS_FILE_MAX_LINES + 3, message: 'Linje 50003: filen har mer enn 50 000 transaksjonslinjer. Del den opp i flere filer.' }],
    });
  });
});

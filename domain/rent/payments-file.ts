import { isValidIsoDate, type IsoDate } from '../calendar';
import { CASE_ID_PATTERN } from '../ids';
import { isValidKid } from './kid';
import { isValidPeriod } from './schedule';

/**
 * The finance system's payments file (innbetalingsfil), CSV:
 *
 * - UTF-8, with or without BOM. The first line is a header with column names.
 * - Separator `;`. If the header line contains no `;`, the separator is `,` (then amounts with a decimal
 *   comma must be quoted).
 * - Line endings CRLF or LF. Blank lines are ignored.
 * - Fields may be enclosed in double quotes; a double quote inside a quoted field is written `""`.
 * - Column names are case-insensitive and may come in any order; other columns are ignored.
 *
 * | column | required | content |
 * |---|---|---|
 * | `transaksjonsid` | yes | the finance system's unique id of the transaction, 1–100 characters; the same id twice in one file is an error |
 * | `dato` | yes | `YYYY-MM-DD` or `DD.MM.YYYY` |
 * | `beløp` (or `belop`) | yes | kroner, decimal comma or point, at most 2 decimals, optional space thousands separators: `9150`, `9 150,00`, `9150.5`; must be above zero |
 * | `kid` | one of `kid` and `referanse` on every line | a KID (2–25 digits, valid MOD10 or MOD11 check digit) |
 * | `referanse` | | the case ID, e.g. `TYN-2026-7KX3QF` |
 * | `type` | no | `innbetaling` (payment; the default when empty) or `bostøtte` (also `bostotte`: housing allowance) |
 * | `periode` | for `bostøtte` | the rent period `YYYY-MM` the allowance is for |
 *
 * At most 50 000 transaction lines per file. Errors name the physical line in the file (the header is
 * line 1); a line with an error is left out, the other lines are still read.
 */

export const PAYMENTS_FILE_MAX_LINES = 50_000;

export interface PaymentLine {
  /** Physical line in the file, 1-based; the header is line 1. */
  line: number;
  transactionId: string;
  date: IsoDate;
  amountOre: number;
  kid?: string;
  caseId?: string;
  type: 'payment' | 'housing_allowance';
  period?: string;
  /** camt.054 only: the element the payment came from (`line` is where it starts). */
  element?: string;
  /**
   * Bank files only: why this payment goes to the work list whatever its KID says (no KID, several
   * KIDs, a reversal). The import lists it as unmatched with this reason, never posts it by itself.
   */
  review?: string;
  /** A reversal (tilbakeføring) or debit: money going out, which no case may be credited with by hand. */
  reversal?: boolean;
}

export interface FileError {
  /** 1-based line. */
  line: number;
  /** Norwegian, starting with «Linje N: » (for XML «Linje N, <element path>: »). */
  message: string;
  /** XML only: the element's path, e.g. `Ntfctn[1]/Ntry[2]/NtryDtls[1]/TxDtls[1]/Amt`. */
  element?: string;
}

export interface ParsedPaymentsFile {
  lines: PaymentLine[];
  errors: FileError[];
}

// ---------------------------------------------------------------------------
// CSV records
// ---------------------------------------------------------------------------

interface CsvRecord {
  /** Physical line where the record starts (a quoted field may span lines). */
  line: number;
  fields: string[];
}

interface CsvResult {
  records: CsvRecord[];
  errors: FileError[];
  /** Set when reading stopped because the file had too many records. */
  tooManyAtLine?: number;
}

const isBlank = (r: CsvRecord): boolean => r.fields.every((f) => f.trim() === '');

/** Splits the text into records; stops once `maxRecords` non-blank records have been read and another follows. */
function readCsv(text: string, separator: string, maxRecords: number): CsvResult {
  const records: CsvRecord[] = [];
  const errors: FileError[] = [];
  let nonBlank = 0;
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldWasQuoted = false;

  const endRecord = (): boolean => {
    fields.push(field);
    const record = { line: recordLine, fields };
    fields = [];
    field = '';
    fieldWasQuoted = false;
    if (isBlank(record)) return true;
    if (nonBlank === maxRecords) return false;
    nonBlank++;
    records.push(record);
    return true;
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && !fieldWasQuoted && field.trim() === '') {
      // Spaces before an opening quote are dropped: `; "9 150,00"` is a quoted field.
      inQuotes = true;
      fieldWasQuoted = true;
      field = '';
    } else if (c === separator) {
      fields.push(field);
      field = '';
      fieldWasQuoted = false;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (!endRecord()) return { records, errors, tooManyAtLine: recordLine };
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (inQuotes) {
    errors.push({ line: recordLine, message: `Linje ${recordLine}: et felt starter med anførselstegn (") som aldri avsluttes.` });
  } else if (field !== '' || fields.length > 0) {
    if (!endRecord()) return { records, errors, tooManyAtLine: recordLine };
  }
  return { records, errors };
}

// ---------------------------------------------------------------------------
// Header
// ---------------------------------------------------------------------------

type Column = 'transactionId' | 'date' | 'amount' | 'kid' | 'reference' | 'type' | 'period';

const COLUMN_NAMES: Record<string, Column> = {
  transaksjonsid: 'transactionId',
  dato: 'date',
  beløp: 'amount',
  belop: 'amount',
  kid: 'kid',
  referanse: 'reference',
  type: 'type',
  periode: 'period',
};

const DISPLAY_NAME: Record<Column, string> = {
  transactionId: 'transaksjonsid',
  date: 'dato',
  amount: 'beløp',
  kid: 'kid',
  reference: 'referanse',
  type: 'type',
  period: 'periode',
};

const EXAMPLE_HEADER = 'transaksjonsid;dato;beløp;kid;referanse;type;periode';

/** 'a', 'a og b', 'a, b og c'. */
function joinNorwegian(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}

function readHeader(record: CsvRecord): { columns: Map<Column, number>; errors: FileError[] } {
  const columns = new Map<Column, number>();
  const errors: FileError[] = [];
  const at = `Linje ${record.line}:`;
  record.fields.forEach((raw, index) => {
    const name = raw.trim().toLowerCase().normalize('NFC');
    const column = COLUMN_NAMES[name];
    if (!column) return;
    if (columns.has(column)) errors.push({ line: record.line, message: `${at} kolonnen «${DISPLAY_NAME[column]}» står flere ganger i overskriften.` });
    else columns.set(column, index);
  });

  const missing = (['transactionId', 'date', 'amount'] as const).filter((c) => !columns.has(c)).map((c) => `«${DISPLAY_NAME[c]}»`);
  if (!columns.has('kid') && !columns.has('reference')) missing.push('«kid» eller «referanse»');
  if (missing.length > 0) {
    // With no known column at all the file most likely has no header line.
    const hint = columns.size === 0 ? ` Første linje må være en overskrift, for eksempel «${EXAMPLE_HEADER}».` : '';
    errors.unshift({
      line: record.line,
      message: `${at} overskriften mangler ${missing.length === 1 ? 'kolonnen' : 'kolonnene'} ${joinNorwegian(missing)}.${hint}`,
    });
  }
  return { columns, errors };
}

// ---------------------------------------------------------------------------
// Fields. Each parser returns the value or a Norwegian problem (without the line prefix).
// ---------------------------------------------------------------------------

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const problem = <T>(text: string): Parsed<T> => ({ ok: false, problem: text });

const MAX_TRANSACTION_ID_LENGTH = 100;

function parseTransactionId(s: string): Parsed<string> {
  if (s === '') return problem('transaksjonsid mangler.');
  if ([...s].length > MAX_TRANSACTION_ID_LENGTH) return problem(`transaksjonsid er lengre enn ${MAX_TRANSACTION_ID_LENGTH} tegn.`);
  return ok(s);
}

const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const NORWEGIAN_DATE_RE = /^(\d{2})\.(\d{2})\.(\d{4})$/;

function parseDate(s: string): Parsed<IsoDate> {
  if (s === '') return problem('dato mangler.');
  const norwegian = NORWEGIAN_DATE_RE.exec(s);
  const iso = norwegian ? `${norwegian[3]}-${norwegian[2]}-${norwegian[1]}` : ISO_DATE_RE.test(s) ? s : undefined;
  if (iso === undefined || !isValidIsoDate(iso)) return problem(`datoen «${s}» er ikke en gyldig dato. Bruk ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.`);
  return ok(iso);
}

// Thousands groups may be separated by a space, a no-break space or a narrow no-break space (as
// spreadsheets write them); ungrouped digits are fine too.
const AMOUNT_RE = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?$/;
// Kroner digits beyond this would lose precision as øre in a JS number.
const MAX_KRONER_DIGITS = 13;

/** Kroner text to øre using only integer digits (no floating point): `9 150,5` → 915050. */
function parseKronerToOre(s: string): Parsed<number> {
  if (s === '') return problem('beløp mangler.');
  if (/^[-−]/.test(s)) return problem(`beløpet «${s}» må være større enn null.`);
  const match = AMOUNT_RE.exec(s);
  if (!match) return problem(`beløpet «${s}» er ikke et gyldig beløp. Skriv kroner med komma eller punktum før ørene, for eksempel 9 150,00.`);
  const kroner = match[1]!.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  const decimals = match[2] ?? '';
  if (decimals.length > 2) return problem(`beløpet «${s}» har mer enn to desimaler.`);
  if (kroner.length > MAX_KRONER_DIGITS) return problem(`beløpet «${s}» er for stort.`);
  const ore = Number(kroner) * 100 + Number(decimals.padEnd(2, '0'));
  if (ore === 0) return problem(`beløpet «${s}» må være større enn null.`);
  return ok(ore);
}

function parseKid(s: string): Parsed<string | undefined> {
  if (s === '') return ok(undefined);
  // KIDs are often shown in groups of digits; the spaces are not part of the number.
  const kid = s.replace(/\s/g, '');
  if (!isValidKid(kid)) return problem(`KID «${s}» er ikke gyldig. En KID har 2 til 25 sifre og gyldig kontrollsiffer.`);
  return ok(kid);
}

function parseReference(s: string): Parsed<string | undefined> {
  if (s === '') return ok(undefined);
  const caseId = s.toUpperCase();
  if (!CASE_ID_PATTERN.test(caseId)) return problem(`referansen «${s}» er ikke et gyldig saksnummer (for eksempel TYN-2026-7KX3QF).`);
  return ok(caseId);
}

function parseType(s: string): Parsed<PaymentLine['type']> {
  const t = s.toLowerCase().normalize('NFC');
  if (t === '' || t === 'innbetaling') return ok('payment');
  if (t === 'bostøtte' || t === 'bostotte') return ok('housing_allowance');
  return problem(`typen «${s}» er ukjent. Bruk «innbetaling» eller «bostøtte».`);
}

function parsePeriod(s: string, type: PaymentLine['type'] | undefined): Parsed<string | undefined> {
  if (s === '') return type === 'housing_allowance' ? problem('periode mangler. Bostøtte må ha perioden den gjelder (ÅÅÅÅ-MM).') : ok(undefined);
  if (!isValidPeriod(s)) return problem(`perioden «${s}» er ikke gyldig. Bruk ÅÅÅÅ-MM, for eksempel 2026-03.`);
  return ok(s);
}

// ---------------------------------------------------------------------------
// The file
// ---------------------------------------------------------------------------

function firstContentLine(text: string): string {
  return text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
}

/** Reads the whole file; every problem is reported with its line, and the good lines are returned. */
export function parsePaymentsFile(text: string): ParsedPaymentsFile {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const separator = firstContentLine(body).includes(';') ? ';' : ',';
  const csv = readCsv(body, separator, PAYMENTS_FILE_MAX_LINES + 1);

  if (csv.tooManyAtLine !== undefined) {
    // A partial import of a too large file would be hard to finish correctly later: refuse it all.
    const line = csv.tooManyAtLine;
    const max = String(PAYMENTS_FILE_MAX_LINES).replace(/\B(?=(\d{3})+$)/g, ' ');
    return { lines: [], errors: [{ line, message: `Linje ${line}: filen har mer enn ${max} transaksjonslinjer. Del den opp i flere filer.` }] };
  }

  const [headerRecord, ...dataRecords] = csv.records;
  if (!headerRecord) {
    return { lines: [], errors: csv.errors.length > 0 ? csv.errors : [{ line: 1, message: 'Linje 1: filen er tom.' }] };
  }
  const header = readHeader(headerRecord);
  if (header.errors.length > 0) return { lines: [], errors: header.errors };

  const lines: PaymentLine[] = [];
  const errors: FileError[] = [];
  const firstLineOfId = new Map<string, number>();
  const width = headerRecord.fields.length;

  for (const record of dataRecords) {
    const at = `Linje ${record.line}:`;
    const problems: string[] = [];
    const value = (column: Column): string => {
      const index = header.columns.get(column);
      return index === undefined ? '' : (record.fields[index] ?? '').trim();
    };
    const take = <T>(parsed: Parsed<T>): T | undefined => {
      if (parsed.ok) return parsed.value;
      problems.push(parsed.problem);
      return undefined;
    };

    if (record.fields.slice(width).some((f) => f.trim() !== '')) {
      problems.push(
        `linjen har ${record.fields.length} felt, men overskriften har ${width}.` +
          (separator === ',' ? ' Bruk semikolon som skilletegn, eller sett beløp med desimalkomma i anførselstegn.' : ''),
      );
    }

    const transactionId = take(parseTransactionId(value('transactionId')));
    if (transactionId !== undefined) {
      const first = firstLineOfId.get(transactionId);
      if (first !== undefined) problems.push(`transaksjonsid «${transactionId}» er brukt før i filen, på linje ${first}.`);
      else firstLineOfId.set(transactionId, record.line);
    }
    const date = take(parseDate(value('date')));
    const amountOre = take(parseKronerToOre(value('amount')));
    const kid = take(parseKid(value('kid')));
    const caseId = take(parseReference(value('reference')));
    if (value('kid') === '' && value('reference') === '') problems.push('linjen mangler både KID og referanse.');
    const type = take(parseType(value('type')));
    const period = take(parsePeriod(value('period'), type));

    if (problems.length > 0 || transactionId === undefined || date === undefined || amountOre === undefined || type === undefined) {
      for (const p of problems) errors.push({ line: record.line, message: `${at} ${p}` });
      continue;
    }
    lines.push({
      line: record.line,
      transactionId,
      date,
      amountOre,
      ...(kid !== undefined ? { kid } : {}),
      ...(caseId !== undefined ? { caseId } : {}),
      type,
      ...(period !== undefined ? { period } : {}),
    });
  }
  if (lines.length === 0 && errors.length === 0 && csv.errors.length === 0) {
    // Only a header: most likely the wrong export, and an empty import would only hide that.
    return { lines: [], errors: [{ line: 2, message: 'Linje 2: filen har bare overskriftslinjen og ingen transaksjoner. Kontroller at du har valgt riktig fil.' }] };
  }
  return { lines, errors: [...csv.errors, ...errors].sort((a, b) => a.line - b.line) };
}

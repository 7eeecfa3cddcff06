import { isValidIsoDate, type IsoDate } from '../calendar';
import type { FileError, ParsedPaymentsFile, PaymentLine } from './payments-file';

/**
 * Nets OCR giro (innbetalingsfil for KID-betalinger), as the banks deliver it to the payee's finance
 * system. Every record is 80 characters; positions below are 1-based as in Nets' system specification.
 *
 * Common to all records: 1–2 format code `NY`, 3–4 service code (`00` on the transmission records,
 * `09` = OCR giro on everything else), 5–6 transaction type (`00` on start/end records), 7–8 record type.
 *
 * | record | type | fields |
 * |---|---|---|
 * | start of transmission (forsendelse) | 10 | 9–16 data sender, 17–23 transmission number, 24–31 data recipient, 32–80 zeros |
 * | start of assignment (oppdrag) | 20 | 9–17 agreement ID, 18–24 assignment number, 25–35 assignment account, 36–80 zeros |
 * | amount item 1 (beløpspost 1) | 30 | 9–15 transaction number, 16–21 settlement date DDMMYY, 22–23 centre ID, 24–25 day code, 26 partial settlement number, 27–31 serial number, 32 sign (`0`, or `-` for a negative amount), 33–49 amount in øre, 50–74 KID right-aligned, 75–80 card issuer / filler |
 * | amount item 2 (beløpspost 2) | 31 | 9–15 transaction number, 16–25 form number, 26–34 archive reference, 35–41 filler, 42–47 payment date DDMMYY, 48–58 debit account, 59–80 zeros |
 * | amount item 3 (beløpspost 3) | 32 | transaction types 20 and 21 only: 9–15 transaction number, 16–55 free text, 56–80 zeros |
 * | end of assignment | 88 | 9–16 number of transactions, 17–24 number of records (start and end included), 25–41 sum of amounts in øre, 42–47 settlement date, 48–53 first and 54–59 last payment date |
 * | end of transmission | 89 | 9–16 number of transactions, 17–24 number of records (all, both transmission records included), 25–41 sum of amounts, 42–47 settlement date |
 *
 * Transaction types: 10 giro debited account, 11 standing order, 12 direct remittance, 13 bank terminal
 * giro (BTG), 14 counter giro, 15 AvtaleGiro, 16 telegiro, 17 giro paid in cash, 18 reversal with KID,
 * 19 purchase with KID, 20 reversal with free text, 21 purchase with free text.
 *
 * What Botrygg makes of it: one payment per transaction, dated the settlement date (item 1) and
 * identified by the bank's own keys (settlement date, centre, day code, partial settlement, serial
 * number, transaction number, archive reference), so the same transaction in a later file is never
 * posted twice. Reversals (18, 20, or sign `-`) and payments without a KID go to the work list. The
 * sums in the end records are signed (a reversal subtracts). Counts and sums must agree with the end
 * records, or the file is refused.
 */

export const OCR_RECORD_LENGTH = 80;
export const OCR_GIRO_MAX_TRANSACTIONS = 50_000;

/** The file starts with a transmission start record (after an optional BOM and blank lines). */
export function looksLikeOcrGiro(text: string): boolean {
  return /^\s*NY000010/.test(text.replace(/^\uFEFF/, ''));
}

const TRANSACTION_TYPES: Record<string, string> = {
  '10': 'giro belastet konto',
  '11': 'faste oppdrag',
  '12': 'direkte remittering',
  '13': 'BTG (bedriftsterminalgiro)',
  '14': 'skrankegiro',
  '15': 'AvtaleGiro',
  '16': 'TeleGiro',
  '17': 'giro betalt kontant',
  '18': 'reversering med KID',
  '19': 'kjøp med KID',
  '20': 'reversering med fritekst',
  '21': 'kjøp med fritekst',
};
const REVERSALS = new Set(['18', '20']);
const WITH_ITEM_3 = new Set(['20', '21']);

interface Transaction {
  line: number;
  type: string;
  number: string;
  date?: IsoDate;
  /** Signed øre. */
  amount: number;
  kid: string;
  bankKey: string;
  archiveReference?: string;
  item2: boolean;
  item3: boolean;
  /** The amount field was not digits (already reported). */
  badAmount: boolean;
}

interface Totals {
  transactions: number;
  records: number;
  sum: number;
}

const formatOre = (ore: number): string => {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const kroner = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ' ');
  return `${sign}${kroner},${String(abs % 100).padStart(2, '0')}`;
};

/** DDMMYY → ISO date (years 00–99 are 2000–2099: OCR giro dates from the last century are not imported). */
function ddmmyy(s: string): IsoDate | undefined {
  if (!/^\d{6}$/.test(s)) return undefined;
  const iso = `20${s.slice(4, 6)}-${s.slice(2, 4)}-${s.slice(0, 2)}`;
  return isValidIsoDate(iso) ? iso : undefined;
}

/** Reads the whole file; every problem is reported with its line. Pure: no I/O. */
export function parseOcrGiroFile(text: string): ParsedPaymentsFile {
  const body = text.replace(/^\uFEFF/, '');
  const physical = body.split(/\r\n|\n|\r/);
  const errors: FileError[] = [];
  const fail = (line: number, message: string) => errors.push({ line, message: `Linje ${line}: ${message}` });

  const lines: PaymentLine[] = [];
  const all: Totals = { transactions: 0, records: 0, sum: 0 };
  let assignment: (Totals & { line: number }) | undefined;
  let current: Transaction | undefined;
  let started = false;
  let ended: number | undefined;
  let transmissionNumber: string;
  let lastLine = 0;

  const closeTransaction = () => {
    const t = current;
    current = undefined;
    if (!t) return;
    if (!t.item2) {
      fail(t.line, `transaksjon ${t.number} mangler beløpspost 2 (record 31).`);
      return;
    }
    if (WITH_ITEM_3.has(t.type) && !t.item3) {
      fail(t.line, `transaksjon ${t.number} (transaksjonstype ${t.type}) mangler beløpspost 3 (record 32).`);
      return;
    }
    if (t.date === undefined || t.badAmount) return;
    const reversal = REVERSALS.has(t.type) || t.amount < 0;
    const kid = t.kid;
    let review: string | undefined;
    if (reversal) review = `Tilbakeføring (${TRANSACTION_TYPES[t.type]}) på ${formatOre(Math.abs(t.amount))} kr: behandles manuelt, føres ikke automatisk.`;
    else if (kid === '') review = 'Innbetalingen har ingen KID: finn saken og koble den manuelt.';
    if (t.amount === 0 && !t.badAmount) {
      fail(t.line, `transaksjon ${t.number} har beløp 0.`);
      return;
    }
    lines.push({
      line: t.line,
      transactionId: `ocr:${t.bankKey}:${t.archiveReference ?? ''}`,
      date: t.date,
      amountOre: Math.abs(t.amount),
      ...(kid !== '' ? { kid } : {}),
      type: 'payment',
      ...(review ? { review } : {}),
      ...(reversal ? { reversal: true } : {}),
    });
  };

  /** Checks an end record's totals against what was counted. */
  const checkTotals = (line: number, record: string, what: string, counted: Totals) => {
    const transactions = record.slice(8, 16);
    const records = record.slice(16, 24);
    const sum = record.slice(24, 41);
    if (!/^\d{8}$/.test(transactions) || !/^\d{8}$/.test(records) || !/^\d{17}$/.test(sum)) {
      fail(line, `sluttrecord for ${what} har ikke tall i feltene antall transaksjoner (pos. 9–16), antall records (pos. 17–24) og sum beløp (pos. 25–41).`);
      return;
    }
    // A malformed record already makes the counts differ: the totals are compared on an otherwise sound file only.
    if (errors.length > 0) return;
    if (Number(transactions) !== counted.transactions) fail(line, `sluttrecord for ${what} oppgir ${Number(transactions)} transaksjoner, men filen har ${counted.transactions}.`);
    if (Number(records) !== counted.records) fail(line, `sluttrecord for ${what} oppgir ${Number(records)} records, men filen har ${counted.records}.`);
    if (Number(sum) !== counted.sum) fail(line, `sluttrecord for ${what} oppgir sum ${formatOre(Number(sum))} kr, men beløpspostene summerer til ${formatOre(counted.sum)} kr.`);
  };

  for (let i = 0; i < physical.length; i++) {
    const line = i + 1;
    const record = physical[i]!;
    if (record.trim() === '') continue;
    lastLine = line;
    if (ended !== undefined) {
      fail(line, `record etter sluttrecord for forsendelsen (linje ${ended}).`);
      continue;
    }
    if (record.length !== OCR_RECORD_LENGTH) {
      fail(line, `recorden har ${record.length} tegn; en OCR-record har ${OCR_RECORD_LENGTH}.`);
      // Still counted: the end records' totals include it, and one bad record should not make every total wrong too.
      all.records++;
      if (assignment) assignment.records++;
      continue;
    }
    if (!record.startsWith('NY')) {
      fail(line, `recorden starter med «${record.slice(0, 2)}», ikke formatkoden «NY».`);
      continue;
    }
    const service = record.slice(2, 4);
    const txType = record.slice(4, 6);
    const recordType = record.slice(6, 8);
    all.records++;

    if (!started) {
      if (recordType !== '10' || service !== '00' || txType !== '00') {
        fail(line, 'første record må være startrecord for forsendelse (NY000010).');
        started = true;
        continue;
      }
      started = true;
      transmissionNumber = record.slice(16, 23);
      if (!/^\d{8}$/.test(record.slice(8, 16)) || !/^\d{7}$/.test(transmissionNumber) || !/^\d{8}$/.test(record.slice(23, 31))) {
        fail(line, 'startrecord for forsendelse skal ha dataavsender (pos. 9–16), forsendelsesnummer (pos. 17–23) og datamottaker (pos. 24–31) som tall.');
      }
      continue;
    }
    if (recordType === '10') {
      fail(line, 'en fil kan bare ha én forsendelse; startrecord for forsendelse står her for andre gang.');
      continue;
    }
    if (recordType === '89') {
      closeTransaction();
      if (assignment) fail(assignment.line, 'oppdraget som starter her mangler sluttrecord (record 88).');
      assignment = undefined;
      ended = line;
      checkTotals(line, record, 'forsendelsen', all);
      continue;
    }
    if (service !== '09') {
      fail(line, service === '21' ? 'tjenestekode 21 er AvtaleGiro-trekk, ikke innbetalinger med OCR giro (tjenestekode 09).' : `tjenestekode «${service}» er ukjent; OCR giro har tjenestekode 09.`);
      continue;
    }
    if (recordType === '20') {
      closeTransaction();
      if (assignment) fail(assignment.line, 'oppdraget som starter her mangler sluttrecord (record 88).');
      assignment = { line, transactions: 0, records: 1, sum: 0 };
      if (!/^\d{27}$/.test(record.slice(8, 35))) fail(line, 'startrecord for oppdrag skal ha avtale-ID (pos. 9–17), oppdragsnummer (pos. 18–24) og oppdragskonto (pos. 25–35) som tall.');
      continue;
    }
    if (!assignment) {
      fail(line, `record ${recordType} står utenfor et oppdrag (mangler startrecord NY090020 foran).`);
      continue;
    }
    assignment.records++;
    if (recordType === '88') {
      closeTransaction();
      checkTotals(line, record, 'oppdraget', assignment);
      const settlement = record.slice(41, 47);
      if (ddmmyy(settlement) === undefined) fail(line, `oppgjørsdatoen «${settlement}» (pos. 42–47) er ikke en gyldig dato (DDMMÅÅ).`);
      all.transactions += assignment.transactions;
      all.sum += assignment.sum;
      assignment = undefined;
      continue;
    }

    const number = record.slice(8, 15);
    if (recordType === '30') {
      closeTransaction();
      if (!TRANSACTION_TYPES[txType]) fail(line, `transaksjonstype «${txType}» er ukjent (OCR giro har 10–21).`);
      if (!/^\d{7}$/.test(number)) fail(line, `transaksjonsnummeret «${number}» (pos. 9–15) er ikke et tall.`);
      const dateText = record.slice(15, 21);
      const date = ddmmyy(dateText);
      if (date === undefined) fail(line, `oppgjørsdatoen «${dateText}» (pos. 16–21) er ikke en gyldig dato (DDMMÅÅ).`);
      const bankKey = record.slice(21, 31);
      if (!/^\d{10}$/.test(bankKey)) fail(line, 'sentral-ID, dagkode, delavregningsnummer og løpenummer (pos. 22–31) skal være tall.');
      const sign = record[31]!;
      if (sign !== '0' && sign !== '-') fail(line, `fortegnet «${sign}» (pos. 32) skal være 0 eller -.`);
      const amountText = record.slice(32, 49);
      if (!/^\d{17}$/.test(amountText)) fail(line, `beløpet «${amountText.trim()}» (pos. 33–49) er ikke et beløp i øre.`);
      const kidField = record.slice(49, 74);
      const kid = kidField.trim();
      if (!/^ *\d*$/.test(kidField)) fail(line, `KID «${kid}» (pos. 50–74) skal være sifre, høyrejustert.`);
      else if (kid !== '' && (kid.length < 2 || kid.length > 25)) fail(line, `KID «${kid}» (pos. 50–74) har ${kid.length} sifre.`);
      const amount = /^\d{17}$/.test(amountText) ? Number(amountText) * (sign === '-' ? -1 : 1) : 0;
      assignment.transactions++;
      assignment.sum += amount;
      if (assignment.transactions + all.transactions > OCR_GIRO_MAX_TRANSACTIONS) {
        const max = String(OCR_GIRO_MAX_TRANSACTIONS).replace(/\B(?=(\d{3})+$)/g, ' ');
        return { lines: [], errors: [{ line, message: `Linje ${line}: filen har mer enn ${max} transaksjoner. Del den opp i flere filer.` }] };
      }
      current = { line, type: txType, number, ...(date ? { date } : {}), amount, kid, bankKey: `${date ?? dateText}:${bankKey}:${number}`, item2: false, item3: false, badAmount: !/^\d{17}$/.test(amountText) };
      continue;
    }
    if (recordType === '31' || recordType === '32') {
      const item = recordType === '31' ? 2 : 3;
      if (!current || current.number !== number || current.type !== txType) {
        fail(line, `beløpspost ${item} for transaksjon ${number} følger ikke rett etter beløpspost ${item - 1} for samme transaksjon.`);
        continue;
      }
      if (item === 2) {
        if (current.item2) {
          fail(line, `transaksjon ${number} har beløpspost 2 to ganger.`);
          continue;
        }
        current.item2 = true;
        const archive = record.slice(25, 34);
        if (!/^[\d ]{9}$/.test(archive)) fail(line, `arkivreferansen «${archive}» (pos. 26–34) skal være sifre.`);
        current.archiveReference = archive.trim();
        const paid = record.slice(41, 47);
        if (paid !== '000000' && ddmmyy(paid) === undefined) fail(line, `oppdragsdatoen «${paid}» (pos. 42–47) er ikke en gyldig dato (DDMMÅÅ).`);
      } else {
        if (!current.item2 || current.item3 || !WITH_ITEM_3.has(txType)) {
          fail(line, `beløpspost 3 passer ikke her (bare transaksjonstype 20 og 21 har den, etter beløpspost 2).`);
          continue;
        }
        current.item3 = true;
      }
      continue;
    }
    fail(line, `recordtype «${recordType}» er ukjent i OCR giro (10, 20, 30, 31, 32, 88, 89).`);
  }
  closeTransaction();
  if (!started) return { lines: [], errors: [{ line: 1, message: 'Linje 1: filen er tom.' }] };
  if (ended === undefined) {
    const at = lastLine + 1;
    if (assignment) fail(assignment.line, 'oppdraget som starter her mangler sluttrecord (record 88).');
    fail(at, 'filen slutter uten sluttrecord for forsendelsen (NY000089); den kan være avkortet.');
  }
  if (all.transactions === 0 && errors.length === 0) fail(1, 'forsendelsen har ingen transaksjoner.');
  return { lines: errors.length ? [] : lines, errors: errors.sort((a, b) => a.line - b.line) };
}

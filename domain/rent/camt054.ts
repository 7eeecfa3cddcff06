import { SaxesParser } from 'saxes';
import { isValidIsoDate, type IsoDate } from '../calendar';
import type { FileError, ParsedPaymentsFile, PaymentLine } from './payments-file';

/**
 * ISO 20022 camt.054 (BankToCustomerDebitCreditNotification), as Norwegian banks deliver incoming KID
 * payments. Any version (camt.054.001.02 to .08): elements are read by name, namespaces ignored.
 *
 * ```
 * Document/BkToCstmrDbtCdtNtfctn
 *   GrpHdr/MsgId
 *   Ntfctn[]                    one per account
 *     Acct/Id/IBAN | Acct/Id/Othr/Id
 *     TxsSummry/TtlNtries/NbOfNtries, Sum         (optional; checked when present)
 *     TxsSummry/TtlCdtNtries/NbOfNtries, Sum      (optional; checked when present)
 *     Ntry[]
 *       Amt@Ccy (NOK), CdtDbtInd (CRDT | DBIT), Sts (BOOK, or Sts/Cd BOOK), BookgDt/Dt | BookgDt/DtTm
 *       AcctSvcrRef                                 the bank's reference of the entry
 *       NtryDtls[]/Btch/NbOfTxs, TtlAmt              (optional; checked when present)
 *       NtryDtls[]/TxDtls[]                           one payment each
 *         Refs/AcctSvcrRef                          the bank's reference of the payment
 *         Amt | AmtDtls/TxAmt/Amt                   (else the entry's amount, when it has one payment)
 *         CdtDbtInd                                 (else the entry's)
 *         RmtInf/Strd/CdtrRefInf/Ref                the structured creditor reference: the KID
 * ```
 *
 * Only booked entries (BOOK) are payments; pending and informational entries are read, checked and
 * left out. A debit (DBIT) or a payment with no or several KIDs goes to the work list. The payment's
 * ID is the bank's reference (`Refs/AcctSvcrRef`, else the entry's `AcctSvcrRef` and the payment's
 * place in it), prefixed by the account, so a payment in two files is posted once.
 * Errors name the line and the element by path: «Linje 42, Ntfctn[1]/Ntry[3]/NtryDtls[1]/TxDtls[2]/Amt: …».
 * XML is read with saxes (a maintained, strict, non-validating parser that keeps line numbers and
 * expands no entities of the document's own, so an entity bomb cannot grow), into a small tree.
 */

export const CAMT054_MAX_TRANSACTIONS = 50_000;

/** An element as read: local name (namespace prefix dropped), attributes, children, text, line. */
interface Elem {
  name: string;
  attrs: Record<string, string>;
  children: Elem[];
  text: string;
  line: number;
}

const child = (n: Elem | undefined, name: string): Elem | undefined => n?.children.find((c) => c.name === name);
const path = (n: Elem | undefined, ...names: string[]): Elem | undefined => names.reduce<Elem | undefined>((at, name) => child(at, name), n);
const list = (n: Elem | undefined, name: string): Elem[] => n?.children.filter((c) => c.name === name) ?? [];
/** The text of a leaf element; undefined for a missing element or one with elements inside. */
const text = (e: Elem | undefined): string | undefined => (e === undefined || e.children.length > 0 ? undefined : e.text.trim());
const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Reads the XML into a tree, or says on which line it is not well-formed. */
function readXml(xml: string): { root: Elem } | { line: number; column: number } {
  const parser = new SaxesParser({ position: true });
  const root: Elem = { name: '', attrs: {}, children: [], text: '', line: 1 };
  const stack: Elem[] = [root];
  let failure: { line: number; column: number } | undefined;
  // The first fault is the one to fix; saxes' own message is English and says no more than where.
  parser.on('error', () => {
    failure ??= { line: parser.line, column: parser.column };
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[localName(k)] = typeof v === 'string' ? v : v.value;
    const elem: Elem = { name: localName(tag.name), attrs, children: [], text: '', line: parser.line };
    stack[stack.length - 1]!.children.push(elem);
    stack.push(elem);
  });
  const addText = (t: string) => {
    stack[stack.length - 1]!.text += t;
  };
  parser.on('text', addText);
  // Some banks wrap references in CDATA; the text is the same.
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  return failure ?? { root };
}

const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;
/** "9150.5" → 915050 øre, using integer digits only. */
function toOre(s: string): number {
  const [kroner, decimals = ''] = s.split('.');
  return Number(kroner) * 100 + Number(decimals.padEnd(2, '0'));
}

const formatOre = (ore: number): string => `${String(Math.floor(ore / 100)).replace(/\B(?=(\d{3})+$)/g, ' ')},${String(ore % 100).padStart(2, '0')}`;

/** The file is XML (after an optional BOM and whitespace). Which XML is checked by the parser. */
export function looksLikeXml(text: string): boolean {
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('<');
}

/** Reads the whole file; every problem names its element. Pure: no I/O. */
export function parseCamt054File(input: string): ParsedPaymentsFile {
  const xml = input.replace(/^\uFEFF/, '');
  const read = readXml(xml);
  if ('column' in read) return { lines: [], errors: [{ line: read.line, message: `Linje ${read.line}: filen er ikke gyldig XML (feil ved tegn ${read.column}). Send filen slik banken laget den.` }] };

  const errors: FileError[] = [];
  const fail = (at: Elem | undefined, element: string, message: string) => {
    const line = at?.line ?? 0;
    errors.push({ line, element, message: `${line ? `Linje ${line}, ` : ''}${element}: ${message}` });
  };

  const document = child(read.root, 'Document');
  const root = child(document, 'BkToCstmrDbtCdtNtfctn');
  if (!root) {
    const found = (document ?? read.root).children[0]?.name;
    const what = found === 'BkToCstmrStmt' ? ' Filen er en kontoutskrift (camt.053), ikke en avisering av innbetalinger (camt.054).' : found ? ` Fant «${found}».` : '';
    const line = document?.line ?? read.root.children[0]?.line ?? 1;
    return { lines: [], errors: [{ line, element: 'Document', message: `Linje ${line}, Document: filen er ikke en camt.054-avisering (Document/BkToCstmrDbtCdtNtfctn mangler).${what}` }] };
  }

  const lines: PaymentLine[] = [];
  const seenIds = new Map<string, string>();
  const notifications = list(root, 'Ntfctn');
  if (notifications.length === 0) fail(root, 'BkToCstmrDbtCdtNtfctn', 'aviseringen har ingen Ntfctn.');

  notifications.forEach((ntfctn, ni) => {
    const at = `Ntfctn[${ni + 1}]`;
    const account = text(path(ntfctn, 'Acct', 'Id', 'IBAN')) ?? text(path(ntfctn, 'Acct', 'Id', 'Othr', 'Id'));
    if (!account) fail(ntfctn, `${at}/Acct/Id`, 'kontonummer (IBAN eller Othr/Id) mangler.');
    const entries = list(ntfctn, 'Ntry');
    let count = 0;
    let sum = 0;
    let creditCount = 0;
    let creditSum = 0;

    entries.forEach((ntry, ei) => {
      const e = `${at}/Ntry[${ei + 1}]`;
      const amountText = text(child(ntry, 'Amt'));
      const currency = child(ntry, 'Amt')?.attrs.Ccy;
      let amount: number | undefined;
      if (amountText === undefined || !AMOUNT.test(amountText)) fail(child(ntry, 'Amt') ?? ntry, `${e}/Amt`, `beløpet «${amountText ?? ''}» er ikke et gyldig beløp (kroner med punktum og høyst to desimaler).`);
      else amount = toOre(amountText);
      if (currency !== 'NOK') fail(child(ntry, 'Amt') ?? ntry, `${e}/Amt`, `valutaen «${String(currency ?? '')}» er ikke NOK.`);
      const direction = text(child(ntry, 'CdtDbtInd'));
      if (direction !== 'CRDT' && direction !== 'DBIT') fail(child(ntry, 'CdtDbtInd') ?? ntry, `${e}/CdtDbtInd`, `«${direction ?? ''}» skal være CRDT eller DBIT.`);
      const statusNode = child(ntry, 'Sts');
      const status = text(statusNode) ?? text(child(statusNode, 'Cd'));
      if (!status) fail(ntry, `${e}/Sts`, 'status mangler (BOOK, PDNG eller INFO).');
      const dateText = text(path(ntry, 'BookgDt', 'Dt')) ?? text(path(ntry, 'BookgDt', 'DtTm'))?.slice(0, 10);
      const booked = status === 'BOOK';
      let date: IsoDate | undefined;
      // The same years every date in the API keeps to (domain/schemas/common.ts).
      if (dateText === undefined || !isValidIsoDate(dateText) || dateText < '1900-01-01' || dateText > '2199-12-31') {
        if (booked) fail(child(ntry, 'BookgDt') ?? ntry, `${e}/BookgDt`, `bokføringsdatoen «${dateText ?? ''}» mangler eller er ugyldig.`);
      } else date = dateText;
      const entryRef = text(child(ntry, 'AcctSvcrRef'));
      if (amount !== undefined) {
        count++;
        sum += amount;
        if (direction === 'CRDT') {
          creditCount++;
          creditSum += amount;
        }
      }

      const details = list(ntry, 'NtryDtls');
      details.forEach((d, di) => {
        const batchCount = text(path(d, 'Btch', 'NbOfTxs'));
        const batchSumText = text(path(d, 'Btch', 'TtlAmt'));
        const txs = list(d, 'TxDtls');
        if (batchCount !== undefined && Number(batchCount) !== txs.length) fail(d, `${e}/NtryDtls[${di + 1}]/Btch/NbOfTxs`, `oppgir ${batchCount} transaksjoner, men det er ${txs.length} TxDtls.`);
        if (batchSumText !== undefined) {
          const batchSum = AMOUNT.test(batchSumText) ? toOre(batchSumText) : NaN;
          const txSum = txs.reduce<number>((s, tx) => s + (AMOUNT.test(text(child(tx, 'Amt')) ?? '') ? toOre(text(child(tx, 'Amt'))!) : 0), 0);
          if (batchSum !== txSum) fail(d, `${e}/NtryDtls[${di + 1}]/Btch/TtlAmt`, `oppgir sum ${batchSumText}, men transaksjonene summerer til ${formatOre(txSum)} kr.`);
        }
      });
      const txs = details.flatMap((d, di) => list(d, 'TxDtls').map((tx, ti) => ({ tx, at: `${e}/NtryDtls[${di + 1}]/TxDtls[${ti + 1}]` })));

      if (txs.length === 0) {
        // An entry without details is one payment with no remittance information.
        if (!booked || amount === undefined || date === undefined) return;
        if (!entryRef) {
          fail(ntry, `${e}/AcctSvcrRef`, 'bankens referanse mangler, og posten har ingen TxDtls med egen referanse.');
          return;
        }
        push(ntry, e, `${account}:${entryRef}`, date, amount, direction === 'DBIT', [], e);
        return;
      }

      let txTotal = 0;
      let allAmounts = true;
      txs.forEach(({ tx, at: t }, ti) => {
        const txAmountText = text(child(tx, 'Amt')) ?? text(path(tx, 'AmtDtls', 'TxAmt', 'Amt'));
        let txAmount: number | undefined;
        if (txAmountText === undefined) {
          if (txs.length === 1) txAmount = amount;
          else fail(tx, `${t}/Amt`, 'beløpet mangler (posten har flere transaksjoner).');
        } else if (!AMOUNT.test(txAmountText)) fail(child(tx, 'Amt') ?? tx, `${t}/Amt`, `beløpet «${txAmountText}» er ikke et gyldig beløp.`);
        else txAmount = toOre(txAmountText);
        if (txAmount === undefined) allAmounts = false;
        else txTotal += txAmount;
        const txDirection = text(child(tx, 'CdtDbtInd')) ?? direction;
        const ref = text(path(tx, 'Refs', 'AcctSvcrRef')) ?? (entryRef ? `${entryRef}/${ti + 1}` : undefined);
        if (!ref) {
          fail(tx, `${t}/Refs/AcctSvcrRef`, 'bankens referanse mangler (verken på transaksjonen eller posten).');
          return;
        }
        const kids = list(path(tx, 'RmtInf'), 'Strd').flatMap((s) => {
          const refInfo = child(s, 'CdtrRefInf');
          const value = text(child(refInfo, 'Ref'));
          const code = text(path(refInfo, 'Tp', 'CdOrPrtry', 'Cd'));
          return value !== undefined && (code === undefined || code === 'SCOR') ? [value.replace(/\s/g, '')] : [];
        });
        if (!booked || txAmount === undefined || date === undefined) return;
        if (txAmount === 0) {
          fail(child(tx, 'Amt') ?? tx, `${t}/Amt`, 'beløpet er 0.');
          return;
        }
        push(tx, t, `${account}:${ref}`, date, txAmount, txDirection === 'DBIT', kids, t);
      });
      if (allAmounts && amount !== undefined && txTotal !== amount) {
        fail(child(ntry, 'Amt') ?? ntry, `${e}/Amt`, `posten er på ${formatOre(amount)} kr, men transaksjonene summerer til ${formatOre(txTotal)} kr.`);
      }
    });

    const summary = child(ntfctn, 'TxsSummry');
    const checkSummary = (name: string, counted: number, summed: number) => {
      const n = text(path(summary, name, 'NbOfNtries'));
      const s = text(path(summary, name, 'Sum'));
      if (n !== undefined && Number(n) !== counted) fail(path(summary, name) ?? ntfctn, `${at}/TxsSummry/${name}/NbOfNtries`, `oppgir ${n} poster, men aviseringen har ${counted}.`);
      if (s !== undefined && (!AMOUNT.test(s) || toOre(s) !== summed)) fail(path(summary, name) ?? ntfctn, `${at}/TxsSummry/${name}/Sum`, `oppgir sum ${s}, men postene summerer til ${formatOre(summed)} kr.`);
    };
    checkSummary('TtlNtries', count, sum);
    checkSummary('TtlCdtNtries', creditCount, creditSum);
    checkSummary('TtlDbtNtries', count - creditCount, sum - creditSum);
  });

  function push(node: Elem, at: string, id: string, date: IsoDate, amountOre: number, debit: boolean, kids: string[], element: string) {
    const transactionId = `camt:${id}`;
    const first = seenIds.get(transactionId);
    if (first !== undefined) {
      fail(node, at, `bankens referanse «${id.split(':').slice(1).join(':')}» er brukt før i filen, i ${first}.`);
      return;
    }
    seenIds.set(transactionId, `linje ${node.line}, ${at}`);
    if (transactionId.length > 100) {
      fail(node, at, 'bankens referanse er lengre enn 100 tegn.');
      return;
    }
    if (lines.length >= CAMT054_MAX_TRANSACTIONS) {
      fail(node, at, `filen har mer enn ${String(CAMT054_MAX_TRANSACTIONS).replace(/\B(?=(\d{3})+$)/g, ' ')} transaksjoner. Del den opp i flere filer.`);
      return;
    }
    const validKid = kids.length === 1 && /^\d{2,25}$/.test(kids[0]!) ? kids[0] : undefined;
    let review: string | undefined;
    if (debit) review = `Belastning (DBIT) på ${formatOre(amountOre)} kr: behandles manuelt, føres ikke automatisk.`;
    else if (kids.length === 0) review = 'Innbetalingen har ingen KID (strukturert kreditorreferanse): finn saken og koble den manuelt.';
    else if (kids.length > 1) review = `Innbetalingen har ${kids.length} KID-er: fordel den manuelt.`;
    else if (!validKid) review = `KID «${kids[0]}» er ikke et KID-nummer: finn saken og koble den manuelt.`;
    lines.push({
      line: node.line,
      element,
      transactionId,
      date,
      amountOre,
      ...(validKid ? { kid: validKid } : {}),
      type: 'payment',
      ...(review ? { review } : {}),
      ...(debit ? { reversal: true } : {}),
    });
  }

  if (errors.length === 0 && lines.length === 0 && notifications.length > 0 && notifications.every((n) => list(n, 'Ntry').length === 0)) {
    fail(root, 'BkToCstmrDbtCdtNtfctn', 'aviseringen har ingen poster (Ntry).');
  }
  return { lines: errors.length ? [] : lines, errors: errors.sort((a, b) => a.line - b.line) };
}

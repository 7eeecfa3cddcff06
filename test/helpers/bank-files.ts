/**
 * Bank files written from the published formats, for tests and the benchmark: Nets OCR giro records
 * field by field at the positions of Nets' system specification (see domain/rent/ocr-giro.ts), and
 * camt.054.001.08 XML as Norwegian banks send it. Nothing here parses: the parsers must agree with it.
 */

export interface OcrPayment {
  kid: string;
  amountOre: number;
  /** Settlement date (oppgjørsdato), ISO. */
  settled: string;
  /** Payment date (oppdragsdato), ISO; default the settlement date. */
  paid?: string;
  archiveReference: string;
  /** Transaction type, default '10' (giro debited account). */
  type?: string;
  sign?: '0' | '-';
  /** Partial settlement serial number (løpenummer, 5 digits). */
  serial?: string;
}

const digits = (n: number | string, width: number) => String(n).padStart(width, '0');
const ddmmyy = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}`;

export const ocr = {
  transmissionStart: (sender = '00008080', number = '0170604', recipient = '00010200') => `NY000010${sender}${number}${recipient}${'0'.repeat(49)}`,
  assignmentStart: (agreement = '001234567', number = '0000001', account = '99991234567') => `NY090020${agreement}${number}${account}${'0'.repeat(45)}`,
  item1: (n: number, p: OcrPayment) =>
    `NY09${p.type ?? '10'}30${digits(n, 7)}${ddmmyy(p.settled)}02` + `${'01'}1${p.serial ?? '00001'}${p.sign ?? '0'}${digits(p.amountOre, 17)}${p.kid.padStart(25, ' ')}000000`,
  item2: (n: number, p: OcrPayment) => `NY09${p.type ?? '10'}31${digits(n, 7)}${'0'.repeat(10)}${p.archiveReference.padStart(9, '0')}${'0'.repeat(7)}${ddmmyy(p.paid ?? p.settled)}${'12345678903'}${'0'.repeat(22)}`,
  item3: (n: number, p: OcrPayment, text: string) => `NY09${p.type ?? '21'}32${digits(n, 7)}${text.padEnd(40, ' ').slice(0, 40)}${'0'.repeat(25)}`,
  assignmentEnd: (transactions: number, records: number, sumOre: number, settled: string, first: string, last: string) =>
    `NY090088${digits(transactions, 8)}${digits(records, 8)}${digits(sumOre, 17)}${ddmmyy(settled)}${ddmmyy(first)}${ddmmyy(last)}${'0'.repeat(21)}`,
  transmissionEnd: (transactions: number, records: number, sumOre: number, settled: string) =>
    `NY000089${digits(transactions, 8)}${digits(records, 8)}${digits(sumOre, 17)}${ddmmyy(settled)}${'0'.repeat(33)}`,
};

/** One transmission with one assignment holding the payments, totals computed (or overridden to be wrong). */
export function ocrGiroFile(payments: OcrPayment[], override: { assignmentSum?: number; assignmentCount?: number; transmissionNumber?: string } = {}): string {
  const items = payments.flatMap((p, i) => [ocr.item1(i + 1, p), ocr.item2(i + 1, p)]);
  const signed = payments.reduce((s, p) => s + (p.sign === '-' ? -p.amountOre : p.amountOre), 0);
  const dates = payments.map((p) => p.settled).sort();
  const settled = dates[dates.length - 1] ?? '2027-01-04';
  const records = [
    ocr.transmissionStart(undefined, override.transmissionNumber),
    ocr.assignmentStart(),
    ...items,
    ocr.assignmentEnd(override.assignmentCount ?? payments.length, items.length + 2, override.assignmentSum ?? signed, settled, dates[0] ?? settled, settled),
    ocr.transmissionEnd(payments.length, items.length + 4, signed, settled),
  ];
  return records.join('\r\n') + '\r\n';
}

export interface CamtPayment {
  kid?: string;
  kids?: string[];
  /** Kroner with a point: '9150.00'. */
  amount: string;
  booked: string;
  reference: string;
  debit?: boolean;
  status?: string;
}

const kroner = (s: string) => Math.round(Number(s) * 100);

/** camt.054.001.08: one notification, one entry per payment, each with one TxDtls. */
export function camt054File(payments: CamtPayment[], override: { entries?: number; sum?: string } = {}): string {
  const sumOre = payments.reduce((s, p) => s + kroner(p.amount), 0);
  const sum = override.sum ?? `${Math.floor(sumOre / 100)}.${String(sumOre % 100).padStart(2, '0')}`;
  const entry = (p: CamtPayment, i: number) => {
    const refs = (p.kids ?? (p.kid ? [p.kid] : [])).map(
      (k) => `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${k}</Ref></CdtrRefInf></Strd>`,
    );
    return `
      <Ntry>
        <NtryRef>${i + 1}</NtryRef>
        <Amt Ccy="NOK">${p.amount}</Amt>
        <CdtDbtInd>${p.debit ? 'DBIT' : 'CRDT'}</CdtDbtInd>
        <Sts><Cd>${p.status ?? 'BOOK'}</Cd></Sts>
        <BookgDt><Dt>${p.booked}</Dt></BookgDt>
        <ValDt><Dt>${p.booked}</Dt></ValDt>
        <AcctSvcrRef>E${p.reference}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs><AcctSvcrRef>${p.reference}</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
            <Amt Ccy="NOK">${p.amount}</Amt>
            <CdtDbtInd>${p.debit ? 'DBIT' : 'CRDT'}</CdtDbtInd>
            <RmtInf>${refs.join('')}</RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
  <BkToCstmrDbtCdtNtfctn>
    <GrpHdr><MsgId>CAMT054-TEST-1</MsgId><CreDtTm>2027-01-04T06:00:00+01:00</CreDtTm></GrpHdr>
    <Ntfctn>
      <Id>N-1</Id>
      <CreDtTm>2027-01-04T06:00:00+01:00</CreDtTm>
      <Acct><Id><Othr><Id>99991234567</Id><SchmeNm><Cd>BBAN</Cd></SchmeNm></Othr></Id><Ccy>NOK</Ccy></Acct>
      <TxsSummry><TtlNtries><NbOfNtries>${override.entries ?? payments.length}</NbOfNtries><Sum>${sum}</Sum></TtlNtries></TxsSummry>${payments.map(entry).join('')}
    </Ntfctn>
  </BkToCstmrDbtCdtNtfctn>
</Document>
`;
}

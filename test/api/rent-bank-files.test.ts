import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditedCase } from '../../api/audit';
import { auditLog } from '../../db/schema';
import { osloDate } from '../../domain/calendar';
import { allocated, DEMO_DWELLINGS, movedIn, type Step } from '../../scripts/demo-data';
import { startApiHarness, TOKENS, type ApiHarness, newCase, runSteps } from '../helpers/api';
import { camt054File, ocr, ocrGiroFile, type OcrPayment } from '../helpers/bank-files';

const OFFICE = 'dev-bankfiler-kontor';
const OFFICE_ELSEWHERE = 'dev-bankfiler-kontor-os';

/** Bank files through the real API (dev server, PostgreSQL): OCR giro and camt.054, the work list, manual matching. */
describe('API: bank files and the work list of unmatched payments', () => {
  let api: ApiHarness;
  const today = osloDate(Date.now());

  beforeAll(async () => {
    api = await startApiHarness('api bank files', { extraTokens: `${OFFICE}:kari.kontor:housing_office:tynset,${OFFICE_ELSEWHERE}:per.kontor:housing_office:os` });
    for (const dwelling of DEMO_DWELLINGS) await api.request('PUT', '/api/dwellings', { body: { ...dwelling, municipality: 'tynset' } });
  });
  afterAll(async () => {
    await api?.close();
  });

  async function movedInCase(): Promise<{ caseId: string; kid: string }> {
    const caseId = await newCase(api);
    const steps: Step[] = [...allocated(today, DEMO_DWELLINGS[1]!), ...movedIn(today)];
    await runSteps(api, caseId, steps);
    await expect.poll(async () => (await rentOf(caseId)).summary?.chargedOre ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    return { caseId, kid: (await rentOf(caseId)).kid };
  }

  const rentOf = async (caseId: string) => (await api.request('GET', `/api/tenancies/${caseId}/rent`, { token: TOKENS.officer })).body;
  const payments = async (caseId: string) => (await rentOf(caseId)).entries.filter((e: { kind: string }) => e.kind === 'payment');
  const upload = (content: string, token: string = OFFICE) => api.request('POST', '/api/rent/payment-files', { token, body: { filename: 'bankfil.dat', content } });
  const workList = (token: string = OFFICE) => api.request('GET', '/api/rent/unmatched-payments', { token });
  const match = (body: unknown, key: string, token: string = OFFICE) => api.request('POST', '/api/rent/unmatched-payments/match', { token, body, headers: { 'Idempotency-Key': key } });
  const unique = () => String(Math.floor(Math.random() * 1e9)).padStart(9, '0');

  it('imports an OCR giro file once, by file and by the bank’s own reference, and refuses a wrong control sum', async () => {
    const { caseId, kid } = await movedInCase();
    const paid: OcrPayment = { kid, amountOre: 123_400, settled: today, archiveReference: unique() };
    const stranger: OcrPayment = { kid: '00000000000000000000', amountOre: 5_000, settled: today, archiveReference: unique() };
    const file = ocrGiroFile([paid, stranger]);

    const first = await upload(file);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: 'applied', applied: 1, duplicates: 0, casesTouched: [caseId] });
    expect(first.body.unmatched).toEqual([expect.objectContaining({ line: 5, reason: 'Fant ingen leieforhold med KID 00000000000000000000.' })]);
    expect(await payments(caseId)).toEqual([expect.objectContaining({ amountOre: 123_400, date: today })]);
    const logged = await api.database.db.select().from(auditLog).where(and(auditedCase(caseId), eq(auditLog.action, 'write')));
    expect(logged.map((l) => l.route)).toContain('POST /api/rent/payment-files');

    // The same file again (LF instead of CRLF): a no-op by its hash.
    expect((await upload(file.replace(/\r\n/g, '\n'))).body).toMatchObject({ status: 'already_imported', importId: first.body.importId });
    // The same transactions in another transmission (another hash): each bank reference is posted once.
    const resent = await upload(ocrGiroFile([paid], { transmissionNumber: '0170605' }));
    expect(resent.body).toMatchObject({ status: 'applied', applied: 0, duplicates: 1 });
    expect(await payments(caseId)).toHaveLength(1);

    // An end record that disagrees with the items refuses the whole file, with its line.
    const wrong = await upload(ocrGiroFile([{ ...paid, archiveReference: unique() }, { kid, amountOre: 100, settled: today, archiveReference: unique() }], { assignmentSum: 123_401 }));
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([{ line: 7, message: 'Linje 7: sluttrecord for oppdraget oppgir sum 1 234,01 kr, men beløpspostene summerer til 1 235,00 kr.' }]);
    expect(await payments(caseId)).toHaveLength(1);
  });

  it('imports camt.054 with the structured reference as KID, and refuses a wrong total naming the element', async () => {
    const { caseId, kid } = await movedInCase();
    const reference = `NO${unique()}`;
    const xml = camt054File([{ kid, amount: '4321.50', booked: today, reference }]);
    const imported = await upload(xml);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ status: 'applied', applied: 1, casesTouched: [caseId] });
    expect(await payments(caseId)).toEqual([expect.objectContaining({ amountOre: 432_150 })]);

    const wrong = await upload(camt054File([{ kid, amount: '10.00', booked: today, reference: `NO${unique()}` }], { sum: '10.01' }));
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([
      { line: 9, element: 'Ntfctn[1]/TxsSummry/TtlNtries/Sum', message: 'Linje 9, Ntfctn[1]/TxsSummry/TtlNtries/Sum: oppgir sum 10.01, men postene summerer til 10,00 kr.' },
    ]);
    const broken = await upload('<Document><BkToCstmrDbtCdtNtfctn></Document>');
    expect(broken.status).toBe(422);
  });

  it('lists unmatched payments for the importing municipality and lets the housing office post one to a case, once, audited', async () => {
    const { caseId, kid } = await movedInCase();
    const wrongKid: OcrPayment = { kid: '99999999999999999999', amountOre: 77_700, settled: today, archiveReference: unique() };
    const reversal: OcrPayment = { kid, amountOre: 1_000, settled: today, archiveReference: unique(), type: '18', sign: '-' };
    const records = [
      ocr.transmissionStart(undefined, String(Math.floor(Math.random() * 1e7)).padStart(7, '0')),
      ocr.assignmentStart(),
      ocr.item1(1, wrongKid),
      ocr.item2(1, wrongKid),
      ocr.item1(2, reversal),
      ocr.item2(2, reversal),
      ocr.assignmentEnd(2, 6, 77_700 - 1_000, today, today, today),
      ocr.transmissionEnd(2, 8, 77_700 - 1_000, today),
    ];
    const imported = await upload(records.join('\n'));
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ applied: 0 });
    const importId: number = imported.body.importId;

    const list = await workList();
    expect(list.status).toBe(200);
    const mine = list.body.items.filter((i: { importId: number }) => i.importId === importId);
    expect(mine).toEqual([
      expect.objectContaining({ line: 3, reason: 'Fant ingen leieforhold med KID 99999999999999999999.', matchable: true, payment: expect.objectContaining({ amountOre: 77_700, date: today, kid: '99999999999999999999' }) }),
      expect.objectContaining({ line: 5, matchable: false, payment: expect.objectContaining({ reversal: true }) }),
    ]);
    // Another municipality's housing office does not see them, and cannot match them.
    expect((await workList(OFFICE_ELSEWHERE)).body.items.some((i: { importId: number }) => i.importId === importId)).toBe(false);
    const [open, rev] = mine as Array<{ transactionId: string }>;
    expect((await match({ importId, transactionId: open!.transactionId, caseId, reason: 'Feil KID, leietaker ringte' }, randomUUID(), OFFICE_ELSEWHERE)).status).toBe(404);
    // Only the housing office: a housing officer may not post money.
    expect((await match({ importId, transactionId: open!.transactionId, caseId, reason: 'Feil KID' }, randomUUID(), TOKENS.officer)).status).toBe(403);

    const key = `match-${randomUUID()}`;
    const body = { importId, transactionId: open!.transactionId, caseId, reason: 'Feil KID, leietaker ringte' };
    const done = await match(body, key);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ applied: true, caseId, amountOre: 77_700, message: 'Innbetalingen er ført på saken.' });
    expect(await payments(caseId)).toEqual([expect.objectContaining({ amountOre: 77_700, date: today })]);
    const logged = await api.database.db.select().from(auditLog).where(and(auditedCase(caseId), eq(auditLog.route, 'POST /api/rent/unmatched-payments/match')));
    expect(logged.map((l) => [l.action, l.outcome])).toContainEqual(['write', 200]);

    // Resent with the same key: the first answer, nothing posted twice. Same key, other content: refused.
    expect((await match(body, key)).body).toMatchObject({ applied: false, message: 'Innbetalingen var koblet til saken fra før.' });
    const reused = await match({ ...body, reason: 'Noe annet' }, key);
    expect(reused.status).toBe(409);
    expect(reused.body.message ?? reused.body.error).toMatch(/Idempotency-Key er allerede brukt/);
    // Another key for the same payment: already matched.
    expect((await match(body, randomUUID())).status).toBe(409);
    // A reversal is never posted to a case.
    const refused = await match({ importId, transactionId: rev!.transactionId, caseId, reason: 'Prøver likevel' }, randomUUID());
    expect(refused.status).toBe(409);
    expect(await payments(caseId)).toHaveLength(1);

    // The matched payment has left the work list; the reversal is still there.
    const after = (await workList()).body.items.filter((i: { importId: number }) => i.importId === importId);
    expect(after.map((i: { transactionId: string }) => i.transactionId)).toEqual([rev!.transactionId]);
    // Unknown fields are refused at the edge.
    expect((await match({ ...body, extra: 1 }, randomUUID())).status).toBe(400);
  });
});

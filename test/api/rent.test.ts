import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditedCase } from '../../api/audit';
import { auditLog } from '../../db/schema';
import { osloDate } from '../../domain/calendar';
import { allocated, DEMO_DWELLINGS, movedIn, type Step } from '../../scripts/demo-data';
import { startApiHarness, TOKENS, type ApiHarness, newCase, runSteps } from '../helpers/api';

/** The finance system's side of rent, over HTTP against the dev server and PostgreSQL. */
describe('API: rent payments', () => {
  let api: ApiHarness;
  const today = osloDate(Date.now());

  beforeAll(async () => {
    api = await startApiHarness('api rent');
    for (const dwelling of DEMO_DWELLINGS) await api.request('PUT', '/api/dwellings', { body: { ...dwelling, municipality: 'tynset' } });
  });
  afterAll(async () => {
    await api?.close();
  });

  async function movedInCase(): Promise<string> {
    const caseId = await newCase(api);
    const steps: Step[] = [...allocated(today, DEMO_DWELLINGS[1]!), ...movedIn(today)];
    await runSteps(api, caseId, steps);
    return caseId;
  }

  const rentOf = async (caseId: string) => (await api.request('GET', `/api/tenancies/${caseId}/rent`, { token: TOKENS.officer })).body;
  const upload = (content: string, token: string = TOKENS.admin) => api.request('POST', '/api/rent/payment-files', { token, body: { filename: 'innbetalinger.csv', content } });

  it('applies a payments file once however often it is imported, and rejects a file with a malformed line as a whole', async () => {
    const caseId = await movedInCase();
    // The workflow opens the account and posts the move-in month's charge at once.
    await expect.poll(async () => (await rentOf(caseId)).summary?.chargedOre ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    const { kid, summary } = await rentOf(caseId);
    expect(kid).toMatch(/^\d{19}$/);
    const owed: number = summary.balanceOre;
    const kroner = (ore: number) => `${Math.floor(ore / 100)},${String(ore % 100).padStart(2, '0')}`;

    const txn = randomUUID();
    const file = ['transaksjonsid;dato;beløp;kid;referanse', `${txn};${today};${kroner(owed)};${kid};`, `${randomUUID()};${today};100,00;00000000000000000000;`].join('\r\n');
    const first = await upload(file);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: 'applied', applied: 1, duplicates: 0, casesTouched: [caseId] });
    // A KID nobody has is kept for manual matching, with its line number.
    expect(first.body.unmatched).toEqual([{ line: 3, transactionId: expect.any(String), reason: 'Fant ingen leieforhold med KID 00000000000000000000.', payment: expect.objectContaining({ amountOre: 10_000, date: today }) }]);
    const afterFirst = await rentOf(caseId);
    expect(afterFirst.summary.balanceOre).toBe(0);
    expect(afterFirst.entries.filter((e: { kind: string }) => e.kind === 'payment')).toHaveLength(1);

    const logged = await api.database.db.select().from(auditLog).where(and(auditedCase(caseId), eq(auditLog.action, 'write')));
    expect(logged.map((l) => l.route)).toContain('POST /api/rent/payment-files');

    // The same file again: nothing changes.
    const second = await upload(file.replace(/\r\n/g, '\n'));
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: 'already_imported', importId: first.body.importId, message: 'Denne filen er lest inn før. Ingenting er endret.' });
    expect((await rentOf(caseId)).entries).toEqual(afterFirst.entries);

    // A file with one bad line is not applied at all, and says which line.
    const bad = ['transaksjonsid;dato;beløp;kid', `${randomUUID()};${today};500,00;${kid}`, `${randomUUID()};31.02.2027;500,00;${kid}`, `${randomUUID()};${today};5,001;${kid}`].join('\n');
    const rejected = await upload(bad);
    expect(rejected.status).toBe(422);
    expect(rejected.body.errors.map((e: { line: number }) => e.line)).toEqual([3, 4]);
    expect(rejected.body.message).toBe('Filen er ikke lest inn: 2 linjer har feil. Rett feilene og send hele filen på nytt.');
    expect((await rentOf(caseId)).entries).toEqual(afterFirst.entries);

    // One payment through the API, idempotent by its transaction ID.
    const single = { transactionId: randomUUID(), date: today, amountOre: 50_000, caseId };
    expect((await api.request('POST', '/api/rent/payments', { token: TOKENS.admin, body: single })).body).toMatchObject({ applied: true, caseId });
    expect((await api.request('POST', '/api/rent/payments', { token: TOKENS.admin, body: single })).body).toMatchObject({ applied: false, message: 'Innbetalingen var ført fra før.' });
    expect((await rentOf(caseId)).summary.creditOre).toBe(50_000);

    // A credit from the housing office, with its reason; a resend with the same key is not posted twice.
    const key = randomUUID();
    const credit = { kind: 'credit', amountOre: 10_000, date: today, reason: 'Feil i strømavregning' };
    const adjust = () => api.request('POST', `/api/tenancies/${caseId}/rent/adjustments`, { token: TOKENS.admin, body: credit, headers: { 'Idempotency-Key': key } });
    expect((await adjust()).body).toMatchObject({ applied: true, message: 'Krediteringen er ført.' });
    expect((await adjust()).body).toMatchObject({ applied: false, message: 'Krediteringen var ført fra før.' });
    expect((await rentOf(caseId)).summary.creditOre).toBe(60_000);
  });

  it('lets only the housing office import, and gives the ops figures without names', async () => {
    expect((await upload('transaksjonsid;dato;beløp;kid\n', TOKENS.followUpWorker)).status).toBe(403);
    const figures = await api.request('GET', '/api/rent/figures', { token: TOKENS.officer });
    expect(figures.status).toBe(200);
    expect(figures.body).toMatchObject({ municipality: 'tynset', perStep: expect.objectContaining({ none: expect.any(Number) }), paymentPlans: expect.any(Object) });
    expect(JSON.stringify(figures.body)).not.toMatch(/Ingrid|Bakken/);
  });

  it('publishes a new ladder version that only new cases take', async () => {
    // A municipality of its own: the other files' cases keep the default ladder.
    const m = `stige-${randomUUID().slice(0, 8)}`;
    const ladder = (await api.request('GET', `/api/municipalities/${m}/rent-ladder`, { token: TOKENS.admin })).body;
    expect(ladder.version).toBe(0);
    const changed = { ...ladder, graceDays: 7 };
    delete changed.version;
    const put = await api.request('PUT', `/api/municipalities/${m}/rent-ladder`, { token: TOKENS.admin, body: changed });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.version).toBe(1);
    expect((await api.request('GET', `/api/municipalities/${m}/rent-ladder`, { token: TOKENS.admin })).body).toMatchObject({ version: 1, graceDays: 7 });
    const invalid = await api.request('PUT', `/api/municipalities/${m}/rent-ladder`, { token: TOKENS.admin, body: { ...changed, steps: changed.steps.filter((s: { key: string }) => s.key !== 'committee') } });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body)).toContain('boligutvalget tar stilling');
  });
});

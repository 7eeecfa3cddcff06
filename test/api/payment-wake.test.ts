import fs from 'node:fs';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casesToWake } from '../../api/payment-import';
import { tenancies } from '../../db/schema';
import { addDays, osloDate } from '../../domain/calendar';
import { tenancyWorkflowId } from '../../domain/ids';
import { kidForCase } from '../../domain/rent/kid';
import { paymentCanMoveLadder } from '../../domain/tenancy/payment-wake';
import { startRent, type RentState } from '../../domain/tenancy/rent';
import { newTenancyState } from '../../domain/tenancy/state';
import type { TenancyWorkflowInput } from '../../workflows/tenancy';
import { startApiHarness, TOKENS, type ApiHarness } from '../helpers/api';
import { testCaseId } from '../helpers/fixtures';

const RENT = 915_000;

/**
 * A payments file wakes only the workflows a payment can move (domain/tenancy/payment-wake.ts): a
 * case in arrears is signalled and its ladder moves at once; a case with nothing overdue is not
 * signalled at all, and its rent account shows the payment all the same (it reads the ledger).
 */
describe('API: a payments file signals only the cases a payment can move (dev server, PostgreSQL)', () => {
  let api: ApiHarness;
  const today = osloDate(Date.now());

  beforeAll(async () => {
    api = await startApiHarness('api payment wake');
  });
  afterAll(async () => {
    await api?.close();
  });

  /** A tenancy in follow-up that moved in `daysAgo` days ago, started with the state a move-in leaves (as the bench seeds them). */
  async function tenancyInFollowUp(daysAgo: number): Promise<string> {
    const caseId = testCaseId();
    const moveIn = addDays(today, -daysAgo);
    const application = { municipality: 'tynset', applicant: { name: 'Test Leietaker' }, householdMembers: [], currentHousing: 'Test', language: 'norsk', needsInterpreter: false, receivedDate: moveIn, housingOfficerId: 'kari.nordmann' };
    const state = newTenancyState({ caseId, application, now: Date.now() });
    state.phase = 'follow_up';
    state.followUpWorkerId = 'ola.hansen';
    state.moveInDate = moveIn;
    state.monthlyRentOre = RENT;
    startRent(state, { moveIn });
    const input: TenancyWorkflowInput = { caseId, application, carried: state };
    await api.temporal.workflow.start('tenancyWorkflow', { taskQueue: api.taskQueue, workflowId: tenancyWorkflowId(caseId), args: [input] });
    // Ready once the first rent check has written its result.
    await expect.poll(async () => (await readModel(caseId))?.snapshot.rent?.lastCheck, { timeout: 20_000 }).toBe(today);
    return caseId;
  }
  const readModel = async (caseId: string) => {
    const [row] = await api.database.db.select({ snapshot: tenancies.snapshot, paymentWakes: tenancies.paymentWakes }).from(tenancies).where(eq(tenancies.caseId, caseId));
    return row as { snapshot: { rent?: RentState }; paymentWakes: boolean } | undefined;
  };
  const signalsTo = async (caseId: string) => {
    const history = await api.temporal.workflow.getHandle(tenancyWorkflowId(caseId)).fetchHistory();
    return (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes).length;
  };
  const kroner = (ore: number) => `${Math.floor(ore / 100)},${String(ore % 100).padStart(2, '0')}`;

  it('moves the ladder of a case in arrears at once and leaves a case with nothing overdue asleep, its balance right', { timeout: 90_000 }, async () => {
    // Moved in 40 days ago and never paid: two charges, the oldest well past grace, on the ladder.
    const inArrears = await tenancyInFollowUp(40);
    // Moved in today: this month's rent is due today, nothing is overdue.
    const upToDate = await tenancyInFollowUp(0);
    const arrears = (await readModel(inArrears))!;
    expect(arrears.snapshot.rent?.episode).toBeDefined();
    expect(arrears.snapshot.rent?.step).toBeDefined();
    expect(arrears.paymentWakes).toBe(true);
    const calm = (await readModel(upToDate))!;
    expect(calm.snapshot.rent?.episode).toBeUndefined();
    expect(calm.paymentWakes).toBe(false);

    const owed = async (caseId: string) => (await api.request('GET', `/api/tenancies/${caseId}/rent`, { token: TOKENS.admin })).body.summary.balanceOre as number;
    const owedInArrears = await owed(inArrears);
    const owedUpToDate = await owed(upToDate);
    expect(owedUpToDate).toBeGreaterThan(0);
    const file = [
      'transaksjonsid;dato;beløp;kid',
      `WAKE-${inArrears};${today};${kroner(owedInArrears)};${kidForCase(inArrears)}`,
      `WAKE-${upToDate};${today};${kroner(owedUpToDate)};${kidForCase(upToDate)}`,
    ].join('\n');
    const res = await api.request('POST', '/api/rent/payment-files', { token: TOKENS.admin, body: { filename: 'innbetalinger.csv', content: file } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'applied', applied: 2, casesTouched: [inArrears, upToDate].sort(), casesSignalled: [inArrears] });

    // The case in arrears checked its rent for this import: the episode is closed, the ladder back at 0.
    await expect.poll(async () => (await readModel(inArrears))?.snapshot.rent?.lastImportId, { timeout: 20_000 }).toBe(String(res.body.importId));
    const after = (await readModel(inArrears))!;
    expect(after.snapshot.rent?.episode).toBeUndefined();
    expect(after.snapshot.rent?.step).toBeUndefined();
    expect(after.paymentWakes).toBe(false);
    expect(await signalsTo(inArrears)).toBe(1);

    // The other was not woken, and its rent account shows the payment.
    expect(await signalsTo(upToDate)).toBe(0);
    expect(await owed(upToDate)).toBe(0);
    expect(await owed(inArrears)).toBe(0);
  });

  it('wakes a case that received bostøtte, and any touched case without a snapshot, whatever the column says', async () => {
    const quiet = testCaseId();
    const none = testCaseId();
    expect(await casesToWake(api.database.db, [quiet, none], [])).toEqual([quiet, none]);
    await api.database.db.insert(tenancies).values({ caseId: quiet, workflowId: `tenancy-${quiet}`, municipality: 'tynset', phase: 'follow_up', status: 'active', applicantName: 'x', snapshot: {}, paymentWakes: false });
    expect(await casesToWake(api.database.db, [quiet, none], [])).toEqual([none]);
    expect(await casesToWake(api.database.db, [quiet, none], [quiet])).toEqual([quiet, none]);
  });

  it('backfills the column from stored snapshots as the rule decides (migration 0019)', async () => {
    const [calmCase, arrearsCase] = [await tenancyInFollowUp(0), await tenancyInFollowUp(40)];
    const stored = async (caseId: string) => (await readModel(caseId))!.snapshot as Record<string, any>;
    const calm = await stored(calmCase);
    const arrears = await stored(arrearsCase);
    const task = { id: 'allowance-missing-2027-04', kind: 'allowance_missing', title: 'x', role: 'housing_office', dueDate: '2027-04-28', createdAt: 0 };
    const variants: Array<[string, string, Record<string, any>]> = [
      ['active', 'follow_up', calm],
      ['active', 'follow_up', arrears],
      ['closed', 'closed', { ...arrears, status: 'closed' }],
      ['active', 'lease', { ...arrears, phase: 'lease' }],
      ['active', 'application', { ...calm, rent: undefined }],
      ['active', 'follow_up', { ...calm, rent: { ...calm.rent, allowanceAwaited: [{ period: '2027-04', lateAfter: '2027-04-24' }] } }],
      ['active', 'follow_up', { ...calm, rent: { ...calm.rent, allowanceAwaited: [] } }],
      ['active', 'follow_up', { ...calm, tasks: [task] }],
      ['active', 'follow_up', { ...calm, tasks: [{ ...task, id: 'rent-follow-up' }] }],
    ];
    const rows = variants.map(([status, phase, snapshot]) => {
      const caseId = testCaseId();
      return { caseId, workflowId: `backfill-${caseId}`, municipality: 'tynset', phase, status, applicantName: 'x', snapshot: { ...snapshot, caseId, status, phase } };
    });
    await api.database.db.insert(tenancies).values(rows);
    // The migration's own UPDATE, only over these rows (other test files share the database).
    const migration = fs.readFileSync(new URL('../../db/migrations/0020_tenancy_payment_wakes.sql', import.meta.url), 'utf8');
    const update = migration.split('--> statement-breakpoint')[1]!.trim().replace(/;\s*$/, '');
    const ids = rows.map((r) => `'${r.caseId}'`).join(',');
    await api.database.db.execute(sql.raw(`${update} WHERE case_id IN (${ids})`));
    const written = await api.database.db.select({ caseId: tenancies.caseId, paymentWakes: tenancies.paymentWakes }).from(tenancies).where(inArray(tenancies.caseId, rows.map((r) => r.caseId)));
    const expected = rows.map((r) => ({ caseId: r.caseId, paymentWakes: paymentCanMoveLadder(r.snapshot as never) !== undefined }));
    const byCase = (a: { caseId: string }, b: { caseId: string }) => a.caseId.localeCompare(b.caseId);
    expect([...written].sort(byCase)).toEqual([...expected].sort(byCase));
    expect(expected.map((e) => e.paymentWakes)).toEqual([false, true, false, false, false, true, false, true, false]);
  });
});

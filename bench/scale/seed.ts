import { randomUUID } from 'node:crypto';
import { and, count, eq, like, sql } from 'drizzle-orm';
import { caseTasks, tenancies } from '../../db/schema';
import { addDays, osloDate } from '../../domain/calendar';
import { tenancyWorkflowId } from '../../domain/ids';
import { startRent } from '../../domain/tenancy/rent';
import { newTenancyState } from '../../domain/tenancy/state';
import type { TenancyWorkflowInput } from '../../workflows/tenancy';
import { closedLoop, percentile } from '../load';
import type { System } from './system';

export interface Rate {
  count: number;
  perSecond: number;
  p50: number;
  p95: number;
}

/** CONCURRENCY clients, each doing `one` and then the next, until `total` are done. */
async function measure(total: number, concurrency: number, one: (i: number) => Promise<void>, progress: (done: number) => void): Promise<Rate> {
  const { latencies, seconds } = await closedLoop(total, concurrency, one, (done) => {
    if (done % 100 === 0 || done === total) progress(done);
  });
  return { count: total, perSecond: total / seconds, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) };
}

/** The engine's own rate on the same dev server: no-op workflows started and completed. */
export function noopRate(sys: System, total: number, concurrency: number, say: (s: string) => void): Promise<Rate> {
  return measure(total, concurrency, async () => {
    await sys.temporal.workflow.execute('noopWorkflow', { taskQueue: sys.noopQueue, workflowId: `noop-${randomUUID()}` });
  }, (d) => say(`\r  engine no-op workflows ${d}/${total}`));
}

/**
 * Applications through the real path: POST /api/tenancies (stored, workflow started), the workflow's
 * first state written to the read model; each counts from the POST until its first task is in the
 * work list's table. Returns the case IDs with the rate.
 */
export async function seedApplications(sys: System, from: number, total: number, concurrency: number, say: (s: string) => void): Promise<{ rate: Rate; caseIds: string[] }> {
  const caseIds: string[] = [];
  const rate = await measure(total, concurrency, async (i) => {
    const res = await fetch(`${sys.base}/api/tenancies`, {
      method: 'POST',
      headers: { authorization: 'Bearer dev-boligkonsulent', 'content-type': 'application/json', 'idempotency-key': `bench-${randomUUID()}` },
      body: JSON.stringify({ municipality: 'tynset', applicant: { name: `Søker ${from + i}` }, currentHousing: 'Benchmark' }),
    });
    const body = (await res.json()) as { caseId: string };
    if (res.status !== 201) throw new Error(`POST /api/tenancies: ${res.status} ${JSON.stringify(body)}`);
    caseIds.push(body.caseId);
    for (;;) {
      const [task] = await sys.database.db.select({ id: caseTasks.taskId }).from(caseTasks).where(eq(caseTasks.caseId, body.caseId)).limit(1);
      if (task) return;
      await new Promise((r) => setTimeout(r, 5));
    }
  }, (d) => say(`\r  applications through the API ${from + d}/${from + total}`));
  return { rate, caseIds };
}

// Case IDs in the real format (the KID is read from them): a run tag and the number, in base 32.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const base32 = (n: number, width: number) => Array.from({ length: width }, (_, k) => ALPHABET[Math.floor(n / 32 ** (width - 1 - k)) % 32]).join('');
export const RENT_PREFIX = 'BEN-2026-';
export const rentCaseId = (i: number) => `${RENT_PREFIX}${base32(i, 6)}`;
/** The first `n` seeded rent tenancies' case IDs. */
export const rentCaseIds = (n: number) => Array.from({ length: n }, (_, i) => rentCaseId(i));
/** Which seeded tenancies start in arrears: every `every`th (none when 0). */
export const isInArrears = (i: number, every: number) => every > 0 && i % every === every - 1;

/** Follow-up worker of the i-th rent tenancy: ola.hansen has every tenth, oppfolger-0 … oppfolger-39 the rest. */
export const rentFollowUpWorker = (i: number) => (i % 10 === 0 ? 'ola.hansen' : `oppfolger-${i % 40}`);

/** The i-th rent tenancy's workflow ID and input: in follow-up (see seedRentTenancies), moved in today (`now`), or 40 days ago and never paid when `inArrears`. */
export function rentTenancyStart(i: number, now: number, inArrears = false): { caseId: string; workflowId: string; input: TenancyWorkflowInput } {
  const today = osloDate(now);
  const moveIn = inArrears ? addDays(today, -40) : today;
  const caseId = rentCaseId(i);
  const application = { municipality: 'tynset', applicant: { name: `Leietaker ${i}` }, householdMembers: [], currentHousing: 'Benchmark', language: 'norsk', needsInterpreter: false, receivedDate: today, housingOfficerId: 'kari.nordmann' };
  const state = newTenancyState({ caseId, application, now });
  state.phase = 'follow_up';
  state.followUpWorkerId = rentFollowUpWorker(i);
  state.moveInDate = moveIn;
  state.monthlyRentOre = 915_000;
  startRent(state, { moveIn });
  return { caseId, workflowId: tenancyWorkflowId(caseId), input: { caseId, application, carried: state } };
}

/**
 * Tenancies in follow-up with a rent account, one real tenancy workflow each. Taking a case from
 * application to move-in is some twenty staff actions; the bench instead starts the workflow with the
 * state a move-in leaves (the continue-as-new input), moved in today at NOK 9,150 a month. The
 * workflow's first rent check opens the account and posts the first charge, as after a real move-in.
 */
export async function seedRentTenancies(sys: System, from: number, total: number, concurrency: number, say: (s: string) => void, arrearsShare = 0): Promise<number> {
  const started = performance.now();
  const now = Date.now();
  // A realistic month: a share of the tenants moved in 40 days ago and never paid, so their first
  // rent check finds the move-in month's rent past grace and puts them on the ladder.
  const arrearsEvery = arrearsShare > 0 ? Math.max(1, Math.round(1 / arrearsShare)) : 0;
  let next = from;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < from + total) {
        const i = next++;
        const { workflowId, input } = rentTenancyStart(i, now, isInArrears(i, arrearsEvery));
        await sys.temporal.workflow.start('tenancyWorkflow', { taskQueue: sys.taskQueue, workflowId, args: [input] });
      }
    }),
  );
  // Ready when every workflow has written the result of its first rent check (its account opened, the
  // ladder evaluated) to the read model: the payments import reads what that says.
  for (;;) {
    const [row] = await sys.database.db
      .select({ n: count() })
      .from(tenancies)
      .where(and(like(tenancies.caseId, `${RENT_PREFIX}%`), sql`${tenancies.snapshot} -> 'rent' ->> 'lastCheck' is not null`));
    say(`\r  tenancies in follow-up with a rent account ${row!.n}/${from + total}`);
    if (row!.n >= from + total) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return (performance.now() - started) / 1000;
}

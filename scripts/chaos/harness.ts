import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq, inArray, like } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { caseEvents, formSubmissions, tenancies } from '../../db/schema';
import type { Logger } from '../../platform/logger';
import { clusterTopology } from './cluster-topology';
import { FORM_TOKEN, pgliteTopology, postgresTopology, sleep, type Component, type Topology, type TopologyKind } from './topologies';

/**
 * The fault harness (issue 10): N application forms through the real API while parts of Botrygg
 * are killed with SIGKILL and started again on a plan (`topologies.ts`: on PostgreSQL the worker,
 * the API and the Temporal server each; on PGlite the one `npm start` process and its Temporal
 * server). Each form is resent with the same key until the API acknowledges it, as a client must.
 * Afterwards every acknowledged form must have its submission delivered, exactly one case, a read
 * model the workflow wrote and a timeline; the report counts what was lost, doubled or incomplete.
 */
export type { Component, TopologyKind } from './topologies';

export interface Fault {
  /** When: after this share (0–1) of the submissions has been acknowledged. */
  at: number;
  component: Component;
  /** How long the component stays dead before it is started again. */
  downMs: number;
}

export interface ChaosOptions {
  submissions: number;
  topology: TopologyKind;
  /** PostgreSQL topology: a role that may create databases; the run creates and drops its own. */
  adminDatabaseUrl?: string;
  plan?: Fault[];
  /** Forms in flight at once. */
  concurrency?: number;
  /** The n-th form is sent no earlier than n × paceMs after the start, so the faults fall among the forms. */
  paceMs?: number;
  /** How long to wait, after the last acknowledgement, for everything to be delivered and written. */
  settleTimeoutMs?: number;
  logger: Logger;
}

export interface ChaosReport {
  topology: TopologyKind;
  submissions: number;
  acknowledged: number;
  /** Acknowledged forms with no submission or no case at the end. */
  lost: string[];
  /** Forms that made more than one case. */
  doubled: string[];
  /** Cases whose workflow never wrote the read model or the timeline, or whose form is still pending. */
  incomplete: string[];
  /** Why: how many of `incomplete` still wait in form_submissions, have no read model written, have no timeline. */
  incompleteBy: { pending: number; unwritten: number; noTimeline: number };
  /** Forms the API answered with a 4xx: a harness or API bug, never expected. */
  refused: string[];
  retries: number;
  faults: Array<Fault & { killedAt: number; backAt?: number }>;
  /** Restarts the supervisor made on its own (a process that exited while another part was down). */
  unplannedRestarts: Record<string, number>;
  msToAcknowledgeAll: number;
  msToSettle: number;
}

export const DEFAULT_PLANS: Record<TopologyKind, Fault[]> = {
  postgres: [
    { at: 0.15, component: 'worker', downMs: 3_000 },
    { at: 0.35, component: 'api', downMs: 1_500 },
    { at: 0.55, component: 'temporal', downMs: 3_000 },
    { at: 0.75, component: 'worker', downMs: 1_000 },
    { at: 0.85, component: 'api', downMs: 500 },
  ],
  cluster: [
    { at: 0.2, component: 'worker', downMs: 15_000 },
    { at: 0.4, component: 'database', downMs: 0 },
    { at: 0.6, component: 'temporal', downMs: 3_000 },
    { at: 0.8, component: 'api', downMs: 1_000 },
  ],
  pglite: [
    { at: 0.2, component: 'app', downMs: 1_000 },
    { at: 0.5, component: 'temporal', downMs: 2_000 },
    { at: 0.8, component: 'app', downMs: 500 },
  ],
};

export async function runChaos(opts: ChaosOptions): Promise<ChaosReport> {
  const { logger } = opts;
  const plan = opts.plan ?? DEFAULT_PLANS[opts.topology];
  const runId = randomUUID().slice(0, 8);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'botrygg-chaos-'));
  let topology: Topology | undefined;
  try {
    if (opts.topology === 'postgres' || opts.topology === 'cluster') {
      if (!opts.adminDatabaseUrl) throw new Error(`The ${opts.topology} topology needs adminDatabaseUrl.`);
      const make = opts.topology === 'postgres' ? postgresTopology : clusterTopology;
      topology = await make({ dir, runId, adminDatabaseUrl: opts.adminDatabaseUrl, logger });
    } else {
      topology = await pgliteTopology({ dir, runId, logger });
    }
    const parts = topology;
    for (const fault of plan) if (!parts.components.includes(fault.component)) throw new Error(`The ${opts.topology} topology has no ${fault.component}.`);
    await parts.start();
    const { baseUrl } = parts;
    await waitFor(async () => (await fetch(`${baseUrl}/healthz`)).ok, 180_000, 'the API to answer /healthz');

    const faults: ChaosReport['faults'] = [];
    let acknowledged = 0;
    let retries = 0;
    const refused: string[] = [];
    const acked = new Set<string>();
    const started = Date.now();

    // The plan runs beside the forms: each fault waits for its share of acknowledgements.
    const planDone = (async () => {
      for (const fault of [...plan].sort((a, b) => a.at - b.at)) {
        while (acknowledged < fault.at * opts.submissions && acknowledged + refused.length < opts.submissions) await sleep(50);
        const record: ChaosReport['faults'][number] = { ...fault, killedAt: Date.now() - started };
        faults.push(record);
        logger.info({ component: fault.component, acknowledged }, 'Chaos: killing');
        parts.kill(fault.component);
        await sleep(fault.downMs);
        await parts.revive(fault.component);
        record.backAt = Date.now() - started;
      }
    })();

    const progress = setInterval(() => logger.info({ acknowledged, retries, refused: refused.length }, 'Chaos: progress'), 5_000);
    const keyOf = (i: number) => `chaos-${runId}-${String(i).padStart(5, '0')}`;
    const nameOf = (i: number) => `Kaos Testesen ${i}`;
    let next = 0;
    const sender = async () => {
      for (let i = next++; i < opts.submissions; i = next++) {
        const key = keyOf(i);
        await sleep(started + i * (opts.paceMs ?? 0) - Date.now());
        const body = { municipality: 'tynset', applicant: { name: nameOf(i) }, currentHousing: 'Prøvedata fra feilinjiseringen', housingOfficerId: 'kari.nordmann' };
        for (;;) {
          const status = await fetch(`${baseUrl}/api/tenancies`, {
            method: 'POST',
            headers: { authorization: `Bearer ${FORM_TOKEN}`, 'content-type': 'application/json', 'idempotency-key': key },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(15_000),
          }).then(
            (r) => r.status,
            () => 0,
          );
          if (status >= 200 && status < 300) {
            acked.add(key);
            acknowledged++;
            break;
          }
          if (status >= 400 && status < 500) {
            refused.push(`${key}: ${status}`);
            break;
          }
          // No answer (API dead) or 5xx: the form resends with the same key, as a client must.
          retries++;
          await sleep(250);
        }
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, sender));
    const msToAcknowledgeAll = Date.now() - started;
    await planDone.finally(() => clearInterval(progress));

    // Everything is up again: wait until every form is delivered and every case written. On PGlite
    // each look stops the app (and a restart costs it some 20 s), so look seldom.
    const settleStart = Date.now();
    const settleDeadline = settleStart + (opts.settleTimeoutMs ?? 180_000);
    for (let look = 0; ; look++) {
      await sleep(opts.topology !== 'pglite' ? 500 : look === 0 ? 10_000 : 45_000);
      const done = await parts.withDatabase(async ({ db }) => {
        const [pending] = await db.select({ n: count() }).from(formSubmissions).where(eq(formSubmissions.status, 'pending'));
        const [unwritten] = await db.select({ n: count() }).from(tenancies).where(eq(tenancies.stateVersion, 0));
        return pending!.n === 0 && unwritten!.n === 0;
      }).catch((err: unknown) => void logger.warn({ err }, 'Chaos: could not look at the database yet'));
      if (done) break;
      if (Date.now() > settleDeadline) {
        logger.warn('Chaos: not settled before the deadline; counting as is');
        break;
      }
    }
    const msToSettle = Date.now() - settleStart;

    const counted = await parts.withDatabase((database) => countOutcomes(database, { runId, submissions: opts.submissions, acked, keyOf, nameOf }), { release: false });
    return {
      topology: opts.topology,
      submissions: opts.submissions,
      acknowledged,
      ...counted,
      refused,
      retries,
      faults,
      unplannedRestarts: parts.unplannedRestarts(),
      msToAcknowledgeAll,
      msToSettle,
    };
  } finally {
    await topology?.stop().catch((err: unknown) => logger.warn({ err }, 'Chaos: stopping failed'));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function countOutcomes(
  { db }: DatabaseHandle,
  run: { runId: string; submissions: number; acked: Set<string>; keyOf(i: number): string; nameOf(i: number): string },
): Promise<Pick<ChaosReport, 'lost' | 'doubled' | 'incomplete' | 'incompleteBy'>> {
  const submissions = await db.select().from(formSubmissions).where(like(formSubmissions.submissionId, `chaos-${run.runId}-%`));
  const byKey = new Map(submissions.map((s) => [s.submissionId, s]));
  const rows = await db.select().from(tenancies);
  const casesByName = new Map<string, string[]>();
  for (const r of rows) casesByName.set(r.applicantName, [...(casesByName.get(r.applicantName) ?? []), r.caseId]);
  const caseIds = submissions.map((s) => s.caseId);
  const withTimeline = new Set(
    caseIds.length ? (await db.selectDistinct({ caseId: caseEvents.caseId }).from(caseEvents).where(inArray(caseEvents.caseId, caseIds))).map((r) => r.caseId) : [],
  );
  const rowByCase = new Map(rows.map((r) => [r.caseId, r]));
  const lost: string[] = [];
  const doubled: string[] = [];
  const incomplete: string[] = [];
  const incompleteBy = { pending: 0, unwritten: 0, noTimeline: 0 };
  for (let i = 0; i < run.submissions; i++) {
    const key = run.keyOf(i);
    if (!run.acked.has(key)) continue;
    const submission = byKey.get(key);
    const row = submission && rowByCase.get(submission.caseId);
    if (!submission || !row) {
      lost.push(key);
      continue;
    }
    if ((casesByName.get(run.nameOf(i)) ?? []).length > 1) doubled.push(key);
    const why = { pending: submission.status !== 'delivered', unwritten: row.stateVersion === 0, noTimeline: !withTimeline.has(row.caseId) };
    if (why.pending || why.unwritten || why.noTimeline) incomplete.push(key);
    for (const k of ['pending', 'unwritten', 'noTimeline'] as const) if (why[k]) incompleteBy[k]++;
  }
  return { lost, doubled, incomplete, incompleteBy };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(250);
  }
}

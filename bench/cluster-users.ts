import type pg from 'pg';
import { DEVELOPMENT_TOKENS } from '../config/env';
import type { LoadFigures } from './load';
import { runLoad, type LoadJob } from './load-child';

/**
 * The staff the cluster bench's API load comes from: housing officers and follow-up workers, each
 * with a token of their own (the APIs' write limit and audit log are per person, so one shared token
 * would be neither realistic nor allowed to seed at speed). The follow-up workers are those the rent
 * tenancies are given to (bench/scale/seed.ts rentFollowUpWorker): ola.hansen and oppfolger-1 … .
 */
export interface BenchUser {
  id: string;
  role: 'housing_officer' | 'follow_up_worker';
  token: string;
}

export function benchUsers(count: number): BenchUser[] {
  const half = Math.max(1, Math.floor(count / 2));
  const officers = Array.from({ length: half }, (_, k): BenchUser => {
    const id = k === 0 ? 'kari.nordmann' : `saksbehandler-${k}`;
    return { id, role: 'housing_officer', token: `bench-hous-${k}-token` };
  });
  // oppfolger-10, -20, -30 have no cases (every tenth is ola.hansen's), so they are skipped.
  const followUp = Array.from({ length: Math.max(1, count - half) }, (_, k): BenchUser => {
    const id = k === 0 ? 'ola.hansen' : `oppfolger-${k + Math.floor((k - 1) / 9)}`;
    return { id, role: 'follow_up_worker', token: `bench-foll-${k}-token` };
  });
  return [...officers, ...followUp];
}

/** API_TOKENS for the cluster's APIs: the development tokens and the bench's staff. */
export const benchTokens = (users: BenchUser[]) => [DEVELOPMENT_TOKENS, ...users.map((u) => `${u.token}:${u.id}:${u.role}:tynset`)].join(',');

const auth = (u: BenchUser) => ({ authorization: `Bearer ${u.token}` });

/**
 * The routes staff use, as shares of the arrival rate: the case page of random cases, their role's
 * work list, their own tasks, the first page of the case list, and /healthz (no database, no
 * Temporal) as the floor the others are read against.
 */
export const ROUTE_MIX = [
  { label: 'case page', share: 0.4 },
  { label: 'role work list', share: 0.15 },
  { label: 'my tasks', share: 0.2 },
  { label: 'case list', share: 0.15 },
  { label: '/healthz', share: 0.1 },
] as const;

/**
 * The mix at `rate` requests/s in total for `seconds`, all routes at once from a load process of its
 * own (open model, bench/load.ts), each route's requests spread over the APIs and the users. A case
 * page is asked for by someone who may read it: a housing officer, or the case's own follow-up
 * worker when they are one of ours.
 */
export async function staffLoad(db: pg.Pool, apiUrls: string[], users: BenchUser[], rate: number, seconds: number): Promise<LoadFigures[]> {
  const officers = users.filter((u) => u.role === 'housing_officer');
  const byId = new Map(users.map((u) => [u.id, u]));
  const { rows } = await db.query<{ case_id: string; follow_up_worker_id: string | null }>(
    'SELECT case_id, follow_up_worker_id FROM tenancies ORDER BY random() LIMIT 2000',
  );
  const casePages = rows.map((r, k) => {
    const own = r.follow_up_worker_id ? byId.get(r.follow_up_worker_id) : undefined;
    const user = own && k % 2 === 0 ? own : officers[k % officers.length]!;
    return { path: `/api/tenancies/${encodeURIComponent(r.case_id)}`, headers: auth(user) };
  });
  const perUser = (path: (u: BenchUser) => string) => ({ paths: users.map(path), headerSets: users.map(auth) });
  const routes: Record<(typeof ROUTE_MIX)[number]['label'], Pick<LoadJob['targets'][number], 'paths' | 'headerSets'>> = {
    'case page': { paths: casePages.map((c) => c.path), headerSets: casePages.map((c) => c.headers) },
    'role work list': perUser((u) => `/api/tasks?role=${u.role}`),
    'my tasks': perUser(() => '/api/tasks?assignee=me'),
    'case list': perUser(() => '/api/tenancies'),
    '/healthz': { paths: ['/healthz'] },
  };
  const job = (r: number, s: number): LoadJob => ({
    base: apiUrls[0]!,
    ratePerSecond: r,
    durationMs: s * 1000,
    timeoutMs: 5_000,
    concurrent: true,
    // Request k goes to API k % 2: each user (and each sampled case) stays on one API, as behind a load balancer with sticky sessions.
    targets: ROUTE_MIX.map(({ label, share }) => ({ label, ...routes[label], bases: apiUrls, ratePerSecond: r * share })),
  });
  // Warm-up (JIT, connection pools, prepared plans): not counted.
  await runLoad(job(rate / 2, 5));
  return runLoad(job(rate, seconds));
}

/** "12 / 40 / 95 ms" and the errors by kind. */
export const describeLatency = (f: LoadFigures) =>
  `${f.p50.toFixed(0)} / ${f.p95.toFixed(0)} / ${f.p99.toFixed(0)} ms${f.errors ? ` (${f.errors} errors: ${Object.entries(f.errorKinds).map(([k, v]) => `${k} ×${v}`).join(', ')})` : ''}`;

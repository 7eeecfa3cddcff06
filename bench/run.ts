import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { createTenancyRecordActivities } from '../activities/tenancy-records';
import { createApp } from '../api/app';
import { parseApiTokens } from '../config/api-tokens';
import { DEVELOPMENT_TOKENS } from '../config/env';
import { openDatabase } from '../db/client';
import { addDays, osloInstant } from '../domain/calendar';
import { newTenancyState } from '../domain/tenancy/state';
import { toView } from '../domain/tenancy/view';
import { createLogger } from '../platform/logger';

/**
 * Read-model benchmark: do the ops views stay fast with a municipality's worth of cases?
 * Seeds CASES tenancies through the real snapshot activity, then times the work-list and case-list
 * routes against /healthz (no database) as the baseline of the same run.
 * `npm run bench` (PGlite) or `DATABASE_URL=postgres://… npm run bench`; CASES=… REQUESTS=… to scale.
 */
const CASES = Number(process.env.CASES ?? 3000);
const REQUESTS = Number(process.env.REQUESTS ?? 200);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'botrygg-bench-'));
const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir });
await database.migrate();
const records = createTenancyRecordActivities({ db: database.db });
const runTag = Date.now().toString(36).toUpperCase().replace(/[^A-Z2-9]/g, 'X').slice(-4).padStart(4, 'X');

const phases = ['application', 'allocation', 'lease', 'follow_up'] as const;
const seedStart = performance.now();
for (let i = 0; i < CASES; i++) {
  const caseId = `BEN-2026-${runTag}${String(i).padStart(6, '0')}`;
  const received = addDays('2026-01-05', i % 300);
  const state = newTenancyState({
    caseId,
    now: osloInstant(received, '09:00'),
    application: { municipality: 'tynset', applicant: { name: `Søker ${i}` }, householdMembers: [], currentHousing: 'Benchmark', language: 'norsk', needsInterpreter: false, receivedDate: received, housingOfficerId: i % 2 ? 'kari.nordmann' : 'per.olsen' },
  });
  state.phase = phases[i % phases.length]!;
  state.followUpWorkerId = i % 3 === 0 ? 'ola.hansen' : `oppfolger-${i % 40}`;
  state.tasks.push({ id: 'extra', kind: 'missed_visit', title: 'Følg opp besøk', role: 'follow_up_worker', assigneeId: state.followUpWorkerId, dueDate: addDays(received, 20), createdAt: 0 });
  await records.saveTenancySnapshot({ workflowId: `tenancy-${caseId}`, view: toView(state) });
  if ((i + 1) % 500 === 0 || i + 1 === CASES) process.stderr.write(`\rseeding ${i + 1}/${CASES}`);
}
const seedSeconds = (performance.now() - seedStart) / 1000;
process.stderr.write('\n');

// The routes measured read only the database; a Temporal connection is never opened.
const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
const app = createApp({
  config: { apiTokens: parseApiTokens(DEVELOPMENT_TOKENS), TEMPORAL_TASK_QUEUE: 'bench', TEMPORAL_NAMESPACE: 'default' },
  database,
  temporal,
  logger: createLogger('silent'),
});
const server = app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function measure(label: string, url: string, token?: string) {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const body = (await res.json()) as { tasks?: unknown[]; cases?: unknown[] };
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    rows = body.tasks?.length ?? body.cases?.length ?? 0;
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { label, rows, p50: p(0.5), p95: p(0.95), perSecond: 1000 / (times.reduce((a, b) => a + b, 0) / times.length) };
}

const results = [
  await measure('baseline: GET /healthz (no database)', '/healthz'),
  await measure('GET /api/tasks?assignee=me (follow-up worker)', '/api/tasks?assignee=me', 'dev-oppfolger'),
  await measure('GET /api/tasks?role=housing_officer', '/api/tasks?role=housing_officer', 'dev-boligkonsulent'),
  await measure('GET /api/tenancies?phase=follow_up&limit=100', '/api/tenancies?phase=follow_up&limit=100', 'dev-boligkonsulent'),
];
server.close();
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });

console.log(`\nBotrygg read-model benchmark: ${CASES} cases in ${database.kind}, ${REQUESTS} sequential requests per route`);
console.log(`seeding through saveTenancySnapshot: ${(CASES / seedSeconds).toFixed(0)} snapshots/s\n`);
console.log('route'.padEnd(52) + 'rows'.padStart(6) + 'p50 ms'.padStart(9) + 'p95 ms'.padStart(9) + 'req/s'.padStart(8) + '  x baseline p50');
const baseline = results[0]!.p50;
for (const r of results) {
  console.log(r.label.padEnd(52) + String(r.rows).padStart(6) + r.p50.toFixed(2).padStart(9) + r.p95.toFixed(2).padStart(9) + r.perSecond.toFixed(0).padStart(8) + `  ${(r.p50 / baseline).toFixed(1)}`);
}

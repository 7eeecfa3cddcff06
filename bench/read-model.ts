import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { createRentLedgerActivities } from '../activities/rent-ledger';
import { createTenancyRecordActivities } from '../activities/tenancy-records';
import { postPaymentsFile } from '../api/payment-import';
import { createApp } from '../api/app';
import { ensureWebBuild, WEB_DIST } from '../scripts/build-web';
import { measureFirstLoads } from './web-first-load';
import { parseApiTokens } from '../config/api-tokens';
import { DEVELOPMENT_TOKENS } from '../config/env';
import { openDatabase } from '../db/client';
import { addDays, osloInstant } from '../domain/calendar';
import { kidForCase } from '../domain/rent/kid';
import { parsePaymentsFile } from '../domain/rent/payments-file';
import { dueDateFor, periodsBetween } from '../domain/rent/schedule';
import { startRent } from '../domain/tenancy/rent';
import { newTenancyState } from '../domain/tenancy/state';
import { toView } from '../domain/tenancy/view';
import { createLogger } from '../platform/logger';
import { listenApi } from '../api/listen';

/**
 * Read-model benchmark: do the ops views stay fast with a municipality's worth of cases?
 * Seeds CASES tenancies through the real snapshot activity, then times the work-list and case-list
 * routes against /healthz (no database) as the baseline of the same run.
 * `npm run bench:read-model` (PGlite) or `DATABASE_URL=postgres://… npm run bench:read-model`; CASES=… REQUESTS=… to scale.
 */
const CASES = Number(process.env.CASES ?? 3000);
const REQUESTS = Number(process.env.REQUESTS ?? 200);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'botrygg-bench-'));
const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir });
await database.migrate();
const records = createTenancyRecordActivities({ db: database.db });
// Case IDs in the real format (a KID is read from them): a run tag and the case number in base 32.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const base32 = (n: number, width: number) => Array.from({ length: width }, (_, k) => ALPHABET[Math.floor(n / 32 ** (width - 1 - k)) % 32]).join('');
const runTag = base32(Date.now() % 1024, 2);
const benchCaseId = (i: number) => `BEN-2026-${runTag}${base32(i, 4)}`;

const phases = ['application', 'allocation', 'lease', 'follow_up'] as const;
const seedStart = performance.now();
for (let i = 0; i < CASES; i++) {
  const caseId = benchCaseId(i);
  const received = addDays('2026-01-05', i % 300);
  const state = newTenancyState({
    caseId,
    now: osloInstant(received, '09:00'),
    application: { municipality: 'tynset', applicant: { name: `Søker ${i}` }, householdMembers: [], currentHousing: 'Benchmark', language: 'norsk', needsInterpreter: false, receivedDate: received, housingOfficerId: i % 2 ? 'kari.nordmann' : 'per.olsen' },
  });
  state.phase = phases[i % phases.length]!;
  state.followUpWorkerId = i % 3 === 0 ? 'ola.hansen' : `oppfolger-${i % 40}`;
  if (state.phase === 'follow_up') {
    state.moveInDate = '2026-01-01';
    startRent(state, { moveIn: '2026-01-01' });
  }
  state.tasks.push({ id: 'extra', kind: 'missed_visit', title: 'Følg opp besøk', role: 'follow_up_worker', assigneeId: state.followUpWorkerId, dueDate: addDays(received, 20), createdAt: 0 });
  await records.saveTenancySnapshot({ workflowId: `tenancy-${caseId}`, view: toView(state) });
  if ((i + 1) % 500 === 0 || i + 1 === CASES) process.stderr.write(`\rseeding ${i + 1}/${CASES}`);
}
const seedSeconds = (performance.now() - seedStart) / 1000;
process.stderr.write('\n');

// Rent: every tenancy in follow-up gets an account and a year of charges through the real activity,
// then one payments file pays a month for each of them. Parsing the same file alone is the baseline.
const ledger = createRentLedgerActivities({ db: database.db });
const rentCases: string[] = [];
for (let i = 3; i < CASES; i += 4) {
  const caseId = benchCaseId(i);
  const charges = periodsBetween('2026-01', '2026-12').map((period) => ({ period, dueDate: dueDateFor(period, 1), amountOre: 915_000 }));
  const account = { caseId, municipality: 'tynset', kid: kidForCase(caseId), monthlyRentOre: 915_000, dueDay: 1, allowanceAssigned: false };
  await ledger.syncRentLedger({ workflowId: `tenancy-${caseId}`, account, charges, asOf: '2026-12-31' });
  rentCases.push(caseId);
}
const paymentsFile = ['transaksjonsid;dato;beløp;kid', ...rentCases.map((c, i) => `BENCH-${runTag}-${i};2026-12-01;9 150,00;${kidForCase(c)}`)].join('\n');
const parseStart = performance.now();
parsePaymentsFile(paymentsFile);
const parseMs = performance.now() - parseStart;
const importStart = performance.now();
const imported = await postPaymentsFile(database.db, { filename: 'bench.csv', content: paymentsFile }, { id: 'bench', roles: ['housing_office'], municipality: 'tynset' });
const importMs = performance.now() - importStart;
if (imported.status !== 'applied' || imported.applied !== rentCases.length) throw new Error(`Import: ${JSON.stringify(imported).slice(0, 300)}`);
const againStart = performance.now();
await postPaymentsFile(database.db, { filename: 'bench.csv', content: paymentsFile }, { id: 'bench', roles: ['housing_office'], municipality: 'tynset' });
const againMs = performance.now() - againStart;

// The routes measured read only the database; a Temporal connection is never opened.
const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
const app = createApp({
  config: { apiTokens: parseApiTokens(DEVELOPMENT_TOKENS), TEMPORAL_TASK_QUEUE: 'bench', TEMPORAL_NAMESPACE: 'default' },
  database,
  temporal,
  logger: createLogger('silent'),
  webDir: WEB_DIST,
});
await ensureWebBuild();
const server = listenApi(app, 0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function measure(label: string, url: string, token?: string) {
  const times: number[] = [];
  let rows = 0;
  // CPU of this one process (API, client and, on PGlite, the database): what a loaded machine does not
  // distort the way it distorts wall time, and on PGlite the capacity of its one thread.
  const cpu = process.cpuUsage();
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const body = (await res.json()) as { tasks?: unknown[]; cases?: unknown[] };
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    rows = body.tasks?.length ?? body.cases?.length ?? 0;
  }
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { label, rows, p50: p(0.5), p95: p(0.95), perSecond: 1000 / (times.reduce((a, b) => a + b, 0) / times.length), cpuMs: (used.user + used.system) / 1000 / REQUESTS };
}

const results = [
  await measure('baseline: GET /healthz (no database)', '/healthz'),
  await measure('GET /api/tasks?assignee=me (follow-up worker)', '/api/tasks?assignee=me', 'dev-oppfolger'),
  await measure('GET /api/tasks?role=housing_officer', '/api/tasks?role=housing_officer', 'dev-boligkonsulent'),
  await measure('GET /api/tenancies?limit=100', '/api/tenancies?limit=100', 'dev-boligkonsulent'),
  await measure('GET /api/tenancies/{id}', `/api/tenancies/${benchCaseId(7)}`, 'dev-boligkonsulent'),
  await measure('GET /api/tenancies?phase=follow_up&limit=100', '/api/tenancies?phase=follow_up&limit=100', 'dev-boligkonsulent'),
  await measure(`GET /api/rent/figures (${rentCases.length} accounts)`, '/api/rent/figures?asOf=2026-12-31', 'dev-boligkonsulent'),
];
const firstLoads = process.env.BENCH_FIRST_LOAD === '0' ? undefined : await measureFirstLoads(base);
server.close();
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });

console.log(`\nBotrygg read-model benchmark: ${CASES} cases in ${database.kind}, ${REQUESTS} sequential requests per route`);
console.log(`seeding through saveTenancySnapshot: ${(CASES / seedSeconds).toFixed(0)} snapshots/s\n`);
console.log('route'.padEnd(52) + 'rows'.padStart(6) + 'p50 ms'.padStart(9) + 'p95 ms'.padStart(9) + 'req/s'.padStart(8) + '  x baseline p50' + '  CPU ms/req');
const baseline = results[0]!.p50;
for (const r of results) {
  console.log(r.label.padEnd(52) + String(r.rows).padStart(6) + r.p50.toFixed(2).padStart(9) + r.p95.toFixed(2).padStart(9) + r.perSecond.toFixed(0).padStart(8) + `  ${(r.p50 / baseline).toFixed(1)}`.padEnd(17) + r.cpuMs.toFixed(2).padStart(11));
}
console.log(`\npayments file of ${rentCases.length} lines:`);
console.log(`  baseline, parsing only: ${parseMs.toFixed(1)} ms (${((rentCases.length / parseMs) * 1000).toFixed(0)} lines/s)`);
console.log(`  import (parse, match, post in one transaction): ${importMs.toFixed(1)} ms (${((rentCases.length / importMs) * 1000).toFixed(0)} lines/s, ${(importMs / parseMs).toFixed(1)} x baseline)`);
console.log(`  the same file again (recognised, nothing posted): ${againMs.toFixed(1)} ms`);
if (firstLoads) {
  console.log(`\nstaff app, first load in Chromium (cold, ${firstLoads[0]!.runs} runs; target under 1500 ms):`);
  for (const r of firstLoads) console.log(`  ${r.label.padEnd(44)} p50 ${r.p50.toFixed(0).padStart(5)} ms   max ${r.max.toFixed(0).padStart(5)} ms`);
} else {
  console.log(`\nstaff app first load: skipped (${process.env.BENCH_FIRST_LOAD === '0' ? 'BENCH_FIRST_LOAD=0' : 'no Chromium at /usr/bin/chromium'})`);
}

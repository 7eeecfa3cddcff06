import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadFigures } from './load';
import { runLoad } from './load-child';
import { monthCheck, paymentsFile, type MonthCheckFigures, type PaymentsFigures } from './scale/payments';
import { noopRate, rentCaseIds, seedApplications, seedRentTenancies, type Rate } from './scale/seed';
import { createBenchDatabase, startSystem, type DbKind } from './scale/system';

/**
 * `npm run bench`: every figure of issue 14 next to its baseline from the same run, at growing
 * numbers of cases, on PGlite and on PostgreSQL. Per database: one Temporal dev server, Botrygg's API
 * and worker in this process (as `npm start` runs them), and cases added in steps (1,000, then grown
 * to 5,000, then 10,000); at each step the figures are taken before growing further.
 *
 * At a scale of N there are N applications made through the API (the real path: stored, workflow
 * started, first state in the read model) and N tenancies in follow-up with a rent account (see
 * seedRentTenancies), all live workflows; the payments file pays all N accounts.
 *
 * BENCH_SCALES=1000,5000,10000  BENCH_DBS=pglite,postgres  BENCH_RATE=200 (requests/s per route)
 * BENCH_SECONDS=15 (per route)  BENCH_MEMORY=0 skips the per-workflow memory runs
 * BENCH_DATABASE_URL (a server where the bench may create a database; default TEST_DATABASE_URL)
 * BENCH_PAYMENTS_TIMEOUT_S=600 (how long to wait for every ladder after a payments file)
 * BENCH_ARREARS_SHARE=0.05 (share of the rent tenancies seeded in arrears, so a payment moves their ladder)
 * BENCH_ONLY=payments (only the rent figures: no per-workflow memory runs, applications or API load)
 * BENCH_MONTH_CHECK=0 skips the month's rent check across all cases (it wakes every rent tenancy)
 * BENCH_JSON=file also writes the figures as JSON. Progress goes to stderr, the tables to stdout.
 */
const SCALES = (process.env.BENCH_SCALES ?? '1000,5000,10000').split(',').map(Number);
const DBS = (process.env.BENCH_DBS ?? 'pglite,postgres').split(',') as DbKind[];
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://botrygg:botrygg@127.0.0.1:5432/postgres';
const PAYMENTS_TIMEOUT_S = Number(process.env.BENCH_PAYMENTS_TIMEOUT_S ?? 600);
const ARREARS_SHARE = Number(process.env.BENCH_ARREARS_SHARE ?? 0.05);
const ONLY_PAYMENTS = process.env.BENCH_ONLY === 'payments';
const MONTH_CHECK = process.env.BENCH_MONTH_CHECK !== '0';
const CLIENTS = 8;
const NOOP_WORKFLOWS = 300;
const here = path.dirname(fileURLToPath(import.meta.url));
const MiB = 1024 * 1024;
const say = (s: string) => process.stderr.write(s);

interface ScaleFigures {
  db: DbKind;
  scale: number;
  noop: Rate;
  intake?: Rate;
  rentSeedSeconds: number;
  rssStartMiB: number;
  rssMiB: number;
  peakRssMiB: number;
  cacheSize: number;
  cached: number;
  api: LoadFigures[];
  payments: PaymentsFigures;
  monthCheck?: MonthCheckFigures;
}
interface MemoryFigures {
  db: DbKind;
  minimalKiB: number;
  tenancyKiB: number;
  workflows: number;
}

/** RSS per cached workflow, tenancy against a workflow that only waits (bench/workflow-memory.ts, its own processes). */
async function memoryFigures(db: DbKind): Promise<MemoryFigures> {
  const pgDatabase = db === 'postgres' ? await createBenchDatabase(PG_URL) : undefined;
  try {
    return await memoryRun(db, pgDatabase?.url ?? '');
  } finally {
    await pgDatabase?.drop();
  }
}

function memoryRun(db: DbKind, databaseUrl: string): Promise<MemoryFigures> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'botrygg-bench-mem-')), 'memory.json');
  return new Promise((resolve, reject) => {
    const proc = fork(path.join(here, 'workflow-memory.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, VARIANTS: 'minimal,tenancy', WORKFLOWS: '300', BENCH_JSON: out, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    proc.on('exit', (code) => {
      if (code !== 0 || !fs.existsSync(out)) return reject(new Error(`workflow-memory exited with ${code}`));
      const results = JSON.parse(fs.readFileSync(out, 'utf8')) as Array<{ variant: string; perWorkflowKiB: number; workflows: number }>;
      const of = (v: string) => results.find((r) => r.variant === v)!;
      resolve({ db, minimalKiB: of('minimal').perWorkflowKiB, tenancyKiB: of('tenancy').perWorkflowKiB, workflows: of('tenancy').workflows });
    });
  });
}

async function benchDatabase(db: DbKind, scaleFigures: ScaleFigures[]): Promise<void> {
  say(`\n== ${db} ==\n`);
  const sys = await startSystem(db, PG_URL, (l) => say(`${l}\n`));
  const rssStart = process.memoryUsage.rss();
  let peak = rssStart;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 500);
  const applications: string[] = [];
  let seeded = 0;
  try {
    for (const scale of SCALES) {
      say(`-- ${db}, ${scale} cases --\n`);
      const noop = await noopRate(sys, NOOP_WORKFLOWS, CLIENTS, say);
      say('\n');
      let intake: Rate | undefined;
      if (!ONLY_PAYMENTS) {
        const seededApplications = await seedApplications(sys, seeded, scale - seeded, CLIENTS, say);
        intake = seededApplications.rate;
        applications.push(...seededApplications.caseIds);
        say(`\n  ${f1(intake.perSecond)}/s, p95 ${f0(intake.p95)} ms against no-op workflows ${f1(noop.perSecond)}/s\n`);
      }
      const rentSeedSeconds = await seedRentTenancies(sys, seeded, scale - seeded, 32, say, ARREARS_SHARE);
      say('\n');
      seeded = scale;
      await new Promise((r) => setTimeout(r, 3000));
      const rss = process.memoryUsage.rss();
      peak = Math.max(peak, rss);
      const cases = [...applications, ...rentCaseIds(scale)];
      const officer = { authorization: 'Bearer dev-boligkonsulent' };
      const api = ONLY_PAYMENTS ? [] : await runLoad(
        {
          base: sys.base,
          ratePerSecond: RATE,
          durationMs: SECONDS * 1000,
          targets: [
            { label: 'baseline: GET /healthz', paths: ['/healthz'] },
            // Cases in a fixed scattered order, so the read hits cold pages as a municipality's staff would.
            { label: 'GET /api/tenancies/{id}', paths: Array.from({ length: Math.min(cases.length, 5000) }, (_, i) => `/api/tenancies/${cases[(i * 7919) % cases.length]}`), headers: officer },
            { label: 'GET /api/tasks?role=housing_officer', paths: ['/api/tasks?role=housing_officer'], headers: officer },
            { label: 'GET /api/tenancies?limit=100', paths: ['/api/tenancies?limit=100'], headers: officer },
            { label: 'GET /api/tasks?assignee=me', paths: ['/api/tasks?assignee=me'], headers: { authorization: 'Bearer dev-oppfolger' } },
          ],
        },
        (l) => say(`  ${l}`),
      );
      say('\n');
      // The API figures now, in case the payments run is stopped before its end.
      for (const a of api) say(`  ${a.label}: p50 ${f1(a.p50)} p95 ${f1(a.p95)} p99 ${f1(a.p99)} ms, ${a.errors} errors, ${f0(a.achievedRate)}/s\n`);
      const payments = await paymentsFile(sys, scale, `${db}-${scale}-${Date.now()}`, say, PAYMENTS_TIMEOUT_S * 1000);
      say('\n');
      const month = MONTH_CHECK
        ? await monthCheck({ db: sys.database.db, temporal: sys.temporal, logger: sys.logger }, rentCaseIds(scale), `month-${db}-${scale}-${Date.now()}`, say, { timeoutMs: PAYMENTS_TIMEOUT_S * 1000 })
        : undefined;
      if (month) say('\n');
      const status = sys.worker.getStatus();
      scaleFigures.push({ db, scale, noop, intake, rentSeedSeconds, rssStartMiB: rssStart / MiB, rssMiB: rss / MiB, peakRssMiB: peak / MiB, cacheSize: sys.cacheSize, cached: status.numCachedWorkflows, api, payments, ...(month ? { monthCheck: month } : {}) });
      printScale(scaleFigures[scaleFigures.length - 1]!);
    }
  } finally {
    clearInterval(sampler);
    await sys.stop();
  }
}

const f0 = (n: number | null) => (n === null || !Number.isFinite(n) ? '–' : n.toFixed(0));
const f1 = (n: number | null) => (n === null || !Number.isFinite(n) ? '–' : n.toFixed(1));
function row(cells: string[]): string {
  const widths = [44, 34, 30, 8, 30];
  return cells.map((c, i) => c.padEnd(widths[i] ?? 10)).join(' ');
}

function printScale(s: ScaleFigures): void {
  const lines: string[] = [];
  const applications = s.intake ? `${s.scale} applications through the API + ` : '';
  lines.push(`\n${s.db}, ${s.scale} cases (${applications}${s.scale} tenancies in follow-up with rent, all live workflows; worker cache ${s.cacheSize}, ${s.cached} cached)`);
  lines.push(row(['figure', 'measured', 'baseline (same run)', 'ratio', 'goal']));
  if (s.intake) lines.push(row(['application → first task visible', `${f1(s.intake.perSecond)}/s, p50 ${f0(s.intake.p50)} ms, p95 ${f0(s.intake.p95)} ms`, `no-op workflows ${f1(s.noop.perSecond)}/s`, `${(s.intake.perSecond / s.noop.perSecond).toFixed(2)}×`, '≥ 0.5×, p95 ≤ 500 ms']));
  lines.push(row([`RSS, API + worker${s.db === 'pglite' ? ' + PGlite' : ''} in one process`, `${f0(s.rssMiB)} MiB (peak ${f0(s.peakRssMiB)})`, `at start, no cases: ${f0(s.rssStartMiB)} MiB`, `${(s.rssMiB / s.rssStartMiB).toFixed(1)}×`, '≤ 1024 MiB']));
  const healthz = s.api[0];
  for (const a of healthz ? s.api : []) {
    const measured = `p50 ${f1(a.p50)} p95 ${f1(a.p95)} p99 ${f1(a.p99)} ms, ${a.errors} err`;
    const errors = a.errors ? ` (${Object.entries(a.errorKinds).map(([k, v]) => `${k}: ${v}`).join(', ')})` : '';
    lines.push(row([`${a.label} at ${f0(a.achievedRate)}/s`, measured + errors, a === healthz ? '' : `/healthz p99 ${f1(healthz!.p99)} ms`, a === healthz ? '' : `${(a.p99 / healthz!.p99).toFixed(1)}×`, 'p99 ≤ 100 ms, 0 errors']));
  }
  const p = s.payments;
  lines.push(
    row([
      `payments file, ${p.accounts} accounts (${p.inArrears} in arrears): every ladder evaluated`,
      `${f1(p.evaluatedMs / 1000)} s (answered in ${f1(p.importMs / 1000)} s; ${p.signalled} signalled, ${p.evaluated === p.signalled ? 'all' : `only ${p.evaluated}`} checked)`,
      `parse only ${f0(p.parseMs)} ms`,
      `${f0(p.evaluatedMs / p.parseMs)}×`,
      '≤ 60 s',
    ]),
  );
  const m = s.monthCheck;
  const perSecond = m ? (m.done / m.ms) * 1000 : 0;
  if (m) lines.push(row([`a month's rent check, ${m.cases} cases woken at once`, `${f1(m.ms / 1000)} s, ${f1(perSecond)} cases/s (${m.done === m.cases ? 'all' : `only ${m.done}`})`, `no-op workflows ${f1(s.noop.perSecond)}/s`, `${(perSecond / s.noop.perSecond).toFixed(2)}×`, '']));
  console.log(lines.join('\n'));
}

const scaleFigures: ScaleFigures[] = [];
const memory: MemoryFigures[] = [];
say(`Botrygg benchmark: scales ${SCALES.join(', ')} on ${DBS.join(', ')}; ${RATE} requests/s per route for ${SECONDS} s; ${os.cpus().length} cores, ${f1(os.totalmem() / 1024 ** 3)} GiB\n`);
for (const db of DBS) {
  if (process.env.BENCH_MEMORY !== '0' && !ONLY_PAYMENTS) {
    say(`\n== ${db}: RSS per cached workflow ==\n`);
    memory.push(await memoryFigures(db));
    const m = memory[memory.length - 1]!;
    say(`  per cached tenancy workflow ${m.tenancyKiB} KiB, a workflow that only waits ${m.minimalKiB} KiB\n`);
  }
  await benchDatabase(db, scaleFigures);
}

console.log(`\n=== Summary (${os.cpus().length} cores; load average at the end ${os.loadavg().map(f1).join(' ')}) ===`);
for (const m of memory) {
  console.log(row([`${m.db}: RSS per cached tenancy workflow (${m.workflows})`, `${m.tenancyKiB} KiB`, `a workflow that only waits: ${m.minimalKiB} KiB`, `${(m.tenancyKiB / Math.max(1, m.minimalKiB)).toFixed(1)}×`, '≤ 512 KiB']));
}
for (const s of scaleFigures) printScale(s);
if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify({ memory, scales: scaleFigures }, null, 2));
process.exit(0);

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import { importPaymentsFile } from '../api/payment-import';
import { openDatabase } from '../db/client';
import { rentAccounts, rentLedger } from '../db/schema-rent';
import { parseBankFile } from '../domain/rent/bank-file';
import { kidForCase } from '../domain/rent/kid';
import type { Actor } from '../domain/roles';
import { startDevServer } from '../platform/dev-server';
import { createLogger } from '../platform/logger';
import { findTemporalCli } from '../platform/temporal-cli';
import { camt054File, ocrGiroFile } from '../test/helpers/bank-files';

/**
 * Bank files at a municipality's month-end size: one OCR giro file and one camt.054 file, each with
 * PAYMENTS payments (default 10 000) for as many tenancies, imported through `importPaymentsFile`
 * (parse, match, post in one transaction, then signal every case it touched), against parsing the same
 * file alone as the baseline of the same run. Each tenancy is a running workflow on a Temporal dev
 * server, so each signal is a real round trip that the server records; no worker runs, so the figure
 * is the import's own cost, not the workflows' reaction to it.
 * `npm run bench:bank-files` (PGlite) or `DATABASE_URL=postgres://… npm run bench:bank-files`.
 */
const PAYMENTS = Number(process.env.PAYMENTS ?? 10_000);
const STARTERS = 32;
const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', { process: 'bench' });

const cli = await findTemporalCli({ progress: (l) => process.stderr.write(`${l}\n`) });
if (!cli) throw new Error('Temporal CLI not found: run `npm run tools:temporal` first');
const server = await startDevServer({ cli, port: 7800 + Math.floor(Math.random() * 400), namespace: 'default', logger });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'botrygg-bench-bank-files-'));
const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir });
await database.migrate();
const connection = await Connection.connect({ address: server.address });
const temporal = new Client({ connection });

// Case IDs in the real format (the KID is read from them), a run tag keeping runs on one database apart.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const base32 = (n: number, width: number) => Array.from({ length: width }, (_, k) => ALPHABET[Math.floor(n / 32 ** (width - 1 - k)) % 32]).join('');
const runTag = base32(Date.now() % 1024, 2);
const caseIds = Array.from({ length: PAYMENTS }, (_, i) => `BNK-2027-${runTag}${base32(i, 4)}`);
const workflowId = (caseId: string) => `bench-bank-${caseId}`;

// Accounts and one charge each, written in bulk: the import is what is measured, not the seeding.
const seedStart = performance.now();
for (let i = 0; i < caseIds.length; i += 1000) {
  const slice = caseIds.slice(i, i + 1000);
  await database.db.insert(rentAccounts).values(slice.map((caseId) => ({ caseId, municipality: 'tynset', workflowId: workflowId(caseId), kid: kidForCase(caseId), monthlyRentOre: 915_000, dueDay: 1, allowanceAssigned: false })));
  await database.db.insert(rentLedger).values(slice.map((caseId) => ({ caseId, dedupKey: `charge:${caseId}:2027-01`, kind: 'charge' as const, amountOre: 915_000, date: '2027-01-01', period: '2027-01', dueDate: '2027-01-01', source: 'bench' })));
}
// One running workflow per tenancy: the cheapest there is (bench/workflows/minimal.ts), waiting for ever.
let next = 0;
let done = 0;
await Promise.all(
  Array.from({ length: STARTERS }, async () => {
    while (next < caseIds.length) {
      const caseId = caseIds[next++]!;
      await temporal.workflow.start('minimalWorkflow', { taskQueue: `bench-bank-files-${runTag}`, workflowId: workflowId(caseId) });
      if (++done % 1000 === 0) process.stderr.write(`\rstarting workflows ${done}/${caseIds.length}`);
    }
  }),
);
process.stderr.write(`\nseeded ${caseIds.length} accounts and workflows in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`);

// A failed signal is logged as a warning, not thrown: count them, so "every case signalled" is checked.
let signalFailures = 0;
const counting = pino({ level: 'warn', hooks: { logMethod(args, method) { signalFailures++; method.apply(this, args); } } }, pino.destination('/dev/null'));
const actor: Actor = { id: 'bench', roles: ['housing_office'], municipality: 'tynset' };

interface Figures {
  format: string;
  bytes: number;
  parseMs: number;
  importMs: number;
  againMs: number;
  applied: number;
  touched: number;
}

async function measure(format: string, content: string): Promise<Figures> {
  // Parsing alone, the baseline: warmed once, then timed.
  parseBankFile(content);
  const parseStart = performance.now();
  const parsed = parseBankFile(content);
  const parseMs = performance.now() - parseStart;
  if (parsed.errors.length || parsed.lines.length !== PAYMENTS) throw new Error(`${format}: ${JSON.stringify(parsed.errors.slice(0, 3))}`);

  const failuresBefore = signalFailures;
  const importStart = performance.now();
  const outcome = await importPaymentsFile({ db: database.db, temporal, logger: counting }, { filename: `bench.${format}`, content }, actor);
  const importMs = performance.now() - importStart;
  if (outcome.status !== 'applied' || outcome.applied !== PAYMENTS || outcome.casesTouched.length !== PAYMENTS) throw new Error(`${format} import: ${JSON.stringify(outcome).slice(0, 300)}`);
  if (signalFailures !== failuresBefore) throw new Error(`${format}: ${signalFailures - failuresBefore} cases were not signalled`);

  const againStart = performance.now();
  const again = await importPaymentsFile({ db: database.db, temporal, logger: counting }, { filename: `bench.${format}`, content }, actor);
  const againMs = performance.now() - againStart;
  if (again.status !== 'already_imported') throw new Error(`${format}: the second import was ${again.status}`);
  return { format, bytes: Buffer.byteLength(content), parseMs, importMs, againMs, applied: outcome.applied, touched: outcome.casesTouched.length };
}

const ocr = ocrGiroFile(caseIds.map((caseId, i) => ({ kid: kidForCase(caseId), amountOre: 915_000, settled: i % 2 ? '2027-02-01' : '2027-01-29', archiveReference: String(100_000_000 + i) })));
const camt = camt054File(caseIds.map((caseId, i) => ({ kid: kidForCase(caseId), amount: '9150.00', booked: i % 2 ? '2027-02-01' : '2027-01-29', reference: `NO${runTag}${String(i).padStart(8, '0')}` })));
const results = [await measure('ocr', ocr), await measure('camt054', camt)];

// Every workflow got its signal: the server recorded it in the history (checked on a sample).
const sample = Array.from({ length: 20 }, (_, k) => caseIds[Math.floor((k * caseIds.length) / 20)]!);
for (const caseId of sample) {
  const history = await temporal.workflow.getHandle(workflowId(caseId)).fetchHistory();
  const signals = (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes).length;
  if (signals !== 2) throw new Error(`${caseId}: ${signals} signals recorded, expected 2 (one per file)`);
}

await connection.close();
await database.close();
await server.stop();
fs.rmSync(dataDir, { recursive: true, force: true });

console.log(`\nBotrygg bank-file benchmark: ${PAYMENTS} payments per file for ${PAYMENTS} tenancies, ${database.kind}, Temporal dev server`);
console.log('format'.padEnd(10) + 'size'.padStart(10) + 'parse only ms'.padStart(15) + 'import+signal ms'.padStart(18) + 'x baseline'.padStart(12) + 'payments/s'.padStart(12) + 'again ms'.padStart(10));
for (const r of results) {
  console.log(
    r.format.padEnd(10) +
      `${(r.bytes / 1024 / 1024).toFixed(1)} MiB`.padStart(10) +
      r.parseMs.toFixed(1).padStart(15) +
      r.importMs.toFixed(1).padStart(18) +
      (r.importMs / r.parseMs).toFixed(1).padStart(12) +
      ((r.applied / r.importMs) * 1000).toFixed(0).padStart(12) +
      r.againMs.toFixed(1).padStart(10),
  );
}
console.log(`every one of the ${PAYMENTS} cases was signalled per file (no failed signal; the server's history checked on ${sample.length} of them)`);

import { inArray, sql } from 'drizzle-orm';
import { signalCases, type ImportDeps } from '../../api/payment-import';
import type { Database } from '../../db/client';
import { tenancies } from '../../db/schema';
import { parseBankFile } from '../../domain/rent/bank-file';
import { kidForCase } from '../../domain/rent/kid';
import { rentCaseId, rentCaseIds } from './seed';
import type { System } from './system';

export interface PaymentsFigures {
  accounts: number;
  /** Cases on the ladder (an arrears episode) when the file came: what a payment can move. */
  inArrears: number;
  parseMs: number;
  /** POST /api/rent/payment-files answered: parsed, matched, posted, the cases a payment can move signalled. */
  importMs: number;
  /** Workflows the import woke (the rest cannot react to a payment: domain/tenancy/payment-wake.ts). */
  signalled: number;
  /** Until the last woken workflow had checked its rent and written the result to the read model. */
  evaluatedMs: number;
  evaluated: number;
}

export interface MonthCheckFigures {
  cases: number;
  /** Every case woken at one moment until every read model shows its rent check ran. */
  ms: number;
  done: number;
}

/** How many of the cases' read models show a rent check for `importId`. */
async function checkedFor(db: Database, importId: string, caseIds?: string[]): Promise<number> {
  const where = sql`${tenancies.snapshot} -> 'rent' ->> 'lastImportId' = ${importId}`;
  let n = 0;
  if (!caseIds) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(tenancies).where(where);
    return row!.n;
  }
  for (let i = 0; i < caseIds.length; i += 1000) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(tenancies).where(sql`${where} and ${inArray(tenancies.caseId, caseIds.slice(i, i + 1000))}`);
    n += row!.n;
  }
  return n;
}

async function waitFor(label: string, expected: number, count: () => Promise<number>, start: number, timeoutMs: number, say: (s: string) => void, pollMs = 250): Promise<number> {
  for (;;) {
    const done = await count();
    say(`\r  ${label}: ${done}/${expected} after ${((performance.now() - start) / 1000).toFixed(0)} s`);
    if (done >= expected || performance.now() - start > timeoutMs) return done;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/**
 * One payments file paying a month for each of `accounts` tenancies, through the API with the worker
 * running. The import wakes only the cases a payment can move (those in arrears); the figure runs until
 * every woken case's read model shows its rent check for this import (the ladder evaluated against the
 * new balance). Parsing the same file alone is the baseline.
 */
export async function paymentsFile(sys: System, accounts: number, tag: string, say: (s: string) => void, timeoutMs = 15 * 60_000): Promise<PaymentsFigures> {
  const today = new Date().toISOString().slice(0, 10);
  const lines = Array.from({ length: accounts }, (_, i) => `BENCH-${tag}-${i};${today};9 150,00;${kidForCase(rentCaseId(i))}`);
  const content = ['transaksjonsid;dato;beløp;kid', ...lines].join('\n');
  parseBankFile(content);
  const parseStart = performance.now();
  const parsed = parseBankFile(content);
  const parseMs = performance.now() - parseStart;
  if (parsed.errors.length) throw new Error(`payments file: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  const caseIds = rentCaseIds(accounts);
  let inArrears = 0;
  for (let i = 0; i < caseIds.length; i += 1000) {
    const [row] = await sys.database.db.select({ n: sql<number>`count(*)::int` }).from(tenancies).where(sql`${tenancies.snapshot} -> 'rent' -> 'episode' is not null and ${inArray(tenancies.caseId, caseIds.slice(i, i + 1000))}`);
    inArrears += row!.n;
  }

  const start = performance.now();
  const res = await fetch(`${sys.base}/api/rent/payment-files`, {
    method: 'POST',
    headers: { authorization: 'Bearer bench-okonomi', 'content-type': 'application/json' },
    body: JSON.stringify({ filename: `bench-${tag}.csv`, content }),
  });
  const outcome = (await res.json()) as { status: string; importId: number; applied: number; casesSignalled?: string[] };
  const importMs = performance.now() - start;
  if (res.status !== 200 || outcome.status !== 'applied' || outcome.applied !== accounts) throw new Error(`payments file: ${res.status} ${JSON.stringify(outcome).slice(0, 300)}`);
  const importId = String(outcome.importId);
  const woken = outcome.casesSignalled ?? caseIds;
  const evaluated = await waitFor(`payments file of ${accounts}, ladders evaluated`, woken.length, () => checkedFor(sys.database.db, importId, woken), start, timeoutMs, say);
  return { accounts, inArrears, parseMs, importMs, signalled: woken.length, evaluatedMs: performance.now() - start, evaluated };
}

/**
 * A month's rent check across all cases: every seeded tenancy woken at one moment and timed until
 * every read model shows the check ran. The cases are woken by the ledger signal (what a payments
 * file sent every touched case before it woke only those a payment can move): their own due-date
 * timers fire at an Oslo day boundary, which a bench on the real dev server cannot wait for, and the
 * work after waking (post the charges due, read the balance, walk the ladder, persist) is the same.
 */
export async function monthCheck(
  deps: ImportDeps,
  caseIds: string[],
  tag: string,
  say: (s: string) => void,
  { timeoutMs = 15 * 60_000, pollMs = 250 }: { timeoutMs?: number; pollMs?: number } = {},
): Promise<MonthCheckFigures> {
  const start = performance.now();
  const { signalled } = await signalCases(deps, caseIds, tag);
  if (signalled !== caseIds.length) say(`\n  month's rent check: only ${signalled} of ${caseIds.length} signalled\n`);
  const done = await waitFor(`month's rent check, ${caseIds.length} cases`, signalled, () => checkedFor(deps.db, tag), start, timeoutMs, say, pollMs);
  return { cases: caseIds.length, ms: performance.now() - start, done };
}

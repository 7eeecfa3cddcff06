import { sql } from 'drizzle-orm';
import { tenancies } from '../../db/schema';
import { parseBankFile } from '../../domain/rent/bank-file';
import { kidForCase } from '../../domain/rent/kid';
import { rentCaseId } from './seed';
import type { System } from './system';

export interface PaymentsFigures {
  accounts: number;
  parseMs: number;
  /** POST /api/rent/payment-files answered: parsed, matched, posted, every case signalled. */
  importMs: number;
  /** Until the last affected workflow had checked its rent and written the result to the read model. */
  evaluatedMs: number;
  evaluated: number;
}

/**
 * One payments file paying a month for each of `accounts` tenancies, through the API with the worker
 * running, timed until every case's read model shows the workflow has run its rent check for this
 * import (the ladder evaluated against the new balance). Parsing the same file alone is the baseline.
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

  const start = performance.now();
  const res = await fetch(`${sys.base}/api/rent/payment-files`, {
    method: 'POST',
    headers: { authorization: 'Bearer bench-okonomi', 'content-type': 'application/json' },
    body: JSON.stringify({ filename: `bench-${tag}.csv`, content }),
  });
  const outcome = (await res.json()) as { status: string; importId: number; applied: number };
  const importMs = performance.now() - start;
  if (res.status !== 200 || outcome.status !== 'applied' || outcome.applied !== accounts) throw new Error(`payments file: ${res.status} ${JSON.stringify(outcome).slice(0, 300)}`);
  const importId = String(outcome.importId);
  let evaluated: number;
  for (;;) {
    const [row] = await sys.database.db.select({ n: sql<number>`count(*)::int` }).from(tenancies).where(sql`${tenancies.snapshot} -> 'rent' ->> 'lastImportId' = ${importId}`);
    evaluated = row!.n;
    say(`\r  payments file of ${accounts}: ${evaluated} cases evaluated after ${((performance.now() - start) / 1000).toFixed(0)} s`);
    if (evaluated >= accounts || performance.now() - start > timeoutMs) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return { accounts, parseMs, importMs, evaluatedMs: performance.now() - start, evaluated };
}

import { asc, eq } from 'drizzle-orm';
import type { LedgerEntry } from '../domain/rent/ledger';
import type { Database } from './client';
import { rentLedger } from './schema-rent';

export const toLedgerEntry = (r: typeof rentLedger.$inferSelect): LedgerEntry => ({
  id: r.dedupKey,
  kind: r.kind,
  amountOre: r.amountOre,
  date: r.date,
  ...(r.period ? { period: r.period } : {}),
  ...(r.dueDate ? { dueDate: r.dueDate } : {}),
});

/** Every ledger entry of a case, as the pure ledger reads them. */
export async function loadLedger(db: Database, caseId: string): Promise<LedgerEntry[]> {
  const rows = await db.select().from(rentLedger).where(eq(rentLedger.caseId, caseId)).orderBy(asc(rentLedger.date), asc(rentLedger.id));
  return rows.map(toLedgerEntry);
}

import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { caseTasks } from '../db/schema';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type CaseTaskRow = Omit<typeof caseTasks.$inferInsert, 'caseId' | 'source'>;

/**
 * The work lists: one source (the tenancy, or one incident) replaces its own open tasks of a case,
 * inside the transaction that wrote its snapshot, so the lists move only with newer snapshots.
 */
export async function replaceCaseTasks(tx: Tx, caseId: string, source: string, tasks: CaseTaskRow[]): Promise<void> {
  await tx.delete(caseTasks).where(and(eq(caseTasks.caseId, caseId), eq(caseTasks.source, source)));
  if (tasks.length) await tx.insert(caseTasks).values(tasks.map((t) => ({ ...t, caseId, source })));
}

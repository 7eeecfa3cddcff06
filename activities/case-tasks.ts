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

/** A workflow view's open tasks as work-list rows; the tenancy and the private rental list theirs alike. */
export function viewTaskRows(view: {
  municipality: string;
  tasks: readonly { id: string; kind: string; title: string; role: string; assigneeId?: string | null; dueDate: string; overdue?: boolean }[];
}): CaseTaskRow[] {
  return view.tasks.map((t) => ({
    taskId: t.id,
    municipality: view.municipality,
    kind: t.kind,
    title: t.title,
    role: t.role,
    assigneeId: t.assigneeId ?? null,
    dueDate: t.dueDate,
    overdue: t.overdue ?? false,
  }));
}

import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from './client';
import { caseTasks, tenancies } from './schema';

/**
 * The work lists and the case list, read from the read model in pages. Each orders by a key an
 * index serves in the same order (the indexes in schema.ts, checked with EXPLAIN in the tests), so a
 * page costs the same on the first page and the hundredth, and no list ever sorts the municipality.
 * A page is continued from an opaque cursor: the last row's sort key.
 */

export interface Page {
  limit: number;
  after?: string;
}

export interface TaskFilter {
  municipality?: string;
  assigneeId?: string;
  role?: string;
  overdue?: boolean;
  /** Need-to-know: the rows this person may see, when not all of the municipality's. */
  visibleTo?: SQL;
}

/** Sort key of the case list: the next deadline first, cases without one last. */
export const NO_DEADLINE = '9999-12-31';
export const caseDeadlineKey = sql<string>`coalesce(${tenancies.nextDeadline}, ${sql.raw(`'${NO_DEADLINE}'`)})`;

export function encodeCursor(key: string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key a cursor names, or undefined for a cursor this server did not make. */
export function decodeCursor(cursor: string, parts: number): string[] | undefined {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(key) && key.length === parts && key.every((k) => typeof k === 'string' && k.length <= 200) ? key : undefined;
  } catch {
    return undefined;
  }
}

export function taskListQuery(db: Database, filter: TaskFilter, page: Page & { afterKey?: string[] }) {
  const where: (SQL | undefined)[] = [
    filter.municipality ? eq(caseTasks.municipality, filter.municipality) : undefined,
    filter.assigneeId ? eq(caseTasks.assigneeId, filter.assigneeId) : undefined,
    filter.role ? eq(caseTasks.role, filter.role) : undefined,
    filter.overdue === undefined ? undefined : eq(caseTasks.overdue, filter.overdue),
    filter.visibleTo,
    page.afterKey ? sql`(${caseTasks.dueDate}, ${caseTasks.caseId}, ${caseTasks.taskId}) > (${page.afterKey[0]}, ${page.afterKey[1]}, ${page.afterKey[2]})` : undefined,
  ];
  return db
    .select({
      caseId: caseTasks.caseId,
      taskId: caseTasks.taskId,
      kind: caseTasks.kind,
      title: caseTasks.title,
      role: caseTasks.role,
      assigneeId: caseTasks.assigneeId,
      dueDate: caseTasks.dueDate,
      overdue: caseTasks.overdue,
      applicantName: tenancies.applicantName,
      // Threats or weapons in the case: shown before anything else, in lists too.
      caution: tenancies.caution,
    })
    .from(caseTasks)
    .innerJoin(tenancies, eq(tenancies.caseId, caseTasks.caseId))
    .where(and(...where))
    .orderBy(asc(caseTasks.dueDate), asc(caseTasks.caseId), asc(caseTasks.taskId))
    .limit(page.limit + 1);
}

export interface CaseFilter {
  municipality?: string;
  phase?: string;
  followUpWorkerId?: string;
  visibleTo?: SQL;
}

/**
 * The columns a case list shows: never the snapshot, which is kilobytes per case (a page of 100
 * carried every snapshot out of the database and through JSON only to read one flag from each).
 */
export const caseListColumns = {
  caseId: tenancies.caseId,
  municipality: tenancies.municipality,
  phase: tenancies.phase,
  status: tenancies.status,
  applicantName: tenancies.applicantName,
  housingOfficerId: tenancies.housingOfficerId,
  followUpWorkerId: tenancies.followUpWorkerId,
  nextDeadline: tenancies.nextDeadline,
  closedReason: tenancies.closedReason,
  stateVersion: tenancies.stateVersion,
  updatedAt: tenancies.updatedAt,
  caution: tenancies.caution,
};

export function caseListQuery(db: Database, filter: CaseFilter, page: Page & { afterKey?: string[] }) {
  const where: (SQL | undefined)[] = [
    filter.municipality ? eq(tenancies.municipality, filter.municipality) : undefined,
    filter.phase ? eq(tenancies.phase, filter.phase) : undefined,
    filter.followUpWorkerId ? eq(tenancies.followUpWorkerId, filter.followUpWorkerId) : undefined,
    filter.visibleTo,
    page.afterKey ? sql`(${caseDeadlineKey}, ${tenancies.caseId}) > (${page.afterKey[0]}, ${page.afterKey[1]})` : undefined,
  ];
  return db
    .select(caseListColumns)
    .from(tenancies)
    .where(and(...where))
    .orderBy(asc(caseDeadlineKey), asc(tenancies.caseId))
    .limit(page.limit + 1);
}

/** Runs a page query (which asks for one row more than the page) and says where the next page starts. */
export async function paged<Row>(rows: Promise<Row[]>, limit: number, keyOf: (row: Row) => string[]): Promise<{ rows: Row[]; next?: string }> {
  const all = await rows;
  if (all.length <= limit) return { rows: all };
  const pageRows = all.slice(0, limit);
  return { rows: pageRows, next: encodeCursor(keyOf(pageRows[pageRows.length - 1]!)) };
}


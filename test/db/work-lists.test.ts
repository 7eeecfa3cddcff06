import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { caseListQuery, decodeCursor, encodeCursor, taskListQuery } from '../../db/work-lists';
import { openTestDatabase } from '../helpers/database';

/**
 * Every filter the lists offer is served by an index in the list's own order: asked to avoid
 * sequential scans, bitmap scans and sorts, PostgreSQL still finds a plan without them only if such an
 * index exists. A new filter without its index fails here.
 */
describe('work lists: indexes and keyset pages (EXPLAIN)', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  async function plan(query: Parameters<typeof sql>[1]): Promise<string[]> {
    return database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_bitmapscan = off`);
      await tx.execute(sql`set local enable_sort = off`);
      const result = (await tx.execute(sql`explain (format json) ${query}`)) as unknown as { rows: Array<{ 'QUERY PLAN': unknown }> };
      const nodes: string[] = [];
      const walk = (node: { 'Node Type': string; 'Index Name'?: string; 'Relation Name'?: string; Plans?: unknown[] }) => {
        nodes.push([node['Node Type'], node['Index Name'] ?? node['Relation Name'] ?? ''].join(' ').trim());
        for (const child of node.Plans ?? []) walk(child as typeof node);
      };
      walk((result.rows[0]!['QUERY PLAN'] as [{ Plan: Parameters<typeof walk>[0] }])[0].Plan);
      return nodes;
    });
  }
  const after3 = ['2026-12-01', 'TYN-2026-AAAAAA', 'mapping-interview'];
  const tasks = (filter: Parameters<typeof taskListQuery>[1], page = {}) => taskListQuery(database.db, filter, { limit: 100, ...page });
  const cases = (filter: Parameters<typeof caseListQuery>[1], page = {}) => caseListQuery(database.db, filter, { limit: 100, ...page });

  it.each([
    ['my tasks', () => tasks({ assigneeId: 'ola.hansen' }), 'case_tasks_assignee_idx'],
    ['my tasks, next page', () => tasks({ assigneeId: 'ola.hansen' }, { afterKey: after3 }), 'case_tasks_assignee_idx'],
    ['a role’s tasks', () => tasks({ municipality: 'tynset', role: 'housing_officer' }), 'case_tasks_role_idx'],
    ['a role’s tasks, next page', () => tasks({ municipality: 'tynset', role: 'housing_officer' }, { afterKey: after3 }), 'case_tasks_role_idx'],
    ['the municipality’s tasks', () => tasks({ municipality: 'tynset' }), 'case_tasks_municipality_due_idx'],
    ['overdue tasks', () => tasks({ municipality: 'tynset', overdue: true }), 'case_tasks_municipality_due_idx'],
    ['cases', () => cases({ municipality: 'tynset' }), 'tenancies_municipality_deadline_idx'],
    ['cases, next page', () => cases({ municipality: 'tynset' }, { afterKey: ['2027-01-01', 'TYN-2026-AAAAAA'] }), 'tenancies_municipality_deadline_idx'],
    // On a small table the planner may walk the municipality's index and filter the phase: in order too.
    ['cases in a phase', () => cases({ municipality: 'tynset', phase: 'follow_up' }), /tenancies_municipality_(phase|deadline)_idx/],
    ['a follow-up worker’s cases', () => cases({ municipality: 'tynset', followUpWorkerId: 'ola.hansen' }), 'tenancies_follow_up_worker_idx'],
  ])('%s: read in index order, never sorted or scanned whole', async (_label, query, index: string | RegExp) => {
    const nodes = await plan(query());
    expect(nodes.join(' | ')).toMatch(index);
    expect(nodes.filter((n) => n.startsWith('Sort') || n.startsWith('Seq Scan') || n.startsWith('Bitmap'))).toEqual([]);
  });

  it('continues a page from an opaque cursor and refuses one it did not make', () => {
    expect(decodeCursor(encodeCursor(after3), 3)).toEqual(after3);
    expect(decodeCursor(encodeCursor(after3), 2)).toBeUndefined();
    expect(decodeCursor('ikke-en-markør', 3)).toBeUndefined();
    expect(decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 3)).toBeUndefined();
  });
});

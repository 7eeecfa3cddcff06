import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenancyRecordActivities } from '../../activities/tenancy-records';
import type { DatabaseHandle } from '../../db/client';
import { statementName } from '../../db/statement-cache';
import { caseListQuery, encodeCursor, taskListQuery } from '../../db/work-lists';
import { newTenancyState } from '../../domain/tenancy/state';
import { toView } from '../../domain/tenancy/view';
import { openTestDatabase } from '../helpers/database';

/**
 * The hot reads are prepared once per pooled connection on PostgreSQL (db/statement-cache.ts). These
 * fail if the list queries stop being prepared, or if a prepared run answers differently from an
 * unprepared one, whatever its parameters contain.
 */
async function seed(database: DatabaseHandle, municipality: string, count: number) {
  const records = createTenancyRecordActivities({ db: database.db });
  const A = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const tag = Array.from({ length: 3 }, () => A[Math.floor(Math.random() * 32)]).join('');
  for (let i = 0; i < count; i++) {
    const caseId = `STM-2026-${tag}${A[(i >> 5) & 31]}${A[i & 31]}Z`;
    const state = newTenancyState({
      caseId,
      now: Date.parse('2026-11-02T09:00:00Z'),
      application: { municipality, applicant: { name: `Søker ${i}` }, householdMembers: [], currentHousing: 'Test', language: 'norsk', needsInterpreter: false, receivedDate: '2026-11-02', housingOfficerId: 'kari.nordmann' },
    });
    await records.saveTenancySnapshot({ workflowId: `tenancy-${caseId}`, view: toView(state) });
  }
}

async function prepared(database: DatabaseHandle): Promise<Array<{ name: string; statement: string }>> {
  const result = (await database.db.execute(sql`select name, statement from pg_prepared_statements`)) as unknown as { rows: Array<{ name: string; statement: string }> };
  return result.rows;
}

const hostile = ["O'Brien", "x'); drop table tenancies; --", "\\'; select 1; --", 'æøå \\ "'];

describe('prepared reads on PostgreSQL', () => {
  let database: DatabaseHandle;
  const municipality = `stm-${Math.random().toString(36).slice(2, 8)}`;
  beforeAll(async () => {
    database = await openTestDatabase();
    await seed(database, municipality, 30);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('prepares the case list and the role work list once, and answers as before', async () => {
    const db = database.db;
    const cases = () => caseListQuery(db, { municipality }, { limit: 10 });
    const tasks = () => taskListQuery(db, { municipality, role: 'housing_officer' }, { limit: 10 });
    const firstCases = await cases();
    const firstTasks = await tasks();
    expect(firstCases).toHaveLength(11);
    expect(firstTasks.length).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) {
      expect(await cases()).toEqual(firstCases);
      expect(await tasks()).toEqual(firstTasks);
    }
    const names = (await prepared(database)).map((p) => p.name);
    expect(names).toContain(statementName(cases().toSQL().sql));
    expect(names).toContain(statementName(tasks().toSQL().sql));
    // Another page of the same shape is the same statement with other parameters.
    const next = await caseListQuery(db, { municipality }, { limit: 10, afterKey: [firstCases[9]!.nextDeadline ?? '9999-12-31', firstCases[9]!.caseId] });
    expect(next[0]!.caseId).toBe(firstCases[10]!.caseId);
  });

  it('keeps a parameter a value, whatever it contains', async () => {
    const db = database.db;
    for (const value of hostile) {
      for (let i = 0; i < 3; i++) {
        const result = (await db.execute(sql`select ${value}::text as v, length(${value}) as n`)) as unknown as { rows: Array<{ v: string; n: number }> };
        expect(result.rows[0]).toEqual({ v: value, n: value.length });
        expect(await caseListQuery(db, { municipality: value }, { limit: 5 })).toEqual([]);
        expect(await caseListQuery(db, { municipality }, { limit: 5, afterKey: [value, value] })).toEqual([]);
      }
    }
    expect(encodeCursor(['x'])).toBeTruthy();
    const [{ n }] = ((await db.execute(sql`select count(*)::int as n from tenancies where municipality = ${municipality}`)) as unknown as { rows: Array<{ n: number }> }).rows as [{ n: number }];
    expect(n).toBe(30);
  });
});

import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, isBusinessDay, osloDate } from '../../domain/calendar';
import { readBody, startApiHarness, type ApiHarness } from '../helpers/api';
import { application } from '../helpers/fixtures';
import { looksNorwegian, operationsOf, requestFor, type GeneratedRequest, type Operation } from '../helpers/malformed';

/**
 * Malformed input, generated from /api/openapi.json with fast-check, against the real API,
 * worker, Temporal and PostgreSQL. Asserts: no 5xx, a Norwegian message on every 4xx, every
 * defective write refused, and nothing changed in the database for this municipality.
 *
 * A short run with a fixed seed is part of `npm test`; `npm run fuzz` runs long
 * (FUZZ_RUNS, FUZZ_SEED to choose).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const MUNICIPALITY = `fz-${randomUUID().slice(0, 6)}`;
const TOKENS = {
  office: 'fz-kontor-1',
  admin: 'fz-admin-1',
  worker: 'fz-oppfolger-1',
  intake: 'fz-skjema-1',
  member: 'fz-utvalg-1',
};
const EXTRA_TOKENS = [
  `${TOKENS.office}:fz.kontor:housing_office+housing_officer:${MUNICIPALITY}`,
  `${TOKENS.admin}:fz.admin:admin:${MUNICIPALITY}`,
  `${TOKENS.worker}:fz.oppfolger:follow_up_worker:${MUNICIPALITY}`,
  `${TOKENS.intake}:fz.skjema:intake:${MUNICIPALITY}`,
  `${TOKENS.member}:fz.utvalg:committee_member:${MUNICIPALITY}`,
].join(',');

describe('API: generated malformed input (fast-check over the OpenAPI document)', () => {
  let api: ApiHarness;
  let ops: Operation[];
  const known: Record<string, string[]> = { municipality: [MUNICIPALITY] };

  /** The rows behind the last fingerprint, per table, to name what changed. */
  let lastRows = new Map<string, string>();

  /** Every row of every table that belongs to this test's municipality (the audit log excepted: refusals are logged). */
  async function fingerprint(): Promise<string> {
    const rowsByTable = new Map<string, string>();
    const db = api.database.db;
    const { rows: columns } = (await db.execute(
      sql`select table_name, column_name from information_schema.columns where table_schema = current_schema() and column_name in ('municipality', 'case_id', 'committee_id')`,
    )) as unknown as { rows: { table_name: string; column_name: string }[] };
    const byTable = new Map<string, Set<string>>();
    for (const c of columns) (byTable.get(c.table_name) ?? byTable.set(c.table_name, new Set()).get(c.table_name)!).add(c.column_name);
    const parts: string[] = [];
    for (const [table, cols] of [...byTable].sort(([a], [b]) => a.localeCompare(b))) {
      if (table === 'audit_log') continue;
      const where = cols.has('municipality')
        ? sql`t.municipality = ${MUNICIPALITY}`
        : cols.has('case_id')
          ? sql`t.case_id in (select case_id from tenancies where municipality = ${MUNICIPALITY})`
          : sql`t.committee_id in (select id from committees where municipality = ${MUNICIPALITY})`;
      const { rows } = (await db.execute(
        sql`select count(*)::text as n, coalesce(string_agg(t::text, '\n' order by t::text), '') as r from ${sql.identifier(table)} t where ${where}`,
      )) as unknown as { rows: { n: string; r: string }[] };
      rowsByTable.set(table, rows[0]!.r);
      parts.push(`${table}:${rows[0]!.n}:${createHash('md5').update(rows[0]!.r).digest('hex')}`);
    }
    lastRows = rowsByTable;
    return parts.join('\n');
  }

  /** The workflows write their first rows after the request that started them: wait until nothing moves for 2 s. */
  async function settled(): Promise<string> {
    let last = await fingerprint();
    let still = 0;
    for (let i = 0; i < 80 && still < 4; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const now = await fingerprint();
      still = now === last ? still + 1 : 0;
      last = now;
    }
    if (still < 4) throw new Error('the database did not settle');
    return last;
  }

  beforeAll(async () => {
    api = await startApiHarness('api malformed input', { extraTokens: EXTRA_TOKENS, edge: { rateLimits: { authFailures: 1e9, writes: 1e9 } } });
    const { receivedDate: _r, housingOfficerId: _o, ...form } = application({ municipality: MUNICIPALITY });
    const created = await api.request('POST', '/api/tenancies', { token: TOKENS.office, body: form, headers: { 'Idempotency-Key': `fz-${randomUUID()}` } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    known.caseId = [created.body.caseId];
    let firstDate = addDays(osloDate(Date.now()), 5);
    while (!isBusinessDay(firstDate)) firstDate = addDays(firstDate, 1);
    const committeeId = `${MUNICIPALITY}-utvalg`;
    const committee = await api.request('POST', '/api/committees', {
      token: TOKENS.office,
      body: { id: committeeId, municipality: MUNICIPALITY, name: 'Boligutvalget', cycle: { firstDate, time: '09:00', location: 'Rådhuset' } },
    });
    expect(committee.status, JSON.stringify(committee.body)).toBe(201);
    known.committeeId = [committeeId];
    known.meetingId = [`m-${firstDate}`];
    known.incidentId = [`${created.body.caseId}-i1`];
    const doc = await (await fetch(`${api.baseUrl}/api/openapi.json`)).json();
    ops = operationsOf(doc as Parameters<typeof operationsOf>[0]);
  });
  afterAll(async () => {
    await api?.close();
  });

  async function send(r: GeneratedRequest) {
    const res = await fetch(`${api.baseUrl}${r.path}`, { method: r.method, headers: r.headers, body: r.body as RequestInit['body'] });
    return { status: res.status, body: await readBody(res) };
  }

  it(`${RUNS} generated requests: no 5xx, Norwegian 4xx, defective writes refused, no state change`, { timeout: Math.max(60_000, RUNS * 200) }, async () => {
    expect(ops.length).toBeGreaterThan(30);
    const before = await settled();
    const statuses = new Map<number, number>();
    // Every violation is counted (not only the first), so a run gives figures to compare.
    const conflicts: string[] = [];
    const violations: Record<string, string[]> = { '5xx': [], 'not Norwegian': [], 'defective write accepted': [] };
    const tokens = { valid: Object.values(TOKENS), deep: TOKENS.admin };
    const arbitrary = fc.constantFrom(...ops).chain((op) => requestFor(op, tokens, known));
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(arbitrary, async (r) => {
        const res = await send(r);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const what = `${r.method} ${r.path.slice(0, 200)} [${r.defect || 'read'}] → ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
        if (res.status >= 500) violations['5xx']!.push(what);
        else if (res.status >= 400 && !looksNorwegian(res.body?.error)) violations['not Norwegian']!.push(what);
        if (r.defect && res.status < 400) violations['defective write accepted']!.push(what);
        if (res.status === 409) conflicts.push(what);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    const rowsBefore = lastRows;
    const after = await settled();
    const ms = Date.now() - started;
    console.info(
      `malformed input (seed ${SEED}): ${RUNS} requests in ${ms} ms; by status ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}; ` +
        `violations ${JSON.stringify(Object.fromEntries(Object.entries(violations).map(([k, v]) => [k, v.length])))}; state ${after === before ? 'unchanged' : 'CHANGED'}`,
    );
    expect(Object.values(violations).flatMap((v) => v.slice(0, 5))).toEqual([]);
    // Name the tables whose rows for this municipality changed, and what was answered with a conflict.
    const changed = [...lastRows].filter(([table, rows]) => rowsBefore.get(table) !== rows).map(([table, rows]) => ({ table, before: rowsBefore.get(table)?.slice(0, 3000), after: rows.slice(0, 3000) }));
    expect({ changed, conflicts }).toEqual({ changed: [], conflicts });
  });
});

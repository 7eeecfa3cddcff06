import { createHash } from 'node:crypto';

/**
 * Prepared statements for the reads that repeat (the case page, the work lists, the case list) on
 * PostgreSQL: node-postgres prepares a named statement once per pooled connection, so a request no
 * longer parses and plans its query again. Drizzle builds the same SQL text for the same query shape
 * with new parameters; this keys on that text. Only plain reads are named (a `select` without a row
 * lock): writes, DDL and statements on a transaction's own client run as before.
 *
 * Not on PGlite: its driver ignores statement names, and the only way to reuse a plan there is SQL
 * `EXECUTE name(…)` with the parameters written into the text as literals. That was built and measured
 * (the role work list 2.2 → 1.5 ms CPU per statement at 1,000 cases, the other lists nothing
 * measurable) and left out: a hand-made quoting path for every read of health data is a risk that
 * one statement's 0.7 ms does not pay for.
 */
const PREPARE_AFTER = 2;
/** Distinct texts kept; the shapes of the lists and filters are a few dozen. The rest run unprepared. */
const MAX_STATEMENTS = 200;

export function statementName(text: string): string {
  return `botrygg_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
}

const isRead = (text: string) => /^\s*select\s/i.test(text) && !/\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b/i.test(text);

interface PgQueryConfig {
  text: string;
  name?: string;
  values?: unknown[];
}

/**
 * node-postgres: names the repeated reads so that each pooled connection prepares them once. Only the
 * pool's own `query` (statements outside a transaction) is changed.
 */
export function preparePgReads<P extends { query: (...args: never[]) => unknown }>(pool: P): P {
  const seen = new Map<string, number>();
  const named = new Set<string>();
  const query = (pool.query as (...args: unknown[]) => unknown).bind(pool);
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (config && typeof config === 'object' && typeof (config as PgQueryConfig).text === 'string' && !(config as PgQueryConfig).name) {
      const c = config as PgQueryConfig;
      if (isRead(c.text)) {
        const count = (seen.get(c.text) ?? 0) + 1;
        if (named.has(c.text) || (count >= PREPARE_AFTER && named.size < MAX_STATEMENTS)) {
          named.add(c.text);
          seen.delete(c.text);
          return query({ ...c, name: statementName(c.text) }, values, callback);
        }
        if (seen.size < MAX_STATEMENTS * 10) seen.set(c.text, count);
      }
    }
    return query(config, values, callback);
  };
  return pool;
}

import { createHash } from 'node:crypto';

/**
 * Prepared statements for the reads that repeat (the case page, the work lists, the case list), kept
 * for the life of the connection, so a request no longer parses and analyses its query again. Drizzle
 * builds the same SQL text for the same query shape with new parameters; this keys on that text.
 * Only plain reads are prepared (a `select` with scalar parameters): writes, DDL and anything inside
 * a transaction's own client run as before.
 *
 * PGlite: drizzle's PGlite driver ignores a prepared query's name and PGlite's `query()` always
 * parses an unnamed statement, and PGlite is one thread that every request and the worker share. A
 * text seen `PREPARE_AFTER` times is prepared once with SQL `PREPARE`; later runs send `EXECUTE name(…)`
 * with the parameters as literals. (The extended protocol cannot carry parameters into EXECUTE, and
 * the literals are typed by the prepared statement exactly as text-format parameters would be.)
 * Measured in CPU time at 1,000 cases on PGlite: the role work list 2.2 → 1.5 ms per statement; the
 * case list (a plan that is cheap to make) and my tasks (execution-bound) gain nothing measurable.
 *
 * PostgreSQL (node-postgres): the same texts get a `name`, which makes `pg` prepare them once per
 * pooled connection.
 */
const PREPARE_AFTER = 2;
/** Distinct texts kept; the shapes of the lists and filters are a few dozen. The rest run unprepared. */
const MAX_STATEMENTS = 200;

type Param = string | number | boolean | null;

export function statementName(text: string): string {
  return `botrygg_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
}

const isRead = (text: string) => /^\s*select\s/i.test(text) && !/\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b/i.test(text);

function scalar(params: readonly unknown[] | undefined): params is Param[] {
  return (params ?? []).every((p) => p === null || typeof p === 'boolean' || (typeof p === 'number' && Number.isFinite(p)) || (typeof p === 'string' && !p.includes('\u0000')));
}

/** A parameter as an SQL literal of unknown type; standard_conforming_strings is on (checked at start), so only ' is special. */
export function literal(p: Param): string {
  if (p === null) return 'null';
  if (typeof p === 'boolean') return p ? "'t'" : "'f'";
  if (typeof p === 'number') return `'${String(p)}'`;
  return `'${p.replace(/'/g, "''")}'`;
}

interface PGliteLike {
  query(text: string, params?: unknown[], options?: unknown): Promise<unknown>;
  exec(text: string): Promise<unknown>;
}

/** Counts per text, then the prepared names, in PGlite's one session. */
export function preparePGliteReads<C extends PGliteLike>(client: C): C & { preparedStatements(): string[] } {
  const seen = new Map<string, number>();
  const prepared = new Map<string, string>();
  let checked: Promise<boolean> | undefined;
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  // A literal is only as safe as the server's reading of it: refuse to prepare otherwise.
  const conforming = () =>
    (checked ??= query(`select current_setting('standard_conforming_strings') = 'on' as on`).then((r) => (r as { rows: Array<{ on: boolean }> }).rows[0]?.on === true));
  const run = async (text: string, params?: unknown[], options?: unknown) => {
    if (!isRead(text) || !scalar(params)) return query(text, params, options);
    let name = prepared.get(text);
    if (!name) {
      const count = (seen.get(text) ?? 0) + 1;
      if (count < PREPARE_AFTER || prepared.size >= MAX_STATEMENTS || !(await conforming())) {
        if (seen.size < MAX_STATEMENTS * 10) seen.set(text, count);
        return query(text, params, options);
      }
      name = statementName(text);
      // Prepared in the statement's own words: the parameter types are inferred as they are for $n.
      await exec(`prepare ${name} as ${text}`);
      prepared.set(text, name);
      seen.delete(text);
    }
    const args = (params ?? []) as Param[];
    return query(args.length ? `execute ${name}(${args.map(literal).join(', ')})` : `execute ${name}`, [], options);
  };
  const preparedStatements = () => [...prepared.values()];
  // PGlite keeps its state in private fields: every other method runs on the client itself.
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'query') return run;
      if (prop === 'preparedStatements') return preparedStatements;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as C & { preparedStatements(): string[] };
}

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

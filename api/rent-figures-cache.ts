import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { tenancies } from '../db/schema';
import { rentAccounts, rentLedger } from '../db/schema-rent';

/**
 * The rent figures of a municipality, computed once per change of what they are computed from.
 * Computing them derives every account's balance from its whole ledger (domain/rent/ledger.ts keeps
 * balances derived, never stored): 739 ms per request at 2,500 accounts. They change only when a
 * ledger entry, an account, or the snapshot of a case with an account is written, so each request
 * first reads a fingerprint of exactly those (one statement over indexes, no snapshot) and reuses
 * the figures while it is the same.
 *
 * Why the fingerprint sees every change: the ledger is append-only, so an entry committed late with
 * a lower ID still raises the count; a case's snapshot is written only with a higher state_version
 * (activities/tenancy-records.ts), so the sum rises with any write; a new account raises the count.
 * The fingerprint is read before the figures, so a write between the two can only make the cached
 * figures newer than their fingerprint, and the next request computes again: never stale.
 * Every API process keeps its own cache; the fingerprint makes that safe with several of them.
 */
const MAX_ENTRIES = 64;

interface Cached<T> {
  fingerprint: string;
  figures: Promise<T>;
}

const caches = new WeakMap<Database, Map<string, Cached<unknown>>>();

async function figuresFingerprint(db: Database, municipality: string): Promise<string> {
  const result = (await db.execute(sql`
    select
      (select count(*)::text || ':' || coalesce(max(l.id), 0)::text
         from ${rentLedger} l join ${rentAccounts} a on a.case_id = l.case_id
         where a.municipality = ${municipality}) as ledger,
      (select count(*)::text || ':' || coalesce(sum(t.state_version), 0)::text
         from ${rentAccounts} a join ${tenancies} t on t.case_id = a.case_id
         where a.municipality = ${municipality}) as cases`)) as unknown as { rows: Array<{ ledger: string; cases: string }> };
  const row = result.rows[0]!;
  return `${row.ledger}/${row.cases}`;
}

/** `compute` once per (municipality, asOf, fingerprint); requests that arrive together share one computation. */
export async function cachedFigures<T>(db: Database, municipality: string, asOf: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${municipality}\u0000${asOf}`;
  const fingerprint = await figuresFingerprint(db, municipality);
  const hit = cache.get(key);
  if (hit && hit.fingerprint === fingerprint) return hit.figures as Promise<T>;
  const figures = compute();
  const entry: Cached<unknown> = { fingerprint, figures };
  cache.delete(key);
  cache.set(key, entry);
  // The oldest key goes first: a Map iterates in insertion order, and a recomputed key is reinserted.
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  // A failed computation is not kept: the next request tries again.
  figures.catch(() => cache.get(key) === entry && cache.delete(key));
  return figures;
}

import { and, eq } from 'drizzle-orm';
import type { Dwelling } from '../domain/dwelling';
import type { Database } from './client';
import { dwellings } from './schema';

/** The dwelling register, shared by the API, the committee's activities and the demo data. */
export async function findDwelling(db: Database, municipality: string, id: string): Promise<Dwelling | undefined> {
  const [row] = await db.select().from(dwellings).where(and(eq(dwellings.municipality, municipality), eq(dwellings.dwellingId, id)));
  if (!row) return undefined;
  return dwellingOfRow(row);
}

/** A register row as the domain's dwelling: columns never filled in are left out, not null. */
export function dwellingOfRow(row: typeof dwellings.$inferSelect): Dwelling {
  const { dwellingId, municipality: _m, updatedAt: _u, location, ownership, ...rest } = row;
  return { id: dwellingId, ...rest, ...(location !== null ? { location } : {}), ...(ownership !== null ? { ownership } : {}) };
}

export async function saveDwelling(db: Database, municipality: string, dwelling: Dwelling): Promise<void> {
  const { id, ...given } = dwelling;
  // A field left out of an update is cleared, as a PUT replaces the entry.
  const rest = { ...given, location: given.location ?? null, ownership: given.ownership ?? null };
  await db
    .insert(dwellings)
    .values({ municipality, dwellingId: id, ...rest })
    .onConflictDoUpdate({ target: [dwellings.municipality, dwellings.dwellingId], set: { ...rest, updatedAt: new Date() } });
}

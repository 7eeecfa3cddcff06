import { and, eq } from 'drizzle-orm';
import type { Dwelling } from '../domain/dwelling';
import type { Database } from './client';
import { dwellings } from './schema';

/** The dwelling register, shared by the API, the committee's activities and the demo data. */
export async function findDwelling(db: Database, municipality: string, id: string): Promise<Dwelling | undefined> {
  const [row] = await db.select().from(dwellings).where(and(eq(dwellings.municipality, municipality), eq(dwellings.dwellingId, id)));
  if (!row) return undefined;
  const { dwellingId, municipality: _m, updatedAt: _u, ...rest } = row;
  return { id: dwellingId, ...rest };
}

export async function saveDwelling(db: Database, municipality: string, dwelling: Dwelling): Promise<void> {
  const { id, ...rest } = dwelling;
  await db
    .insert(dwellings)
    .values({ municipality, dwellingId: id, ...rest })
    .onConflictDoUpdate({ target: [dwellings.municipality, dwellings.dwellingId], set: { ...rest, updatedAt: new Date() } });
}

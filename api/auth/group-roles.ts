import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { groupRoleMappings } from '../../db/schema-auth';
import { isRole, type Role } from '../../domain/roles';

export type RoleResolution =
  | { ok: true; roles: Role[]; municipality: string }
  | { ok: false; reason: 'no_mapped_group' | 'several_municipalities'; message: string };

export const NO_ROLE_MESSAGE =
  'Du er logget inn, men ingen av gruppene dine gir tilgang til Botrygg. Be kommunens administrator om å gi deg en rolle (gruppetilknytning i Botrygg).';
const SEVERAL_MESSAGE =
  'Gruppene dine gir roller i flere kommuner. Botrygg krever at en bruker hører til én kommune; be administrator rydde i gruppetilknytningene.';

/**
 * Roles and municipality from the directory's group claim: the union of the roles the user's groups
 * map to. National administration (`*`) wins over a municipality; two municipalities are refused
 * rather than guessed, since need-to-know is decided per municipality.
 */
export async function resolveRoles(db: Database, groups: readonly string[]): Promise<RoleResolution> {
  const rows = groups.length ? await db.select().from(groupRoleMappings).where(inArray(groupRoleMappings.groupId, [...groups])) : [];
  const national = rows.filter((r) => r.municipality === '*');
  const chosen = national.length ? national : rows;
  const municipalities = [...new Set(chosen.map((r) => r.municipality))];
  const roles = [...new Set(chosen.map((r) => r.role).filter(isRole))].sort();
  if (roles.length === 0) return { ok: false, reason: 'no_mapped_group', message: NO_ROLE_MESSAGE };
  if (municipalities.length > 1) return { ok: false, reason: 'several_municipalities', message: SEVERAL_MESSAGE };
  return { ok: true, roles, municipality: municipalities[0]! };
}

/** Development only (the embedded provider): adds the test users' mapping; rows already there are left as they are. */
export async function seedGroupRoles(db: Database, rows: Array<{ municipality: string; groupId: string; role: string }>): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(groupRoleMappings)
    .values(rows.map((r) => ({ ...r, updatedBy: 'seed' })))
    .onConflictDoNothing();
}

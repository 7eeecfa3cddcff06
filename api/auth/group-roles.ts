import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { groupRoleMappings, subjectRoleMappings } from '../../db/schema-auth';
import { isRole, type Role } from '../../domain/roles';

export type RoleResolution =
  | { ok: true; roles: Role[]; municipality: string; /** From the mapping, for providers that send no name. */ name?: string }
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
  return choose(rows);
}

const SEVERAL_PERSONAL_MESSAGE =
  'Du har fått roller i flere kommuner. Botrygg krever at en bruker hører til én kommune; be administrator rydde i tilknytningene.';
export const NO_PERSONAL_ROLE_MESSAGE =
  'Du er logget inn, men har ingen rolle i Botrygg. Be kommunens administrator om å gi deg en rolle (personlig tilknytning i Botrygg).';

/**
 * Roles and municipality for a provider without group claims (ID-porten): the administrator maps
 * each person's stable subject to roles. Same rules as for groups: national administration wins,
 * two municipalities are refused.
 */
export async function resolveSubjectRoles(db: Database, subject: string | undefined): Promise<RoleResolution> {
  const rows = subject ? await db.select().from(subjectRoleMappings).where(eq(subjectRoleMappings.subject, subject)) : [];
  const resolved = choose(rows);
  if (!resolved.ok) return { ...resolved, message: resolved.reason === 'no_mapped_group' ? NO_PERSONAL_ROLE_MESSAGE : SEVERAL_PERSONAL_MESSAGE };
  const name = rows.find((r) => r.municipality === resolved.municipality)?.name;
  return name ? { ...resolved, name } : resolved;
}

function choose(rows: Array<{ municipality: string; role: string }>): RoleResolution {
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

/** Development only (the embedded provider as ID-porten): each test user's roles by subject; rows already there are left as they are. */
export async function seedSubjectRoles(db: Database, rows: Array<{ municipality: string; subject: string; role: string; name: string }>): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(subjectRoleMappings)
    .values(rows.map((r) => ({ ...r, updatedBy: 'seed' })))
    .onConflictDoNothing();
}

import { createHash } from 'node:crypto';
import type { Role } from '../domain/roles';

/**
 * The embedded provider's directory for development and tests: one user per staff role in two
 * municipalities, a national administrator, and one form service per municipality. Groups are what
 * a municipality's Entra tenant would send; `DEVELOPMENT_GROUP_ROLES` is the mapping `npm start`
 * seeds, so login works on a fresh machine.
 */
export interface DevUser {
  /** What you pick on the embedded provider's login page. */
  username: string;
  name: string;
  /** Stable subject, shaped like an Entra object ID. */
  sub: string;
  /** A made-up national identity number (ID-porten's `pid`): month + 80 as in Norway's synthetic test numbers, so never a real person's. */
  pid?: string;
  groups: string[];
}

export const DEV_MUNICIPALITIES = ['tynset', 'alvdal'] as const;

/**
 * Roles a person signs in with; nav, tenant and intake never do. A role with a name in only one
 * municipality has a test user there only: one data protection officer is enough to try the role.
 */
const STAFF_ROLES: Array<{ role: Role; slug: string; names: Partial<Record<(typeof DEV_MUNICIPALITIES)[number], string>> }> = [
  { role: 'housing_officer', slug: 'boligkonsulent', names: { tynset: 'Kari Nordmann', alvdal: 'Randi Moen' } },
  { role: 'follow_up_worker', slug: 'oppfolger', names: { tynset: 'Ola Hansen', alvdal: 'Per Bakke' } },
  { role: 'housing_office', slug: 'boligkontoret', names: { tynset: 'Liv Haugen', alvdal: 'Siri Lien' } },
  { role: 'department_head', slug: 'avdelingsleder', names: { tynset: 'Nils Brekke', alvdal: 'Anne Tangen' } },
  { role: 'administrative_officer', slug: 'administrasjonskonsulent', names: { tynset: 'Eva Holm', alvdal: 'Tor Vang' } },
  { role: 'committee_member', slug: 'boligutvalg', names: { tynset: 'Jon Sveen', alvdal: 'Mari Øien' } },
  { role: 'data_protection_officer', slug: 'personvernombud', names: { tynset: 'Guri Vold' } },
];

const staffIn = (m: (typeof DEV_MUNICIPALITIES)[number]) => STAFF_ROLES.filter(({ names }) => names[m] !== undefined);

/** A deterministic UUID from a name, so the same test user has the same subject on every machine. */
export function stableId(seed: string): string {
  const h = createHash('sha256').update(`botrygg-dev:${seed}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Eleven digits DDMMYYnnnnn with the month raised by 80 (the synthetic test-number convention). */
export function syntheticPid(seed: string): string {
  const h = createHash('sha256').update(`botrygg-dev-pid:${seed}`).digest();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(1 + (h[0]! % 28))}${two(81 + (h[1]! % 12))}${two(h[2]! % 100)}${String(h.readUInt32BE(3) % 100_000).padStart(5, '0')}`;
}

export const groupId = (municipality: string, slug: string): string => stableId(`group:${municipality}:${slug}`);

export const DEVELOPMENT_USERS: DevUser[] = [
  ...DEV_MUNICIPALITIES.flatMap((m) =>
    staffIn(m).map(({ slug, names }) => ({
      username: `${m}-${slug}`,
      name: names[m]!,
      sub: stableId(`user:${m}-${slug}`),
      pid: syntheticPid(`${m}-${slug}`),
      groups: [groupId(m, slug)],
    })),
  ),
  { username: 'admin', name: 'Drift Botrygg', sub: stableId('user:admin'), pid: syntheticPid('admin'), groups: [groupId('*', 'admin')] },
];

export const DEVELOPMENT_GROUP_ROLES: Array<{ municipality: string; groupId: string; role: Role }> = [
  ...DEV_MUNICIPALITIES.flatMap((m) => staffIn(m).map(({ role, slug }) => ({ municipality: m, groupId: groupId(m, slug), role }))),
  { municipality: '*', groupId: groupId('*', 'admin'), role: 'admin' },
];

/** Form services (client credentials) of the embedded provider, each filing for one municipality. */
export const DEVELOPMENT_MACHINE_CLIENTS = DEV_MUNICIPALITIES.map((m) => ({ clientId: `skjema-${m}`, municipality: m }));

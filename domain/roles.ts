/**
 * Who does what in a municipal tenancy. The English keys are stored and sent over the wire;
 * the Norwegian labels are what staff see.
 */
export const ROLES = [
  'housing_officer', // boligkonsulent / boligansvarlig: owns housing cases and contracts
  'follow_up_worker', // oppfølger: follows up the tenant (often from mental health and substance abuse services)
  'housing_office', // boligkontoret / boligtjenesten: the landlord side as a unit
  'department_head', // avdelingsleder (co-located housing)
  'administrative_officer', // administrasjonskonsulent (co-located housing)
  'committee_member', // boligutvalget
  'nav', // NAV-kontoret: receives § 9-11 notices in its mailbox; not an API user here
  'tenant', // leietaker: a party to tasks, never an API user here
  'intake', // web forms and phone intake that file reports on behalf of others
  'data_protection_officer', // personvernombud: reads the audit log of a case, never the case itself
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  housing_officer: 'Boligkonsulent',
  follow_up_worker: 'Oppfølger',
  housing_office: 'Boligkontoret',
  department_head: 'Avdelingsleder',
  administrative_officer: 'Administrasjonskonsulent',
  committee_member: 'Boligutvalget',
  nav: 'NAV',
  tenant: 'Leietaker',
  intake: 'Skjemamottak',
  data_protection_officer: 'Personvernombud',
  admin: 'Administrator',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** An authenticated staff member or form client, as the API and workflows see them. */
export interface Actor {
  id: string;
  roles: Role[];
  /** Municipality code the actor works for; '*' for national administrators. */
  municipality: string;
}

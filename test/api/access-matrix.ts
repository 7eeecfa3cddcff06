import { ROLES, type Role } from '../../domain/roles';

/**
 * The access matrix: every API route × every role × the caller's relation to what the route is
 * about → the status the caller gets. test/api/access-matrix.test.ts sends each cell to the real API
 * and compares; a route in the route registry (api/routes.ts) without a row here fails that test, so
 * nobody adds a route without deciding who may call it.
 *
 * How a row reads:
 * - `scope`: `case` (the route is about one case), `municipality` (about one municipality's
 *   resource: a path parameter, the body's `municipality`, or a committee) or `none` (the caller's
 *   own municipality is the scope, e.g. a work list).
 * - `allow`: the roles that pass the route's role check, each with the relations for which the
 *   route answers `ok`. A role not listed gets 403 whatever its relation.
 * - `ok`: the status an allowed caller gets for the row's request. Writes use requests that are
 *   refused after the access check (409, 422, 404 from the workflow or the register) where a real
 *   write would change what later cells see; the status still proves the caller got past access.
 *
 * Relations (the test sets them up):
 * - `municipality`: works in the same municipality, no other tie to the case (a follow-up worker
 *   not assigned to it, a department head of another or no co-located unit). For admin (municipality
 *   `*`) the national administrator.
 * - `assigned`: the follow-up worker assigned to the case (follow_up_worker only).
 * - `unit`: works in the co-located unit (bofellesskap) the case's dwelling belongs to
 *   (department_head, administrative_officer only).
 * - `other_municipality`: works in another municipality; for admin, a municipality's own administrator
 *   there (the admin role passes every role check, so only the municipality stands in the way).
 * - `unknown_case`: the case does not exist: 404 for every role that passes the role check.
 * Without a token, or with a wrong one, every route answers 401.
 */
export type Relation = 'municipality' | 'assigned' | 'unit' | 'other_municipality' | 'unknown_case';
export type Scope = 'case' | 'municipality' | 'none';

/** Context the test fills in: IDs of what it created, so rows can name them. */
export interface MatrixContext {
  caseId: string;
  incidentId: string;
  municipality: string;
  committeeId: string;
  meetingId: string;
  unitId: string;
  /** User IDs of the unit's staff: the PUT keeps them, so the `unit` relation holds for later rows. */
  unitStaff: string[];
  dwellingId: string;
  today: string;
  /** The day before `today`: a delegation ending then is refused. */
  yesterday: string;
  /** A Saturday after the first meeting: the committee never meets on one. */
  saturday: string;
  /** The municipality's current rent ladder and agreement template, to publish unchanged. */
  rentLadder: unknown;
  templateRows: unknown;
  /** A fresh value per request (committee IDs, transaction IDs). */
  unique: () => string;
}

export interface MatrixRow {
  /** `METHOD path` exactly as in the route registry. */
  route: string;
  scope: Scope;
  ok: number;
  allow: Partial<Record<Role, readonly Relation[]>>;
  /** The path with its parameters; by default each `:name` is filled from the context. */
  path?: (c: MatrixContext) => string;
  /** Answers without authentication (it carries no personal data): callers without a token get `ok` too. */
  public?: true;
  body?: (c: MatrixContext) => unknown;
}

/** Another municipality's case answers 404, like an unknown case, so that a case's existence does not leak (issue 10.13). */
export const OTHER_MUNICIPALITY_CASE_STATUS = 404;

const M = ['municipality'] as const;
const ASSIGNED = ['assigned'] as const;
const UNIT = ['unit'] as const;
const READERS = { committee_member: M, housing_office: M, housing_officer: M, admin: M } as const;
const SECRETARY = { committee_member: M, housing_office: M, admin: M } as const;

export const ACCESS_MATRIX: readonly MatrixRow[] = [
  // Cases: the housing office sees the municipality's cases; a follow-up worker the ones assigned.
  { route: 'POST /api/tenancies', scope: 'municipality', ok: 201, allow: { housing_officer: M, intake: M, admin: M }, body: (c) => application(c) },
  { route: 'GET /api/tenancies', scope: 'none', ok: 200, allow: { housing_officer: M, housing_office: M, follow_up_worker: M, admin: M } },
  { route: 'GET /api/tenancies/:caseId', scope: 'case', ok: 200, allow: { housing_officer: M, housing_office: M, follow_up_worker: ASSIGNED, admin: M } },
  {
    route: 'POST /api/tenancies/:caseId/actions',
    scope: 'case',
    ok: 409, // a decision on a case in follow-up: refused by the case, after the access check
    allow: { housing_officer: M, housing_office: M, follow_up_worker: ASSIGNED, admin: M },
    body: (c) => ({ type: 'recordDecision', outcome: 'approved', date: c.today }),
  },
  { route: 'GET /api/tasks', scope: 'none', ok: 200, allow: { housing_officer: M, housing_office: M, follow_up_worker: M, department_head: M, administrative_officer: M, admin: M } },
  { route: 'GET /api/statistics', scope: 'none', ok: 200, allow: { housing_officer: M, housing_office: M, committee_member: M, admin: M }, path: (c) => `/api/statistics?municipality=${c.municipality}` },

  // Incidents: forms report on any case of their municipality; co-located staff act in their unit's cases.
  {
    route: 'POST /api/tenancies/:caseId/incidents',
    scope: 'case',
    ok: 201,
    allow: { housing_officer: M, housing_office: M, follow_up_worker: ASSIGNED, intake: M, admin: M },
    body: () => ({ situation: 'untidy_home', description: 'Søppel i gangen', channel: 'staff_app', occurredAt: new Date().toISOString() }),
  },
  { route: 'GET /api/tenancies/:caseId/incidents', scope: 'case', ok: 200, allow: { housing_officer: M, housing_office: M, follow_up_worker: ASSIGNED, admin: M } },
  {
    route: 'GET /api/tenancies/:caseId/incidents/:incidentId',
    scope: 'case',
    ok: 200,
    allow: { housing_officer: M, housing_office: M, follow_up_worker: ASSIGNED, department_head: UNIT, administrative_officer: UNIT, admin: M },
  },
  {
    route: 'POST /api/tenancies/:caseId/incidents/:incidentId/actions',
    scope: 'case',
    ok: 200,
    allow: { housing_officer: M, housing_office: M, follow_up_worker: ASSIGNED, department_head: UNIT, administrative_officer: UNIT, admin: M },
    body: () => ({ type: 'recordStep', text: 'Snakket med leietaker.' }),
  },

  // Help to rent privately (seed 004): need to know as for the case; forms report on any case of their municipality.
  { route: 'GET /api/tenancies/:caseId/private-rental', scope: 'case', ok: 200, allow: { housing_officer: M, housing_office: M, follow_up_worker: ASSIGNED, admin: M } },
  {
    route: 'POST /api/tenancies/:caseId/private-rental/actions',
    scope: 'case',
    ok: 409, // the case is in municipal follow-up, not helped to rent privately: refused after the access check
    allow: { housing_officer: M, housing_office: M, follow_up_worker: ASSIGNED, admin: M },
    body: (c) => ({ type: 'recordContact', date: c.today, with: 'tenant', channel: 'phone' }),
  },
  {
    route: 'POST /api/tenancies/:caseId/private-rental/landlord-reports',
    scope: 'case',
    ok: 409, // stored, then refused: the case is not helped to rent privately
    allow: { housing_officer: M, housing_office: M, follow_up_worker: ASSIGNED, intake: M, admin: M },
    body: (c) => ({ receivedDate: c.today, category: 'noise', description: 'Tilgangstest', channel: 'phone' }),
  },

  { route: 'GET /api/private-rental/statistics', scope: 'none', ok: 200, allow: { housing_officer: M, housing_office: M, committee_member: M, admin: M }, path: (c) => `/api/private-rental/statistics?municipality=${c.municipality}` },

  // Rent.
  { route: 'GET /api/tenancies/:caseId/rent', scope: 'case', ok: 200, allow: { housing_officer: M, housing_office: M, follow_up_worker: ASSIGNED, admin: M } },
  {
    route: 'POST /api/tenancies/:caseId/rent/adjustments',
    scope: 'case',
    ok: 200,
    allow: { housing_office: M, admin: M },
    body: (c) => ({ kind: 'credit', amountOre: 100, date: c.today, reason: 'Tilgangstest' }),
  },
  {
    route: 'POST /api/rent/payment-files',
    scope: 'none',
    ok: 422, // a malformed amount: the whole file is refused, nothing posted
    allow: { housing_office: M, admin: M },
    body: (c) => ({ filename: 'test.csv', content: `transaksjonsid;dato;beløp;referanse\n${c.unique()};${c.today};tolv;${c.caseId}\n` }),
  },
  {
    route: 'POST /api/rent/payments',
    scope: 'none',
    ok: 422, // no tenancy has this case ID
    allow: { housing_office: M, admin: M },
    body: (c) => ({ transactionId: c.unique(), date: c.today, amountOre: 100, caseId: 'TST-2026-ZZZZZZ' }),
  },
  { route: 'GET /api/rent/unmatched-payments', scope: 'none', ok: 200, allow: { housing_office: M, admin: M } },
  {
    route: 'POST /api/rent/unmatched-payments/match',
    scope: 'none',
    ok: 404, // no such import: refused after the role check, nothing posted
    allow: { housing_office: M, admin: M },
    body: (c) => ({ importId: 999_999_999, transactionId: c.unique(), caseId: c.caseId, reason: 'Tilgangstest' }),
  },
  { route: 'GET /api/rent/figures', scope: 'none', ok: 200, allow: { housing_office: M, housing_officer: M, committee_member: M, admin: M }, path: (c) => `/api/rent/figures?municipality=${c.municipality}` },
  { route: 'GET /api/municipalities/:municipality/rent-ladder', scope: 'municipality', ok: 200, allow: { housing_office: M, housing_officer: M, admin: M } },
  { route: 'PUT /api/municipalities/:municipality/rent-ladder', scope: 'municipality', ok: 200, allow: { housing_office: M, admin: M }, body: (c) => c.rentLadder },

  // The municipality's rules, contacts, templates and registers.
  { route: 'GET /api/municipalities/:municipality/policy', scope: 'municipality', ok: 200, allow: { housing_office: M, housing_officer: M, admin: M } },
  { route: 'PUT /api/municipalities/:municipality/policy', scope: 'municipality', ok: 200, allow: { housing_office: M, admin: M }, body: () => ({}) },
  { route: 'PUT /api/municipalities/:municipality/contacts', scope: 'municipality', ok: 200, allow: { housing_office: M, admin: M }, body: () => ({ housing_office: 'boligkontoret@example.no' }) },
  { route: 'GET /api/municipalities/:municipality/agreement-template', scope: 'municipality', ok: 200, allow: { housing_office: M, housing_officer: M, follow_up_worker: M, admin: M } },
  { route: 'POST /api/municipalities/:municipality/agreement-template', scope: 'municipality', ok: 201, allow: { housing_office: M, admin: M }, body: (c) => ({ rows: c.templateRows }) },
  {
    route: 'PUT /api/dwellings',
    scope: 'municipality',
    ok: 200,
    allow: { housing_officer: M, housing_office: M, admin: M },
    body: (c) => ({ id: c.dwellingId, address: 'Solvang bofellesskap 1', sizeSqm: 40, rooms: 2, floor: 0, accessible: true, coLocated: true, monthlyRentOre: 840_000, municipality: c.municipality }),
  },
  { route: 'GET /api/dwellings', scope: 'none', ok: 200, allow: { housing_officer: M, housing_office: M, admin: M }, path: (c) => `/api/dwellings?municipality=${c.municipality}` },
  {
    route: 'PUT /api/municipalities/:municipality/co-located-units/:unitId',
    scope: 'municipality',
    ok: 200,
    allow: { housing_office: M, admin: M },
    body: (c) => ({ name: 'Solvang bofellesskap', dwellingIds: [c.dwellingId], staffIds: c.unitStaff }),
  },
  { route: 'GET /api/municipalities/:municipality/co-located-units', scope: 'municipality', ok: 200, allow: { housing_office: M, housing_officer: M, admin: M } },

  // The data protection officer reads a case's audit log, not the case.
  { route: 'GET /api/tenancies/:caseId/access-log', scope: 'case', ok: 200, allow: { data_protection_officer: M, admin: M } },

  // Login and identity. Everyone signed in may ask who they are; colleagues' names are for staff who
  // see cases, from their own municipality only; the group mapping and the sessions are the admin's.
  { route: 'GET /api/me', scope: 'none', ok: 200, allow: Object.fromEntries(ROLES.map((r) => [r, M])) },
  // The staff app's "Velg bruker": the development tokens this server accepts (none in production), before login.
  { route: 'GET /api/dev-users', scope: 'none', ok: 200, public: true, allow: Object.fromEntries(ROLES.map((r) => [r, M])) },
  {
    route: 'GET /api/staff',
    scope: 'none',
    ok: 200,
    allow: { housing_officer: M, follow_up_worker: M, housing_office: M, department_head: M, administrative_officer: M, committee_member: M, admin: M },
    path: (c) => `/api/staff?ids=${c.unitStaff.join(',')}`,
  },
  { route: 'GET /api/municipalities/:municipality/group-roles', scope: 'municipality', ok: 200, allow: { admin: M } },
  // The test municipality maps no group: replacing nothing with nothing changes nothing.
  { route: 'PUT /api/municipalities/:municipality/group-roles', scope: 'municipality', ok: 200, allow: { admin: M }, body: () => ({ mappings: [] }) },
  { route: 'GET /api/municipalities/:municipality/subject-roles', scope: 'municipality', ok: 200, allow: { admin: M } },
  // The per-person mapping (ID-porten): the test municipality maps nobody, so replacing it with nobody changes nothing.
  { route: 'PUT /api/municipalities/:municipality/subject-roles', scope: 'municipality', ok: 200, allow: { admin: M }, body: () => ({ people: [] }) },
  { route: 'GET /api/municipalities/:municipality/staff', scope: 'municipality', ok: 200, allow: { admin: M } },
  {
    route: 'DELETE /api/municipalities/:municipality/staff/:subject/sessions',
    scope: 'municipality',
    ok: 200, // nobody by this ID is signed in: no session is ended
    allow: { admin: M },
    path: (c) => `/api/municipalities/${c.municipality}/staff/ingen.okt.${c.unique()}/sessions`,
  },
  // Delegation (absence cover): the housing office of the case's municipality grants, lists and revokes.
  {
    route: 'POST /api/tenancies/:caseId/delegations',
    scope: 'case',
    ok: 400, // ended yesterday: refused after the access check, so nobody is given access
    allow: { housing_office: M, admin: M },
    body: (c) => ({ granteeId: 'kollega.fravaer', validUntil: c.yesterday, reason: 'Tilgangstest' }),
  },
  { route: 'GET /api/tenancies/:caseId/delegations', scope: 'case', ok: 200, allow: { housing_office: M, admin: M } },
  {
    route: 'DELETE /api/tenancies/:caseId/delegations/:delegationId',
    scope: 'case',
    ok: 404, // no such delegation on the case: nothing revoked
    allow: { housing_office: M, admin: M },
    path: (c) => `/api/tenancies/${c.caseId}/delegations/999999999`,
  },

  // The housing committee: members read their municipality's committee; the secretary and the housing office write.
  {
    route: 'POST /api/committees',
    scope: 'municipality',
    ok: 201,
    allow: { housing_office: M, admin: M },
    body: (c) => ({
      id: `mx-${c.unique()}`,
      municipality: c.municipality,
      name: 'Boligutvalget',
      cycle: { firstDate: c.meetingId.slice(2), time: '09:00', intervalDays: 14, durationMinutes: 90, location: 'Rådhuset' },
    }),
  },
  { route: 'GET /api/committees', scope: 'none', ok: 200, allow: READERS, path: (c) => `/api/committees?municipality=${c.municipality}` },
  { route: 'GET /api/committees/:committeeId', scope: 'municipality', ok: 200, allow: READERS },
  {
    route: 'PUT /api/committees/:committeeId/members',
    scope: 'municipality',
    ok: 200,
    allow: { housing_office: M, admin: M },
    body: () => ({ members: [{ id: 'leder.utvalg', name: 'Tore Teknisk', email: 'tore@example.no', agency: 'Teknisk etat', role: 'chair' }] }),
  },
  { route: 'GET /api/committees/:committeeId/members', scope: 'municipality', ok: 200, allow: READERS },
  {
    route: 'POST /api/committees/:committeeId/occurrence-changes',
    scope: 'municipality',
    ok: 409, // onto a Saturday: refused by the committee, after the access check
    allow: SECRETARY,
    body: (c) => ({ regularDate: c.meetingId.slice(2), action: 'move', date: c.saturday, reason: 'Tilgangstest' }),
  },
  {
    route: 'POST /api/committees/:committeeId/extra-meetings',
    scope: 'municipality',
    ok: 409, // on a Saturday
    allow: SECRETARY,
    body: (c) => ({ date: c.saturday, time: '12:00', reason: 'Tilgangstest' }),
  },
  { route: 'GET /api/committees/:committeeId/meetings/:meetingId', scope: 'municipality', ok: 200, allow: READERS },
  {
    route: 'POST /api/committees/:committeeId/meetings/:meetingId/agenda-items',
    scope: 'municipality',
    ok: 201,
    allow: SECRETARY,
    body: () => ({ title: 'Nøkkelrutiner', why: 'Tilgangstest' }),
  },
  {
    route: 'DELETE /api/committees/:committeeId/meetings/:meetingId/agenda-items/:itemId',
    scope: 'municipality',
    ok: 409, // no such item on the agenda
    allow: SECRETARY,
    path: (c) => `/api/committees/${c.committeeId}/meetings/${c.meetingId}/agenda-items/secretary:999`,
  },
  {
    route: 'POST /api/committees/:committeeId/meetings/:meetingId/minutes',
    scope: 'municipality',
    ok: 409, // before the meeting has begun
    allow: SECRETARY,
    body: () => ({ attendance: [{ memberId: 'leder.utvalg', present: true }], approvedBy: 'leder.utvalg', decisions: [] }),
  },
  {
    route: 'POST /api/committees/:committeeId/meetings/:meetingId/decisions/:itemId/done',
    scope: 'municipality',
    ok: 409, // no minutes yet
    allow: SECRETARY,
    path: (c) => `/api/committees/${c.committeeId}/meetings/${c.meetingId}/decisions/secretary:1/done`,
    body: () => ({}),
  },
  {
    route: 'GET /api/committees/:committeeId/meetings/:meetingId/minutes.html',
    scope: 'municipality',
    ok: 200, // the page of the coming meeting (HTML)
    allow: READERS,
  },
  { route: 'GET /api/committees/:committeeId/decisions', scope: 'municipality', ok: 200, allow: READERS, path: (c) => `/api/committees/${c.committeeId}/decisions?status=overdue` },
  // Ops overview (the housing office runs the municipality's processes) and search among the cases one may see.
  { route: 'GET /api/ops/overview', scope: 'none', ok: 200, allow: { housing_office: M, admin: M }, path: (c) => `/api/ops/overview?municipality=${c.municipality}` },
  {
    route: 'GET /api/search',
    scope: 'none',
    ok: 200,
    allow: { housing_officer: M, housing_office: M, follow_up_worker: M, department_head: M, administrative_officer: M, admin: M },
    path: (c) => `/api/search?q=${encodeURIComponent(c.caseId)}&municipality=${c.municipality}`,
  },
  // Letters: the case's own people write and read them; clerks record posting and delivery.
  {
    route: 'POST /api/tenancies/:caseId/letters',
    scope: 'case',
    ok: 422, // the kind's fields are missing: refused when filling, after the access check
    allow: { housing_officer: M, housing_office: M, follow_up_worker: ASSIGNED, admin: M },
    body: () => ({ kind: 'neighbour_complaint', channel: 'post', fields: {} }),
  },
  { route: 'GET /api/tenancies/:caseId/letters', scope: 'case', ok: 200, allow: { housing_officer: M, housing_office: M, follow_up_worker: ASSIGNED, admin: M } },
  {
    route: 'GET /api/tenancies/:caseId/letters/:letterId/pdf',
    scope: 'case',
    ok: 404, // no such letter on the case
    allow: { housing_officer: M, housing_office: M, follow_up_worker: ASSIGNED, admin: M },
    path: (c) => `/api/tenancies/${c.caseId}/letters/L-000000000000/pdf`,
  },
  {
    route: 'POST /api/tenancies/:caseId/letters/:letterId/dispatch',
    scope: 'case',
    ok: 404,
    allow: { housing_officer: M, housing_office: M, admin: M },
    path: (c) => `/api/tenancies/${c.caseId}/letters/L-000000000000/dispatch`,
    body: (c) => ({ sentDate: c.today }),
  },
  {
    route: 'POST /api/tenancies/:caseId/letters/:letterId/delivery',
    scope: 'case',
    ok: 404,
    allow: { housing_officer: M, housing_office: M, admin: M },
    path: (c) => `/api/tenancies/${c.caseId}/letters/L-000000000000/delivery`,
    body: (c) => ({ outcome: 'delivered', date: c.today }),
  },
  { route: 'GET /api/municipalities/:municipality/letter-profile', scope: 'municipality', ok: 200, allow: { housing_office: M, housing_officer: M, admin: M } },
  {
    route: 'PUT /api/municipalities/:municipality/letter-profile',
    scope: 'municipality',
    ok: 200,
    allow: { housing_office: M, admin: M },
    body: () => ({ municipalityName: 'Testvik kommune', headerLines: ['Boligtjenesten'], language: 'nb', appealBody: 'Statsforvalteren', receiptBusinessDays: 3 }),
  },
  { route: 'GET /api/municipalities/:municipality/letter-templates', scope: 'municipality', ok: 200, allow: { housing_office: M, housing_officer: M, admin: M } },
  {
    route: 'POST /api/municipalities/:municipality/letter-templates',
    scope: 'municipality',
    ok: 201,
    allow: { housing_office: M, admin: M },
    body: () => ({ kind: 'neighbour_complaint', language: 'nb', title: 'Klage fra naboer', paragraphs: ['Hei {{recipient}}. {{summary}}'] }),
  },
  { route: 'GET /api/letters/print-queue', scope: 'none', ok: 200, allow: { housing_office: M, housing_officer: M, admin: M }, path: (c) => `/api/letters/print-queue?municipality=${c.municipality}` },
  // The case's application decision letter waits for print in the matrix's municipality (the test's
  // setup waits until it is made), so those allowed get the PDF; more letters (a rent warning) change nothing.
  { route: 'GET /api/letters/print-batch.pdf', scope: 'none', ok: 200, allow: { housing_office: M, housing_officer: M, admin: M }, path: (c) => `/api/letters/print-batch.pdf?municipality=${c.municipality}` },
];

function application(c: MatrixContext) {
  return {
    municipality: c.municipality,
    applicant: { name: 'Ingrid Bakken' },
    householdMembers: [],
    currentHousing: 'Bor midlertidig hos en venn.',
    language: 'norsk',
    needsInterpreter: false,
  };
}

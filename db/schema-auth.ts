import { bigint, bigserial, date, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A signed-in browser. The cookie holds a random secret; only its SHA-256 is stored, so a copy of
 * this table does not let anyone sign in. Roles and municipality are fixed at login: a change in
 * the directory or the mapping takes effect at the next login.
 */
export const authSessions = pgTable(
  'auth_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    /** The provider's stable subject (Entra object ID): the user's identity everywhere in Botrygg. */
    subject: text('subject').notNull(),
    roles: text('roles').array().notNull(),
    municipality: text('municipality').notNull(),
    /** Per-session token the browser sends back in `X-CSRF-Token` on every state-changing request. */
    csrfToken: text('csrf_token').notNull(),
    /** Kept for RP-initiated logout (`id_token_hint`); deleted with the session. */
    idToken: text('id_token'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Absolute end, whatever the activity. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason', { enum: ['logout', 'idle', 'expired', 'revoked'] }),
  },
  (t) => [index('auth_sessions_subject_idx').on(t.subject), index('auth_sessions_expires_idx').on(t.expiresAt)],
);

/**
 * A login in progress: the authorization request's state, nonce and PKCE verifier, bound to the
 * browser by a short-lived cookie carrying the state. Used once, then deleted.
 */
export const authLogins = pgTable('auth_logins', {
  state: text('state').primaryKey(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  returnTo: text('return_to').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Per municipality: which directory group (Entra group object ID) gives which Botrygg role. A user's
 * roles are the union over their groups; edited by an administrator through the API, audited.
 * Municipality `*` is the national administration.
 */
export const groupRoleMappings = pgTable(
  'group_role_mappings',
  {
    municipality: text('municipality').notNull(),
    groupId: text('group_id').notNull(),
    role: text('role').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.municipality, t.groupId, t.role] }), index('group_role_mappings_group_idx').on(t.groupId)],
);

/**
 * Per municipality: which person (the provider's stable subject, or ID-porten's `pid` when
 * OIDC_SUBJECT_CLAIM=pid) has which Botrygg role. For providers that send no group claims (ID-porten,
 * OIDC_PROVIDER=idporten); edited by an administrator through the API, audited. `name` is what the
 * administrator typed: ID-porten sends no name, and cases show staff by name.
 */
export const subjectRoleMappings = pgTable(
  'subject_role_mappings',
  {
    municipality: text('municipality').notNull(),
    subject: text('subject').notNull(),
    role: text('role').notNull(),
    name: text('name').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.municipality, t.subject, t.role] }), index('subject_role_mappings_subject_idx').on(t.subject)],
);

/**
 * Staff as last seen at login: the subject is what cases store, the name is what people are shown.
 * Also the admin view of who holds which role.
 */
export const staffDirectory = pgTable('staff_directory', {
  subject: text('subject').primaryKey(),
  name: text('name').notNull(),
  municipality: text('municipality').notNull(),
  roles: text('roles').array().notNull(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Delegation and break-glass: a housing office grants a colleague temporary access to one case
 * (absence cover), with an end date and a reason. Revoked rows are kept; each use is in `case_delegation_uses`.
 */
export const caseDelegations = pgTable(
  'case_delegations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: text('case_id').notNull(),
    municipality: text('municipality').notNull(),
    /** The colleague's subject ID. */
    granteeId: text('grantee_id').notNull(),
    grantedBy: text('granted_by').notNull(),
    reason: text('reason').notNull(),
    /** The granting request's Idempotency-Key: a resend returns this row, never a second grant. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /** Last day (Europe/Oslo) the access holds, inclusive. */
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: text('revoked_by'),
  },
  (t) => [index('case_delegations_grantee_case_idx').on(t.granteeId, t.caseId), index('case_delegations_case_idx').on(t.caseId)],
);

/** Every request a delegation let through: who, which case, which route, when. */
export const caseDelegationUses = pgTable(
  'case_delegation_uses',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    delegationId: bigint('delegation_id', { mode: 'number' }).notNull(),
    caseId: text('case_id').notNull(),
    actorId: text('actor_id').notNull(),
    route: text('route').notNull(),
    requestId: text('request_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_delegation_uses_delegation_idx').on(t.delegationId, t.at)],
);

import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * Read model of every tenancy case, written by workflow activities. Ops views query this table,
 * never workflow histories, so listing thousands of cases stays cheap.
 */
export const tenancies = pgTable(
  'tenancies',
  {
    caseId: text('case_id').primaryKey(),
    workflowId: text('workflow_id').notNull().unique(),
    municipality: text('municipality').notNull(),
    phase: text('phase').notNull(),
    status: text('status').notNull(),
    applicantName: text('applicant_name').notNull(),
    housingOfficerId: text('housing_officer_id'),
    followUpWorkerId: text('follow_up_worker_id'),
    /** The dwelling the case is about (domain/co-located.ts): co-located staff see cases by it. */
    dwellingId: text('dwelling_id'),
    nextDeadline: text('next_deadline'),
    closedReason: text('closed_reason'),
    /** Highest workflow state version written; older snapshots arriving late are ignored. */
    stateVersion: integer('state_version').notNull().default(0),
    snapshot: jsonb('snapshot').notNull(),
    /**
     * The snapshot's caution flag (threats or weapons reported), kept beside it: every list row shows
     * it, and reading it out of each row's snapshot made a page of 100 cases unpack 100 snapshots.
     */
    caution: boolean('caution').notNull().default(false),
    /**
     * A payment can change what this case's rent check decides (domain/tenancy/payment-wake.ts): the
     * payments import wakes only these workflows; the others see the payment at their next check.
     */
    paymentWakes: boolean('payment_wakes').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The case list's filters, each in the list's order (db/work-lists.ts): next deadline, then case.
    index('tenancies_municipality_deadline_idx').on(t.municipality, sql`coalesce(${t.nextDeadline}, '9999-12-31')`, t.caseId),
    index('tenancies_municipality_phase_idx').on(t.municipality, t.phase, sql`coalesce(${t.nextDeadline}, '9999-12-31')`, t.caseId),
    index('tenancies_follow_up_worker_idx').on(t.followUpWorkerId, sql`coalesce(${t.nextDeadline}, '9999-12-31')`, t.caseId),
    index('tenancies_dwelling_idx').on(t.municipality, t.dwellingId),
  ],
);

/**
 * Every form submission is stored here before anything else happens, keyed by the client's
 * idempotency key, so a form is never lost (Temporal down) and never applied twice (resubmit).
 */
export const formSubmissions = pgTable(
  'form_submissions',
  {
    /** The client's key, scoped by `kind`: an application and an incident report may carry the same one. */
    submissionId: text('submission_id').notNull(),
    kind: text('kind').notNull(),
    caseId: text('case_id').notNull(),
    municipality: text('municipality').notNull(),
    submittedBy: text('submitted_by').notNull(),
    payload: jsonb('payload').notNull(),
    /** SHA-256 of the canonical payload: the same key with a different body is a client bug, not a repeat. */
    payloadHash: text('payload_hash').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'rejected'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    result: jsonb('result'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    /**
     * When the relay may try this submission again (null: at once). Each submission backs off on its
     * own, so one that keeps failing never holds back the ones stored after it.
     */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.kind, t.submissionId] }), index('form_submissions_pending_idx').on(t.status, t.receivedAt)],
);

/**
 * What each idempotency key of a synchronous action (case, incident and committee actions, rent
 * adjustments) was first used for: a resend with the same content gets the first answer from the
 * workflow or ledger; the same key with other content is refused. Keys are scoped by kind, so a case
 * action and a committee action may carry the same client key without meeting.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of the canonical target and body (api/canonical-hash.ts). */
    requestHash: text('request_hash').notNull(),
    /** The case or committee the key was used on, for the audit trail; never personal data. */
    target: text('target').notNull(),
    actorId: text('actor_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/** The case timeline: what happened, who did it, when. Written idempotently by activities. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: text('case_id').notNull(),
    /** Derived from the workflow ID and event sequence, so a retried activity writes once. */
    dedupKey: text('dedup_key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    actorId: text('actor_id'),
    summary: text('summary').notNull(),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    uniqueIndex('case_events_dedup_idx').on(t.dedupKey),
    index('case_events_case_idx').on(t.caseId, t.at),
  ],
);

/** Who read or wrote personal data, through which route. Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: text('actor_id').notNull(),
    actorRoles: text('actor_roles').notNull(),
    action: text('action', { enum: ['read', 'write', 'denied'] }).notNull(),
    route: text('route').notNull(),
    /** The one case a request touched; null when it named none or several (then `caseIds`). */
    caseId: text('case_id'),
    /**
     * The cases of a request that read or wrote several (a list page, a work list): one row per request
     * instead of one per case, which at 100 rows a page was most of a list's cost under load. Null on
     * single-case rows and on rows written before this column; read both with `auditedCase()`.
     */
    caseIds: text('case_ids').array(),
    outcome: integer('outcome').notNull(),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_log_case_idx').on(t.caseId, t.at),
    index('audit_log_actor_idx').on(t.actorId, t.at),
    index('audit_log_case_ids_idx').using('gin', t.caseIds),
  ],
);

/** Interviews, decisions, offers, leases, checklists, agreements, visits …: one row per record, upserted by key. */
export const caseRecords = pgTable(
  'case_records',
  {
    caseId: text('case_id').notNull(),
    kind: text('kind').notNull(),
    recordKey: text('record_key').notNull(),
    data: jsonb('data').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.kind, t.recordKey] }), index('case_records_kind_idx').on(t.kind)],
);

/** Open tasks of every case, replaced with each snapshot: the work lists per person and per role. */
export const caseTasks = pgTable(
  'case_tasks',
  {
    caseId: text('case_id').notNull(),
    taskId: text('task_id').notNull(),
    /** 'tenancy', or the incident ID whose workflow owns the task: each source replaces only its own rows. */
    source: text('source').notNull().default('tenancy'),
    municipality: text('municipality').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    role: text('role').notNull(),
    assigneeId: text('assignee_id'),
    dueDate: text('due_date').notNull(),
    overdue: boolean('overdue').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.taskId] }),
    // The work lists' filters, each in the lists' order (db/work-lists.ts): due date, case, task.
    // Overdue tasks are the earliest in due-date order, so the municipality's index serves that filter.
    index('case_tasks_assignee_idx').on(t.assigneeId, t.dueDate, t.caseId, t.taskId),
    index('case_tasks_role_idx').on(t.municipality, t.role, t.dueDate, t.caseId, t.taskId),
    index('case_tasks_municipality_due_idx').on(t.municipality, t.dueDate, t.caseId, t.taskId),
  ],
);

/** The municipality's dwelling register (kommunalt disponerte boliger). Rent in øre. */
export const dwellings = pgTable(
  'dwellings',
  {
    municipality: text('municipality').notNull(),
    dwellingId: text('dwelling_id').notNull(),
    address: text('address').notNull(),
    sizeSqm: integer('size_sqm').notNull(),
    rooms: integer('rooms').notNull(),
    floor: integer('floor').notNull(),
    accessible: boolean('accessible').notNull(),
    coLocated: boolean('co_located').notNull(),
    monthlyRentOre: integer('monthly_rent_ore').notNull(),
    /** Beliggenhet, the municipality's name for the area. Null for rows registered before it was asked. */
    location: text('location'),
    /** 'municipal' | 'housing_cooperative' | 'section'; null for rows registered before it was asked. */
    ownership: text('ownership', { enum: ['municipal', 'housing_cooperative', 'section'] }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.municipality, t.dwellingId] })],
);

/** Each municipality's rules (deadlines, lease length, own checklist items); a new case copies them at start. */
export const municipalityPolicies = pgTable('municipality_policies', {
  municipality: text('municipality').primaryKey(),
  overrides: jsonb('overrides').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Read model of incidents (hendelser): one row per incident, its snapshot written by its workflow. */
export const incidents = pgTable(
  'incidents',
  {
    incidentId: text('incident_id').primaryKey(),
    caseId: text('case_id').notNull(),
    workflowId: text('workflow_id').notNull(),
    situation: text('situation').notNull(),
    status: text('status').notNull(),
    agreementVersion: integer('agreement_version'),
    escalations: integer('escalations').notNull().default(0),
    stateVersion: integer('state_version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('incidents_case_idx').on(t.caseId, t.reportedAt)],
);

/** Each municipality's follow-up agreement template, one row per published version. */
export const agreementTemplates = pgTable(
  'agreement_templates',
  {
    municipality: text('municipality').notNull(),
    version: integer('version').notNull(),
    template: jsonb('template').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.municipality, t.version] })],
);

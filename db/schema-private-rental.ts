import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Read model of help to rent privately (seed 004): one row per referral of a case (its workflow),
 * written by the private-rental workflow's activity. The case itself (access, timeline, tasks) is
 * the tenancy's: the same case ID.
 */
export const privateRentals = pgTable(
  'private_rentals',
  {
    workflowId: text('workflow_id').primaryKey(),
    caseId: text('case_id').notNull(),
    municipality: text('municipality').notNull(),
    phase: text('phase').notNull(),
    status: text('status').notNull(),
    /** How it ended: new_private_lease, own_home, municipal_dwelling, other, municipal_process. */
    outcome: text('outcome'),
    caseworkerId: text('caseworker_id'),
    followUpWorkerId: text('follow_up_worker_id'),
    nextDeadline: text('next_deadline'),
    referredDate: text('referred_date').notNull(),
    moveInDate: text('move_in_date'),
    stateVersion: integer('state_version').notNull().default(0),
    snapshot: jsonb('snapshot').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('private_rentals_case_idx').on(t.caseId, t.createdAt),
    index('private_rentals_municipality_idx').on(t.municipality, t.status, sql`coalesce(${t.nextDeadline}, '9999-12-31')`),
  ],
);

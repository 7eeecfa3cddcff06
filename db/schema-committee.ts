import { sql } from 'drizzle-orm';
import { bigserial, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { MeetingCycle } from '../domain/committee/cycle';
import type { AgendaItem } from '../domain/committee/documents';

/**
 * The housing committee (boligutvalget): one row per committee. Its meeting cycle is data; the
 * committee's entity workflow (`committee-${id}`) holds the moved, cancelled and extra meetings.
 */
export const committees = pgTable(
  'committees',
  {
    /** A readable key such as `tynset-boligutvalg`; also the workflow ID's suffix, so it never changes. */
    id: text('id').primaryKey(),
    municipality: text('municipality').notNull(),
    name: text('name').notNull(),
    cycle: jsonb('cycle').$type<MeetingCycle>().notNull(),
    reminderDaysBefore: integer('reminder_days_before').notNull().default(3),
    agendaCutoffDays: integer('agenda_cutoff_days').notNull().default(2),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('committees_municipality_idx').on(t.municipality)],
);

export const COMMITTEE_MEMBER_ROLES = ['chair', 'secretary', 'member'] as const;

/**
 * Who sits on the committee, with history: a change closes the old row (`valid_to`) and inserts a
 * new one, never an update in place, so the members of any past meeting can be read back.
 */
export const committeeMembers = pgTable(
  'committee_members',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    committeeId: text('committee_id').notNull(),
    memberId: text('member_id').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    agency: text('agency').notNull(),
    role: text('role', { enum: COMMITTEE_MEMBER_ROLES }).notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validTo: timestamp('valid_to', { withTimezone: true }),
  },
  (t) => [
    index('committee_members_committee_idx').on(t.committeeId, t.validFrom),
    // At most one current row per member: a concurrent second change fails instead of forking the history.
    uniqueIndex('committee_members_current_idx').on(t.committeeId, t.memberId).where(sql`${t.validTo} is null`),
  ],
);

export const COMMITTEE_MEETING_STATUSES = ['scheduled', 'agenda_sent', 'held', 'cancelled'] as const;

export interface CommitteeMinutesRecord {
  attendance: Array<{ memberId: string; present: boolean }>;
  recordedAt: string;
  recordedBy: string;
  approvedBy?: string;
}

/** Read model of the meetings the committee's workflow has worked on: agenda, status, minutes. */
export const committeeMeetings = pgTable(
  'committee_meetings',
  {
    committeeId: text('committee_id').notNull(),
    meetingId: text('meeting_id').notNull(),
    kind: text('kind', { enum: ['regular', 'extra'] }).notNull().default('regular'),
    date: date('date', { mode: 'string' }).notNull(),
    time: text('time').notNull(),
    status: text('status', { enum: COMMITTEE_MEETING_STATUSES }).notNull(),
    /** Why the meeting was moved, cancelled or called (the secretary's reason). */
    note: text('note'),
    agenda: jsonb('agenda').$type<AgendaItem[]>().notNull().default(sql`'[]'::jsonb`),
    minutes: jsonb('minutes').$type<CommitteeMinutesRecord>(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.meetingId] }), index('committee_meetings_date_idx').on(t.committeeId, t.date)],
);

/** Each decision in the minutes, followed up until it is done; a case decision also records its delivery. */
export const committeeDecisions = pgTable(
  'committee_decisions',
  {
    committeeId: text('committee_id').notNull(),
    meetingId: text('meeting_id').notNull(),
    itemId: text('item_id').notNull(),
    caseId: text('case_id'),
    text: text('text').notNull(),
    responsibleMemberId: text('responsible_member_id'),
    deadline: date('deadline', { mode: 'string' }),
    /** The case action the decision carries (`allocate_dwelling`, `note` …); null when it concerns no case. */
    effectKind: text('effect_kind'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    /** The case refused the decision: the reason in plain Norwegian, from the case's own validator. */
    deliveryError: text('delivery_error'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.meetingId, t.itemId] }), index('committee_decisions_case_idx').on(t.caseId)],
);

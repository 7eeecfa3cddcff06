import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { FilledLetter } from '../domain/letters/fill';
import { LETTER_CHANNELS, LETTER_STATUSES } from '../domain/letters/dispatch';
import { LETTER_LANGUAGES } from '../domain/letters/kinds';
import type { LetterHeader } from '../platform/letter-pdf';

/** How a municipality signs its letters: header, language (bokmål or nynorsk), appeal body, receipt days. */
export const letterProfiles = pgTable('letter_profiles', {
  municipality: text('municipality').primaryKey(),
  municipalityName: text('municipality_name').notNull(),
  headerLines: jsonb('header_lines').$type<string[]>().notNull(),
  language: text('language', { enum: LETTER_LANGUAGES }).notNull(),
  appealBody: text('appeal_body').notNull(),
  receiptBusinessDays: integer('receipt_business_days').notNull(),
  /** Where tenants pay rent (the § 4-18 warning says it); letters that need it cannot be made without it. */
  rentAccountNumber: text('rent_account_number'),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A municipality's own template versions; the defaults (version 0) live in domain/letters/templates.ts. */
export const letterTemplates = pgTable(
  'letter_templates',
  {
    municipality: text('municipality').notNull(),
    kind: text('kind').notNull(),
    language: text('language', { enum: LETTER_LANGUAGES }).notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    paragraphs: jsonb('paragraphs').$type<string[]>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.municipality, t.kind, t.language, t.version] })],
);

/**
 * Every letter a case has sent or will send. `content` is the filled letter, kept as written: the
 * PDF is rendered from it, so it reads the same in the archive as on the day it was posted.
 */
export const letters = pgTable(
  'letters',
  {
    letterId: text('letter_id').primaryKey(),
    caseId: text('case_id').notNull(),
    municipality: text('municipality').notNull(),
    kind: text('kind').notNull(),
    channel: text('channel', { enum: LETTER_CHANNELS }).notNull(),
    status: text('status', { enum: LETTER_STATUSES }).notNull().default('queued'),
    content: jsonb('content').$type<FilledLetter>().notNull(),
    /** The letterhead as it was when the letter was made: a later profile change does not rewrite old letters. */
    header: jsonb('header').$type<LetterHeader>().notNull(),
    /** Only for the e-mail channel: where "a letter is ready" goes (no letter content in the mail). */
    recipientEmail: text('recipient_email'),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    requestHash: text('request_hash').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentDate: text('sent_date'),
    trackingNumber: text('tracking_number'),
    /** Receipt the law's deadlines count from: recorded delivery, else posting + the profile's business days. */
    receiptDate: text('receipt_date'),
    deliveredDate: text('delivered_date'),
    returnedDate: text('returned_date'),
    returnReason: text('return_reason'),
  },
  (t) => [index('letters_case_idx').on(t.caseId, t.createdAt), index('letters_queue_idx').on(t.municipality, t.channel, t.status)],
);

/** Dispatch and delivery records, keyed by the clerk's idempotency key: a resend returns the first answer. */
export const letterActions = pgTable('letter_actions', {
  idempotencyKey: text('idempotency_key').primaryKey(),
  letterId: text('letter_id').notNull(),
  kind: text('kind').notNull(),
  requestHash: text('request_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

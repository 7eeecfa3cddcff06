import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** A file sent with a notification, e.g. an ICS calendar invitation. `content` is the file's text. */
export interface NotificationAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * The notification outbox. A workflow activity stores the message here first, keyed by a dedup key
 * derived from the workflow ID and purpose (`tenancy-X#reminder#2026-12`), and a sender activity
 * delivers it: at-least-once, and the Message-ID derived from the key lets mail systems drop a
 * duplicate resent after a crash between the SMTP send and the `sent` mark.
 */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    dedupKey: text('dedup_key').notNull().unique(),
    caseId: text('case_id'),
    recipientEmail: text('recipient_email').notNull(),
    recipientName: text('recipient_name'),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    attachments: jsonb('attachments').$type<NotificationAttachment[]>().notNull().default(sql`'[]'::jsonb`),
    status: text('status', { enum: NOTIFICATION_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The Message-ID header we set: `<sha256(dedup_key)@botrygg.local>`. */
    messageId: text('message_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('notification_outbox_pending_idx').on(t.status, t.createdAt)],
);

export type NotificationRow = typeof notificationOutbox.$inferSelect;

/** Team mailboxes per role (boligkontoret@…, oppfolging@…): where a notice to that role goes. */
export const notificationContacts = pgTable(
  'notification_contacts',
  {
    municipality: text('municipality').notNull(),
    role: text('role').notNull(),
    email: text('email').notNull(),
    name: text('name'),
  },
  (t) => [primaryKey({ columns: [t.municipality, t.role] })],
);

import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { notificationOutbox, type NotificationAttachment, type NotificationRow } from '../db/schema-notifications';
import type { Mailer } from '../platform/mailer';

export interface NotificationRequest {
  /** Derived by the caller from the workflow ID and purpose, e.g. `tenancy-X#reminder#2026-12`. */
  dedupKey: string;
  caseId?: string | null;
  recipientEmail: string;
  recipientName?: string | null;
  subject: string;
  bodyText: string;
  attachments?: NotificationAttachment[];
}

export interface SendNotificationResult {
  status: 'sent';
  /** True when an earlier attempt had already sent it: nothing was sent this time. */
  alreadySent: boolean;
  messageId: string;
}

export interface SendPendingResult {
  /** Rows looked at. */
  picked: number;
  sent: number;
  /** Permanently undeliverable (invalid address): now `failed`. */
  failed: number;
  /** Transient errors (SMTP down, 4xx …): still `pending`, attempts and last_error updated. */
  errors: number;
  /** Sent meanwhile or being sent by another worker right now. */
  skipped: number;
}

/** Failure type of a recipient address that can never work; Temporal does not retry it. */
export const INVALID_RECIPIENT = 'InvalidNotificationRecipient';
export const NOTIFICATION_NOT_FOUND = 'NotificationNotFound';

/** Deliberately simple: one @, no spaces or address syntax characters, a dot in the domain. */
const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/;

export function isValidEmail(address: string): boolean {
  return address.length <= 254 && EMAIL_RE.test(address);
}

/** The Message-ID of a notification: the same for every attempt, so receivers can drop a resend. */
export function notificationMessageId(dedupKey: string): string {
  return `<${createHash('sha256').update(dedupKey).digest('hex')}@botrygg.local>`;
}

function describeError(err: unknown): string {
  const e = err as { code?: unknown; responseCode?: unknown; message?: unknown };
  const parts = [typeof e?.code === 'string' ? e.code : null, typeof e?.responseCode === 'number' ? String(e.responseCode) : null]
    .filter(Boolean)
    .join(' ');
  const message = typeof e?.message === 'string' ? e.message : String(err);
  return (parts ? `${parts}: ${message}` : message).slice(0, 2000);
}

type Outcome =
  | { kind: 'sent'; messageId: string }
  | { kind: 'already-sent'; messageId: string }
  | { kind: 'skipped' }
  | { kind: 'not-found' }
  | { kind: 'invalid'; error: string }
  | { kind: 'error'; error: unknown; attempts: number };

/**
 * The notification outbox. A workflow enqueues (idempotent by dedup key), then sends; a periodic
 * sweep sends whatever is still pending. Delivery is at-least-once: the row is locked while it is
 * sent, so two senders never send the same row at once, and only a crash between the SMTP server's
 * acceptance and the commit of `sent` resends it, with the same Message-ID.
 */
export function createNotificationActivities({ db, mailer, from }: { db: Database; mailer?: Mailer; from?: string }) {
  /** Sends one row under a row lock; `skipLocked` makes the sweep pass over a row being sent elsewhere. */
  async function deliver(dedupKey: string, { skipLocked }: { skipLocked: boolean }): Promise<Outcome> {
    return db.transaction(async (tx): Promise<Outcome> => {
      const query = tx.select().from(notificationOutbox).where(eq(notificationOutbox.dedupKey, dedupKey));
      const [row]: NotificationRow[] = await (skipLocked ? query.for('update', { skipLocked: true }) : query.for('update'));
      if (!row) return skipLocked ? { kind: 'skipped' } : { kind: 'not-found' };
      if (row.status === 'sent') return { kind: 'already-sent', messageId: row.messageId };
      if (skipLocked && row.status !== 'pending') return { kind: 'skipped' };

      if (!isValidEmail(row.recipientEmail)) {
        const error = `Invalid recipient address: ${JSON.stringify(row.recipientEmail)}`;
        await tx
          .update(notificationOutbox)
          .set({ status: 'failed', attempts: sql`${notificationOutbox.attempts} + 1`, lastError: error })
          .where(eq(notificationOutbox.id, row.id));
        return { kind: 'invalid', error };
      }

      // Without SMTP configured (a local `npm start`), notices wait in the outbox for the sweep.
      if (!mailer) throw ApplicationFailure.retryable('SMTP er ikke konfigurert; varselet ligger i utboksen.', 'MailerNotConfigured');
      try {
        await mailer.send({
          ...(from ? { from } : {}),
          to: { address: row.recipientEmail, name: row.recipientName },
          subject: row.subject,
          text: row.bodyText,
          attachments: row.attachments,
          messageId: row.messageId,
        });
      } catch (error) {
        // Keep the row pending; the attempt and its error are committed, the caller rethrows.
        const [updated] = await tx
          .update(notificationOutbox)
          .set({ attempts: sql`${notificationOutbox.attempts} + 1`, lastError: describeError(error) })
          .where(eq(notificationOutbox.id, row.id))
          .returning({ attempts: notificationOutbox.attempts });
        return { kind: 'error', error, attempts: updated?.attempts ?? row.attempts + 1 };
      }
      await tx
        .update(notificationOutbox)
        .set({ status: 'sent', sentAt: new Date(), attempts: sql`${notificationOutbox.attempts} + 1`, lastError: null })
        .where(eq(notificationOutbox.id, row.id));
      return { kind: 'sent', messageId: row.messageId };
    });
  }

  return {
    /** Stores a notification once per dedup key; a repeat (activity retry, workflow replay) changes nothing. */
    async enqueueNotification(n: NotificationRequest): Promise<{ id: number; created: boolean }> {
      const inserted = await db
        .insert(notificationOutbox)
        .values({
          dedupKey: n.dedupKey,
          caseId: n.caseId ?? null,
          recipientEmail: n.recipientEmail.trim(),
          recipientName: n.recipientName ?? null,
          subject: n.subject,
          bodyText: n.bodyText,
          attachments: n.attachments ?? [],
          messageId: notificationMessageId(n.dedupKey),
        })
        .onConflictDoNothing({ target: notificationOutbox.dedupKey })
        .returning({ id: notificationOutbox.id });
      if (inserted[0]) return { id: inserted[0].id, created: true };
      const [existing] = await db
        .select({ id: notificationOutbox.id })
        .from(notificationOutbox)
        .where(eq(notificationOutbox.dedupKey, n.dedupKey));
      if (!existing) throw new Error(`Notification ${n.dedupKey} neither inserted nor found`);
      return { id: existing.id, created: false };
    },

    /**
     * Sends a stored notification unless it was sent already. An SMTP failure is rethrown so Temporal
     * retries; an invalid address fails the row and the activity for good.
     */
    async sendNotification({ dedupKey }: { dedupKey: string }): Promise<SendNotificationResult> {
      const outcome = await deliver(dedupKey, { skipLocked: false });
      switch (outcome.kind) {
        case 'sent':
          return { status: 'sent', alreadySent: false, messageId: outcome.messageId };
        case 'already-sent':
          return { status: 'sent', alreadySent: true, messageId: outcome.messageId };
        case 'invalid':
          throw ApplicationFailure.nonRetryable(outcome.error, INVALID_RECIPIENT, { dedupKey });
        case 'not-found':
          // Enqueue always runs first; a missing row is a caller bug that no retry can fix.
          throw ApplicationFailure.nonRetryable(`No notification with dedup key ${dedupKey}`, NOTIFICATION_NOT_FOUND);
        case 'error':
          throw outcome.error instanceof Error
            ? outcome.error
            : new Error(`Sending notification ${dedupKey} failed: ${describeError(outcome.error)}`);
        case 'skipped':
          throw new Error(`unreachable: ${dedupKey} skipped without skipLocked`);
      }
    },

    /** The periodic sweep: sends pending notifications, oldest first. Never throws for one bad row. */
    async sendPendingNotifications({ limit = 50 }: { limit?: number } = {}): Promise<SendPendingResult> {
      const pending = await db
        .select({ dedupKey: notificationOutbox.dedupKey })
        .from(notificationOutbox)
        .where(eq(notificationOutbox.status, 'pending'))
        .orderBy(asc(notificationOutbox.createdAt), asc(notificationOutbox.id))
        .limit(limit);
      const result: SendPendingResult = { picked: pending.length, sent: 0, failed: 0, errors: 0, skipped: 0 };
      for (const { dedupKey } of pending) {
        const outcome = await deliver(dedupKey, { skipLocked: true });
        if (outcome.kind === 'sent') result.sent++;
        else if (outcome.kind === 'invalid') result.failed++;
        else if (outcome.kind === 'error') result.errors++;
        else result.skipped++;
      }
      return result;
    },
  };
}

export type NotificationActivities = ReturnType<typeof createNotificationActivities>;

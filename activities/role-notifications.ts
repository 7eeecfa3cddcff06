import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { tenancies } from '../db/schema';
import { notificationContacts } from '../db/schema-notifications';
import { ROLE_LABELS, type Role } from '../domain/roles';
import type { Mailer } from '../platform/mailer';
import { createNotificationActivities } from './notifications';

export interface RoleNotice {
  municipality: string;
  caseId: string;
  role: Role;
  /** From the workflow ID and purpose: a retried activity never queues the notice twice. */
  dedupKey: string;
  subject: string;
  body: string;
  /** Ends the notice with this role's mailbox as the municipality's contact (§ 9-11 to NAV). */
  contactRole?: Role;
}

export type RoleNoticeOutcome = { status: 'sent' | 'queued' } | { status: 'no_recipient' };

export interface TenantNotice {
  caseId: string;
  dedupKey: string;
  /** From the application; a tenant without e-mail gets letters by post, which a task asks for. */
  email?: string;
  name: string;
  subject: string;
  body: string;
  /** With `contactRole`: ends the letter with that role's mailbox as the municipality's contact. */
  municipality?: string;
  contactRole?: Role;
}

/**
 * A notice to a role's team mailbox through the outbox: queued first (never lost), then sent when
 * SMTP is configured; otherwise the sweep sends it later. Notices name the case, never health details.
 */
export function createRoleNotificationActivities({ db, mailer, from }: { db: Database; mailer?: Mailer; from?: string }) {
  const outbox = createNotificationActivities({ db, mailer, from });
  return {
    async notifyRole(n: RoleNotice): Promise<RoleNoticeOutcome> {
      const [contact] = await db
        .select()
        .from(notificationContacts)
        .where(and(eq(notificationContacts.municipality, n.municipality), eq(notificationContacts.role, n.role)));
      if (!contact) return { status: 'no_recipient' };
      const contactLine = n.contactRole ? await contactOf(n.municipality, n.contactRole) : '';
      await outbox.enqueueNotification({
        dedupKey: n.dedupKey,
        caseId: n.caseId,
        recipientEmail: contact.email,
        recipientName: contact.name,
        subject: n.subject,
        bodyText: `${n.body}${contactLine}\n\nSe saken i Botrygg: ${n.caseId}`,
      });
      return deliver(n.dedupKey);
    },
    /** A letter to the tenant (reminder, settlement, warning): plain Norwegian, no health details. */
    async notifyTenant(n: TenantNotice): Promise<RoleNoticeOutcome> {
      if (!n.email) return { status: 'no_recipient' };
      const contactLine = n.contactRole && n.municipality ? await contactOf(n.municipality, n.contactRole) : '';
      await outbox.enqueueNotification({ dedupKey: n.dedupKey, caseId: n.caseId, recipientEmail: n.email, recipientName: n.name, subject: n.subject, bodyText: `Hei ${n.name},\n\n${n.body}${contactLine}\n\nVennlig hilsen\nBoligtjenesten` });
      return deliver(n.dedupKey);
    },
    /**
     * To the tenant of a case, for a workflow that does not hold the tenant's address (an incident):
     * the address and name are read from the case's read model. No address: the caller posts a letter.
     */
    async notifyCaseTenant(n: { caseId: string; dedupKey: string; subject: string; body: string }): Promise<RoleNoticeOutcome> {
      const [row] = await db.select({ snapshot: tenancies.snapshot, applicantName: tenancies.applicantName }).from(tenancies).where(eq(tenancies.caseId, n.caseId));
      const email = (row?.snapshot as { application?: { applicant?: { email?: string } } } | undefined)?.application?.applicant?.email;
      if (!row || !email) return { status: 'no_recipient' };
      await outbox.enqueueNotification({ dedupKey: n.dedupKey, caseId: n.caseId, recipientEmail: email, recipientName: row.applicantName, subject: n.subject, bodyText: `Hei ${row.applicantName},\n\n${n.body}\n\nVennlig hilsen\nBoligtjenesten` });
      return deliver(n.dedupKey);
    },
  };

  /** «Kontakt i kommunen: …» from the municipality's registered mailbox for the role. */
  async function contactOf(municipality: string, role: Role): Promise<string> {
    const [c] = await db
      .select()
      .from(notificationContacts)
      .where(and(eq(notificationContacts.municipality, municipality), eq(notificationContacts.role, role)));
    const label = ROLE_LABELS[role];
    return c ? `\nKontakt i kommunen: ${c.name ? `${c.name}, ` : ''}${label}, ${c.email}` : `\nKontakt i kommunen: ${label}`;
  }

  async function deliver(dedupKey: string): Promise<RoleNoticeOutcome> {
    if (!mailer) return { status: 'queued' };
    await outbox.sendNotification({ dedupKey });
    return { status: 'sent' };
  }
}

import { createHash, randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotificationActivities, type NotificationRequest } from '../../activities/notifications';
import type { DatabaseHandle } from '../../db/client';
import { notificationOutbox } from '../../db/schema-notifications';
import { createSmtpMailer, type Mailer } from '../../platform/mailer';
import { freePort } from '../../platform/free-port';
import { openTestDatabase } from '../helpers/database';
import { startSmtpServer, type ReceivedMail, type SmtpHarness } from '../helpers/smtp';

/** Computed here, not with the module's helper, so a wrong Message-ID fails the test. */
const expectedMessageId = (dedupKey: string) => `<${createHash('sha256').update(dedupKey).digest('hex')}@botrygg.local>`;

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Botrygg//NO',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:visit-1@botrygg.local',
  'DTSTART:20261203T090000Z',
  'DTEND:20261203T100000Z',
  'SUMMARY:Hjemmebesøk',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('notification outbox against a real SMTP server and PostgreSQL', () => {
  let database: DatabaseHandle;
  let smtp: SmtpHarness;
  let mailer: Mailer;
  const received: ReceivedMail[] = [];

  const activities = (m: Mailer = mailer) => createNotificationActivities({ db: database.db, mailer: m });
  const receivedFor = (dedupKey: string) => received.filter((r) => r.messageId === expectedMessageId(dedupKey));
  const rowFor = async (dedupKey: string) =>
    database.db.select().from(notificationOutbox).where(eq(notificationOutbox.dedupKey, dedupKey));
  const request = (over: Partial<NotificationRequest> = {}): NotificationRequest => ({
    dedupKey: `tenancy-${randomUUID()}#visit#2026-12`,
    caseId: 'TYN-2026-ABCDEF',
    recipientEmail: 'ingrid.bakken@example.no',
    recipientName: 'Ingrid Bakken',
    subject: `Hjemmebesøk 3. desember ${randomUUID()}`,
    bodyText: 'Hei Ingrid,\n\nvi kommer på hjemmebesøk torsdag 3. desember kl. 10.\n\nHilsen oppfølgingstjenesten',
    attachments: [{ filename: 'besok.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: ICS }],
    ...over,
  });

  beforeAll(async () => {
    database = await openTestDatabase();
    smtp = await startSmtpServer(received);
    mailer = createSmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'Botrygg <noreply@botrygg.local>' });
  });
  afterAll(async () => {
    await mailer?.close();
    await smtp?.stop();
    await database?.close();
  });

  it('stores one row per dedup key and delivers exactly one message with body, ICS and our Message-ID', async () => {
    const n = request();
    const { enqueueNotification, sendNotification } = activities();
    const first = await enqueueNotification(n);
    const second = await enqueueNotification({ ...n, subject: 'a retried enqueue must not change the row' });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const rows = await rowFor(n.dedupKey);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'pending', attempts: 0, subject: n.subject, messageId: expectedMessageId(n.dedupKey) });

    const sent = await sendNotification({ dedupKey: n.dedupKey });
    expect(sent).toEqual({ status: 'sent', alreadySent: false, messageId: expectedMessageId(n.dedupKey) });

    const mails = receivedFor(n.dedupKey);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.envelopeTo).toEqual(['ingrid.bakken@example.no']);
    expect(mail!.to).toEqual(['ingrid.bakken@example.no']);
    expect(mail!.subject).toBe(n.subject);
    expect(mail!.text?.trim()).toBe(n.bodyText);
    expect(mail!.attachments).toHaveLength(1);
    expect(mail!.attachments[0]).toMatchObject({ filename: 'besok.ics', contentType: 'text/calendar' });
    expect(mail!.attachments[0]!.content).toContain('SUMMARY:Hjemmebesøk');
    expect(mail!.attachments[0]!.content).toContain('DTSTART:20261203T090000Z');

    const [row] = await rowFor(n.dedupKey);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
  });

  it('does not send again when the send is retried after it succeeded', async () => {
    const n = request();
    const { enqueueNotification, sendNotification } = activities();
    await enqueueNotification(n);
    expect(await sendNotification({ dedupKey: n.dedupKey })).toMatchObject({ alreadySent: false });
    expect(await sendNotification({ dedupKey: n.dedupKey })).toMatchObject({ status: 'sent', alreadySent: true });
    expect(receivedFor(n.dedupKey)).toHaveLength(1);
    const [row] = await rowFor(n.dedupKey);
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('sends once when a workflow and the sweep send the same notification at the same moment', async () => {
    const n = request();
    const acts = activities();
    await acts.enqueueNotification(n);
    const [direct, sweep] = await Promise.all([acts.sendNotification({ dedupKey: n.dedupKey }), acts.sendPendingNotifications({ limit: 100 })]);
    expect(direct.status).toBe('sent');
    expect(sweep.errors).toBe(0);
    expect(receivedFor(n.dedupKey)).toHaveLength(1);
  });

  it('resends with the same Message-ID when the process died after the SMTP server accepted the message', async () => {
    const n = request();
    // The server has the message, but the worker "crashes" before it can record that.
    const crashingAfterSend: Mailer = {
      send: async (msg) => {
        await mailer.send(msg);
        throw new Error('worker lost before commit');
      },
      close: async () => {},
    };
    await activities().enqueueNotification(n);
    await expect(activities(crashingAfterSend).sendNotification({ dedupKey: n.dedupKey })).rejects.toThrow(/worker lost/);
    await activities().sendNotification({ dedupKey: n.dedupKey });
    const mails = receivedFor(n.dedupKey);
    // At-least-once: two deliveries, both carrying the one Message-ID a mail system deduplicates on.
    expect(mails).toHaveLength(2);
    expect(new Set(mails.map((m) => m.messageId))).toEqual(new Set([expectedMessageId(n.dedupKey)]));
    expect((await rowFor(n.dedupKey))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('keeps the notification pending while the SMTP server is down and delivers it once when it is back', async () => {
    const n = request();
    const { enqueueNotification, sendNotification, sendPendingNotifications } = activities();
    await enqueueNotification(n);
    const port = smtp.port;
    await smtp.stop();
    try {
      const err = await sendNotification({ dedupKey: n.dedupKey }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(Error);
      // A plain error: Temporal retries it.
      expect(err).not.toBeInstanceOf(ApplicationFailure);
      const [row] = await rowFor(n.dedupKey);
      expect(row).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
      expect(row!.lastError).toMatch(/ECONNREFUSED|ECONNECTION/);
      expect(receivedFor(n.dedupKey)).toHaveLength(0);

      // The sweep while still down: counted as an error, not lost.
      const down = await sendPendingNotifications({ limit: 1000 });
      expect(down.errors).toBeGreaterThanOrEqual(1);
      expect((await rowFor(n.dedupKey))[0]).toMatchObject({ status: 'pending', attempts: 2 });
    } finally {
      smtp = await startSmtpServer(received, port);
    }

    const up = await sendPendingNotifications({ limit: 1000 });
    expect(up.sent).toBeGreaterThanOrEqual(1);
    expect(receivedFor(n.dedupKey)).toHaveLength(1);
    const [row] = await rowFor(n.dedupKey);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null });

    // Nothing of ours left for the next sweep.
    await sendPendingNotifications({ limit: 1000 });
    expect(receivedFor(n.dedupKey)).toHaveLength(1);
  });

  it('fails an invalid recipient for good: non-retryable, status failed, nothing sent', async () => {
    const n = request({ recipientEmail: 'ingrid.bakken(at)example' });
    const { enqueueNotification, sendNotification, sendPendingNotifications } = activities();
    await enqueueNotification(n);
    const err = await sendNotification({ dedupKey: n.dedupKey }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect((err as ApplicationFailure).nonRetryable).toBe(true);
    expect((err as ApplicationFailure).type).toBe('InvalidNotificationRecipient');
    const [row] = await rowFor(n.dedupKey);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row!.lastError).toMatch(/Invalid recipient/);

    // The sweep leaves failed rows alone.
    await sendPendingNotifications({ limit: 1000 });
    expect((await rowFor(n.dedupKey))[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(receivedFor(n.dedupKey)).toHaveLength(0);
  });

  it('reports SMTP on a closed port as a retryable error', async () => {
    const n = request();
    const closed = createSmtpMailer({ host: '127.0.0.1', port: await freePort(), secure: false, from: 'noreply@botrygg.local' });
    await activities().enqueueNotification(n);
    await expect(activities(closed).sendNotification({ dedupKey: n.dedupKey })).rejects.toThrow();
    expect((await rowFor(n.dedupKey))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    // Leave nothing pending for the sweep tests above if the order changes.
    await activities().sendNotification({ dedupKey: n.dedupKey });
    expect(receivedFor(n.dedupKey)).toHaveLength(1);
    await closed.close();
  });
});

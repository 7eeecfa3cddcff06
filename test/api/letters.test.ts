import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditedCase } from '../../api/audit';
import { auditLog } from '../../db/schema';
import { notificationOutbox } from '../../db/schema-notifications';
import { assumedReceiptDate } from '../../domain/letters/dispatch';
import { osloDate } from '../../domain/calendar';
import { startApiHarness, type ApiHarness } from '../helpers/api';
import { application } from '../helpers/fixtures';
import { pdfLines } from '../helpers/pdf-text';

/** Issue 16, letters: made from the municipality's templates, as PDF, posted or e-mailed, followed to receipt. */
describe('API: letters', () => {
  let api: ApiHarness;
  const m = `brev-${randomUUID().slice(0, 6)}`;
  const T = { officer: `brev-officer-${m}`, office: `brev-office-${m}`, stranger: `brev-oppf-${m}` };
  const extraTokens = [`${T.officer}:kari.${m}:housing_officer:${m}`, `${T.office}:kontor.${m}:housing_office:${m}`, `${T.stranger}:ola.${m}:follow_up_worker:${m}`].join(',');
  const today = osloDate(Date.now());
  let caseId: string;
  const key = () => ({ 'Idempotency-Key': randomUUID() });
  const warning = { kind: 'eviction_warning', channel: 'registered_post', fields: { arrears: 1_830_050, arrearsPeriod: 'januar og februar', kid: '2934232601865499654', accountNumber: '1234.56.78903' } };
  const post = (path: string, body: unknown, headers: Record<string, string> = key(), token = T.officer) => api.request('POST', path, { token, body, headers });
  const pdf = async (path: string, token = T.officer) => {
    const res = await fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    api = await startApiHarness('api letters', { extraTokens });
    const { receivedDate: _r, ...form } = application({ municipality: m, housingOfficerId: `kari.${m}` });
    const created = await post('/api/tenancies', form);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    caseId = created.body.caseId;
    const profile = { municipalityName: 'Brevik kommune', headerLines: ['Boligtjenesten', 'Postboks 1, 9999 Brevik'], language: 'nb', appealBody: 'Statsforvalteren i Innlandet', receiptBusinessDays: 3 };
    expect((await api.request('PUT', `/api/municipalities/${m}/letter-profile`, { token: T.office, body: profile })).status).toBe(200);
  });
  afterAll(async () => api?.close());

  it('makes a § 4-18 warning from the case: once per key, a different body under the same key refused', async () => {
    const headers = key();
    const first = await post(`/api/tenancies/${caseId}/letters`, warning, headers);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ caseId, kind: 'eviction_warning', status: 'queued', channel: 'registered_post', language: 'nb', templateVersion: 0, date: today, receiptDate: null });
    const again = await post(`/api/tenancies/${caseId}/letters`, warning, headers);
    expect(again.status).toBe(200);
    expect(again.body.letterId).toBe(first.body.letterId);
    const other = await post(`/api/tenancies/${caseId}/letters`, { ...warning, channel: 'post' }, headers);
    expect(other.status).toBe(422);
    expect(other.body.error).toMatch(/idempotensnøkkelen er allerede brukt/);

    const file = await pdf(first.body.pdf);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/pdf');
    const lines = await pdfLines(file.bytes);
    expect(lines).toEqual(expect.arrayContaining(['Brevik kommune', `Saksnummer: ${caseId}`, 'Boligtjenesten', 'Ingrid Bakken', 'Varsel om begjæring om utkastelse', 'Side 1 av 1']));
    expect(lines.join(' ')).toContain('Du skylder 18 300,50 kr i husleie for januar og februar.');
  });

  it('refuses what cannot make a lawful letter, in plain bokmål, before anything is stored', async () => {
    const mailed = await post(`/api/tenancies/${caseId}/letters`, { ...warning, channel: 'email', recipientEmail: 'ingrid@example.no' });
    expect(mailed.status).toBe(422);
    expect(mailed.body.error).toMatch(/må sendes med post/);
    const missing = await post(`/api/tenancies/${caseId}/letters`, { ...warning, fields: { arrears: 100 } });
    expect(missing.status).toBe(422);
    expect(missing.body.error).toContain('Feltet «kid» (KID) mangler.');
    const unknown = await post(`/api/tenancies/${caseId}/letters`, { ...warning, urgent: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toContain('urgent');
    const list = await api.request('GET', `/api/tenancies/${caseId}/letters`, { token: T.officer });
    expect(list.body.letters).toHaveLength(1);
  });

  it('registered post: the print queue and batch, then dispatch with a tracking number gives the assumed receipt date', async () => {
    const queue = await api.request('GET', `/api/letters/print-queue?municipality=${m}`, { token: T.office });
    expect(queue.status).toBe(200);
    const [queued] = queue.body.letters;
    expect(queued).toMatchObject({ caseId, status: 'queued' });
    const batch = await pdf(`/api/letters/print-batch.pdf?municipality=${m}`, T.office);
    expect(batch.status).toBe(200);
    expect(await pdfLines(batch.bytes)).toContain(`Saksnummer: ${caseId}`);

    const path = `/api/tenancies/${caseId}/letters/${queued.letterId}/dispatch`;
    expect((await post(path, { sentDate: today })).status).toBe(422); // registered post needs its tracking number
    const headers = key();
    const sent = await post(path, { sentDate: today, trackingNumber: 'RR123456785NO' }, headers);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({ status: 'sent', sentDate: today, trackingNumber: 'RR123456785NO', receiptDate: assumedReceiptDate(today, 3) });
    // The § 4-18 letter is told to the case's rent ladder; this case has no ladder warning, and says so in its own words.
    expect(sent.body.caseUpdate).toBe('Det er ikke sendt noe varsel etter § 4-18 i denne restansesaken.');
    expect((await post(path, { sentDate: today, trackingNumber: 'RR123456785NO' }, headers)).status).toBe(200);
    expect((await post(path, { sentDate: today, trackingNumber: 'RR123456785NO' })).status).toBe(409);
    expect((await api.request('GET', `/api/letters/print-queue?municipality=${m}`, { token: T.office })).body.letters).toEqual([]);

    // Delivery recorded: the law's deadlines now run from the real receipt.
    const delivered = await post(`/api/tenancies/${caseId}/letters/${queued.letterId}/delivery`, { outcome: 'delivered', date: today });
    expect(delivered.body).toMatchObject({ status: 'delivered', deliveredDate: today, receiptDate: today });
    expect(delivered.body.caseUpdate).toBe('Det er ikke sendt noe varsel etter § 4-18 i denne restansesaken.');
  });

  it('e-mail says only that a letter is ready: no name, no content, no attachment', async () => {
    const res = await post(`/api/tenancies/${caseId}/letters`, { kind: 'neighbour_complaint', channel: 'email', recipientEmail: 'ingrid@example.no', fields: { complaintDate: today, summary: 'Høy musikk om natta' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [mail] = await api.database.db.select().from(notificationOutbox).where(eq(notificationOutbox.dedupKey, `letter-${res.body.letterId}#ready`));
    expect(mail).toMatchObject({ caseId, recipientEmail: 'ingrid@example.no', subject: 'Du har fått brev fra Brevik kommune', attachments: [], status: 'pending' });
    expect(mail!.bodyText).not.toMatch(/Ingrid|musikk|klage/i);
    // The outbox sent it (as the sweep would): the case's list shows the letter as sent.
    await api.database.db.update(notificationOutbox).set({ status: 'sent', sentAt: new Date() }).where(eq(notificationOutbox.id, mail!.id));
    const list = await api.request('GET', `/api/tenancies/${caseId}/letters`, { token: T.officer });
    expect(list.body.letters.find((l: { letterId: string }) => l.letterId === res.body.letterId)).toMatchObject({ status: 'sent', sentDate: today, receiptDate: null });
  });

  it('a returned letter becomes a task for the housing officer; sending it again closes the task', async () => {
    const meeting = { kind: 'three_party_meeting', channel: 'post', fields: { meetingDate: today, meetingTime: '10:00', location: 'Rådhuset', purpose: 'Husleia' } };
    const first = (await post(`/api/tenancies/${caseId}/letters`, meeting)).body;
    expect((await post(`/api/tenancies/${caseId}/letters/${first.letterId}/delivery`, { outcome: 'returned', date: today, reason: 'Ukjent adresse' })).status).toBe(409); // not sent yet
    expect((await post(`/api/tenancies/${caseId}/letters/${first.letterId}/dispatch`, { sentDate: today })).status).toBe(200);
    expect((await post(`/api/tenancies/${caseId}/letters/${first.letterId}/delivery`, { outcome: 'returned', date: today })).status).toBe(400); // a return needs its reason
    const returned = await post(`/api/tenancies/${caseId}/letters/${first.letterId}/delivery`, { outcome: 'returned', date: today, reason: 'Ukjent adresse' });
    expect(returned.body).toMatchObject({ status: 'returned', returnedDate: today, receiptDate: null });
    const tasks = async () => (await api.request('GET', '/api/tasks?role=housing_officer', { token: T.officer })).body.tasks.filter((t: { kind: string }) => t.kind === 'letter_returned');
    expect(await tasks()).toEqual([expect.objectContaining({ caseId, assigneeId: `kari.${m}`, title: expect.stringContaining('Brev i retur: Innkalling til trepartsmøte') })]);

    const second = (await post(`/api/tenancies/${caseId}/letters`, meeting)).body;
    expect((await post(`/api/tenancies/${caseId}/letters/${second.letterId}/dispatch`, { sentDate: today })).status).toBe(200);
    expect(await tasks()).toEqual([]);
    const statuses = (await api.request('GET', `/api/tenancies/${caseId}/letters`, { token: T.officer })).body.letters.map((l: { status: string }) => l.status);
    expect(statuses).toEqual(['delivered', 'sent', 'returned', 'sent']);
  });

  it('a municipality that writes nynorsk publishes its own template version; new letters use it', async () => {
    const template = { kind: 'neighbour_complaint', language: 'nn', title: 'Klage frå naboar', paragraphs: ['Hei {{recipient}}.', 'Klaga gjeld: {{summary}}', 'Saka di har nummer {{caseId}}.'] };
    expect((await api.request('POST', `/api/municipalities/${m}/letter-templates`, { token: T.office, body: { ...template, paragraphs: ['{{arrears}}'] } })).status).toBe(422);
    const published = await api.request('POST', `/api/municipalities/${m}/letter-templates`, { token: T.office, body: template });
    expect(published.body).toMatchObject({ version: 1 });
    const profile = { municipalityName: 'Brevik kommune', headerLines: [], language: 'nn', appealBody: 'Statsforvaltaren', receiptBusinessDays: 2 };
    expect((await api.request('PUT', `/api/municipalities/${m}/letter-profile`, { token: T.office, body: profile })).status).toBe(200);
    const letter = await post(`/api/tenancies/${caseId}/letters`, { kind: 'neighbour_complaint', channel: 'post', fields: { complaintDate: today, summary: 'Bråk i oppgangen' } });
    expect(letter.body).toMatchObject({ language: 'nn', templateVersion: 1, title: 'Klage frå naboar' });
    const newLines = await pdfLines((await pdf(letter.body.pdf)).bytes);
    expect(newLines).toContain(`Saka di har nummer ${caseId}.`);
    expect(newLines).not.toContain('Postboks 1, 9999 Brevik');
    // The first letter keeps the letterhead it was made with: a new profile does not rewrite old letters.
    const [oldest] = (await api.request('GET', `/api/tenancies/${caseId}/letters`, { token: T.officer })).body.letters;
    expect(await pdfLines((await pdf(oldest.pdf)).bytes)).toContain('Postboks 1, 9999 Brevik');
  });

  it('need-to-know: a follow-up worker not on the case is refused, and reads, writes and refusals are on the audit log', async () => {
    expect((await api.request('GET', `/api/tenancies/${caseId}/letters`, { token: T.stranger })).status).toBe(403);
    const rows = await api.database.db.select().from(auditLog).where(and(auditedCase(caseId)));
    const seen = new Set(rows.map((r) => `${r.action} ${r.route}`));
    for (const expected of [
      'write POST /api/tenancies/:caseId/letters',
      'read GET /api/tenancies/:caseId/letters/:letterId/pdf',
      'write POST /api/tenancies/:caseId/letters/:letterId/dispatch',
      'read GET /api/letters/print-batch.pdf',
      'denied GET /api/tenancies/:caseId/letters',
    ])
      expect(seen, expected).toContain(expected);
  });
});

import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';
import { createNotificationActivities } from '../../activities/notifications';
import type { Database } from '../../db/client';
import { currentLetterTemplate, letterView, loadLetterProfile, type LetterRow } from '../../db/letter-store';
import { caseTasks } from '../../db/schema';
import { notificationOutbox } from '../../db/schema-notifications';
import { letterActions, letters } from '../../db/schema-letters';
import { addBusinessDays, osloDate } from '../../domain/calendar';
import { assumedReceiptDate, canRecord, type LetterChannel } from '../../domain/letters/dispatch';
import { fillLetter, LetterFillError } from '../../domain/letters/fill';
import { LETTER_KIND_LABELS, type LetterKind } from '../../domain/letters/kinds';
import { LetterDeliveryInput, LetterDispatchInput, LetterView, NewLetterInput } from '../../domain/schemas/letters';
import { renderLetterPdf } from '../../platform/letter-pdf';
import { audit } from '../audit';
import { CaseParams, IdempotencyHeaders, loadAccessibleCase, type CaseRow } from '../case-access';
import { canonicalHash } from '../canonical-hash';
import { HttpError } from '../errors';
import type { ApiRoutes } from '../routes';
import { caseActionUpdate } from '../../workflows/messages';

const LetterParams = CaseParams.extend({ letterId: z.string().regex(/^L-[0-9a-f]{12}$/, 'må være et brev-ID som L-0123456789ab') });
const WRITERS = ['housing_officer', 'housing_office', 'follow_up_worker'] as const;
const CLERKS = ['housing_officer', 'housing_office'] as const;
const KEY_REUSED = 'Denne idempotensnøkkelen er allerede brukt for en annen innsending. Lag en ny nøkkel for et nytt skjema.';

/**
 * Letters whose legal deadline runs from the tenant's receipt: an e-mail saying a letter is ready
 * proves no receipt, so these go by post (or, later, digital post with a receipt).
 */
const POST_ONLY: readonly LetterKind[] = ['eviction_warning', 'landlord_notice', 'decision'];

/**
 * The e-mail carries no personal details (README: mails carry links, not content): it says that a
 * letter is ready and where to get it. The PDF is never attached: it names the tenant, the arrears or
 * the complaint, and e-mail is neither encrypted to the recipient nor proof of who read it.
 */
function readyMail(municipalityName: string) {
  return {
    subject: `Du har fått brev fra ${municipalityName}`,
    bodyText: [
      `Hei. ${municipalityName} har sendt deg et brev.`,
      'Av hensyn til personvernet står ikke innholdet i denne e-posten.',
      'Kontakt boligtjenesten eller kontaktpersonen din for å få brevet, eller les det når du logger inn med ID-porten der kommunen har digital post.',
      'Denne e-posten kan ikke besvares.',
    ].join('\n\n'),
  };
}

async function findLetter(db: Database, caseId: string, letterId: string): Promise<LetterRow> {
  const [row] = await db.select().from(letters).where(and(eq(letters.caseId, caseId), eq(letters.letterId, letterId)));
  if (!row) throw new HttpError(404, 'Fant ikke brevet.');
  return row;
}

/** E-mailed letters move to `sent` when the outbox has sent the mail; read before listing. */
async function syncMailed(db: Database, caseId: string): Promise<void> {
  const waiting = await db.select().from(letters).where(and(eq(letters.caseId, caseId), eq(letters.channel, 'email'), eq(letters.status, 'queued')));
  if (!waiting.length) return;
  const sent = await db
    .select({ dedupKey: notificationOutbox.dedupKey, sentAt: notificationOutbox.sentAt })
    .from(notificationOutbox)
    .where(and(inArray(notificationOutbox.dedupKey, waiting.map((l) => mailKey(l.letterId))), eq(notificationOutbox.status, 'sent')));
  for (const s of sent) {
    const letterId = s.dedupKey.slice('letter-'.length, -'#ready'.length);
    await db
      .update(letters)
      .set({ status: 'sent', sentDate: osloDate((s.sentAt ?? new Date()).getTime()) })
      .where(and(eq(letters.letterId, letterId), eq(letters.status, 'queued')));
  }
}

const mailKey = (letterId: string) => `letter-${letterId}#ready`;
const returnTaskSource = (letterId: string) => `letter:${letterId}`;

/**
 * Records a clerk's action once per idempotency key, under a row lock on the letter so two clerks
 * cannot both dispatch it. A resend with the same content returns the letter as it is now.
 */
async function recordOnce(
  db: Database,
  key: string,
  letter: LetterRow,
  kind: string,
  body: unknown,
  apply: (tx: Parameters<Parameters<Database['transaction']>[0]>[0], current: LetterRow) => Promise<void>,
): Promise<{ resent: boolean }> {
  const requestHash = canonicalHash({ kind, letterId: letter.letterId, body });
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(letters).where(eq(letters.letterId, letter.letterId)).for('update');
    const inserted = await tx.insert(letterActions).values({ idempotencyKey: key, letterId: letter.letterId, kind, requestHash }).onConflictDoNothing().returning();
    if (!inserted.length) {
      const [first] = await tx.select().from(letterActions).where(eq(letterActions.idempotencyKey, key));
      if (first?.requestHash !== requestHash) throw new HttpError(422, KEY_REUSED);
      return { resent: true };
    }
    await apply(tx, current!);
    return { resent: false };
  });
}

/** A case's letters: made from the municipality's templates, rendered to PDF, dispatched and followed to receipt. */
export function registerLetterRoutes(routes: ApiRoutes, { db, temporal }: { db: Database; temporal: Client }): void {
  const outbox = createNotificationActivities({ db });

  routes.add(
    {
      method: 'post',
      path: '/api/tenancies/:caseId/letters',
      summary: 'Lag et brev fra kommunens mal, fylt ut fra saken, og legg det i kø for e-post eller utskrift',
      tag: 'Brev',
      roles: [...WRITERS],
      params: CaseParams,
      headers: IdempotencyHeaders,
      body: NewLetterInput,
      responses: {
        201: { description: 'Brevet er laget og ligger i kø', schema: LetterView },
        200: { description: 'Samme innsending som før: brevet som ble laget da', schema: LetterView },
        422: { description: 'Feltene passer ikke brevtypen, eller nøkkelen er brukt for noe annet' },
      },
    },
    async ({ req, actor, params, headers, body }) => {
      const row = await loadAccessibleCase(db, req, actor, params.caseId);
      const key = headers['Idempotency-Key'];
      const requestHash = canonicalHash({ caseId: row.caseId, ...body });
      const [earlier] = await db.select().from(letters).where(eq(letters.idempotencyKey, key));
      if (earlier) {
        if (earlier.requestHash !== requestHash) throw new HttpError(422, KEY_REUSED);
        // The first request may have stopped between storing the letter and queueing its mail.
        if (earlier.channel === 'email') await queueReadyMail(earlier);
        await audit(db, req, 'read', row.caseId, 200);
        return { status: 200, body: letterView(earlier) };
      }
      if (body.channel === 'email' && POST_ONLY.includes(body.kind)) {
        throw new HttpError(422, `${LETTER_KIND_LABELS[body.kind]} må sendes med post: fristene regnes fra når brevet er mottatt, og en e-post beviser ikke det.`);
      }
      const created = await createLetter(row, actor.id, key, requestHash, body);
      await audit(db, req, 'write', row.caseId, 201);
      return { status: 201, body: letterView(created) };
    },
  );

  async function createLetter(row: CaseRow, actorId: string, key: string, requestHash: string, body: z.output<typeof NewLetterInput>): Promise<LetterRow> {
    const profile = await loadLetterProfile(db, row.municipality);
    const template = await currentLetterTemplate(db, row.municipality, body.kind, profile.language);
    let content;
    try {
      content = fillLetter(
        template,
        { recipient: row.applicantName, caseId: row.caseId, date: osloDate(Date.now()), municipality: profile.municipalityName, appealBody: profile.appealBody },
        body.fields,
      );
    } catch (e) {
      if (e instanceof LetterFillError) throw new HttpError(422, e.problems.join(' '), e.problems.map((message) => ({ field: 'fields', message })));
      throw e;
    }
    const letterId = `L-${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const [inserted] = await db
      .insert(letters)
      .values({ letterId, caseId: row.caseId, municipality: row.municipality, kind: body.kind, channel: body.channel, content, header: { municipalityName: profile.municipalityName, lines: profile.headerLines }, recipientEmail: body.recipientEmail ?? null, idempotencyKey: key, requestHash, createdBy: actorId })
      .onConflictDoNothing({ target: letters.idempotencyKey })
      .returning();
    if (!inserted) {
      // The same key sent twice at once: the other request stored it first.
      const [other] = await db.select().from(letters).where(eq(letters.idempotencyKey, key));
      if (other?.requestHash !== requestHash) throw new HttpError(422, KEY_REUSED);
      return other;
    }
    if (body.channel === 'email') await queueReadyMail(inserted);
    return inserted;
  }

  /** Idempotent by the letter's dedup key: queued once however often it is asked for. */
  async function queueReadyMail(letter: LetterRow): Promise<void> {
    await outbox.enqueueNotification({ dedupKey: mailKey(letter.letterId), caseId: letter.caseId, recipientEmail: letter.recipientEmail!, ...readyMail(letter.header.municipalityName) });
  }

  routes.add(
    {
      method: 'get',
      path: '/api/tenancies/:caseId/letters',
      summary: 'Sakens brev med status (i kø, sendt, mottatt, i retur) og datoen fristene regnes fra',
      tag: 'Brev',
      roles: [...WRITERS],
      params: CaseParams,
      responses: { 200: { description: 'Eldste først', schema: z.object({ letters: z.array(LetterView) }) } },
    },
    async ({ req, actor, params }) => {
      const row = await loadAccessibleCase(db, req, actor, params.caseId);
      await syncMailed(db, row.caseId);
      const rows = await db.select().from(letters).where(eq(letters.caseId, row.caseId)).orderBy(asc(letters.createdAt), asc(letters.letterId));
      await audit(db, req, 'read', row.caseId, 200);
      return { status: 200, body: { letters: rows.map(letterView) } };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/tenancies/:caseId/letters/:letterId/pdf',
      summary: 'Brevet som PDF (bak innlogging)',
      tag: 'Brev',
      roles: [...WRITERS],
      params: LetterParams,
      responses: { 200: { description: 'PDF', contentType: 'application/pdf', schema: z.string() } },
    },
    async ({ req, actor, params }) => {
      const row = await loadAccessibleCase(db, req, actor, params.caseId);
      const letter = await findLetter(db, row.caseId, params.letterId);
      const pdf = await renderLetterPdf(letter.header, letter.content);
      await audit(db, req, 'read', row.caseId, 200);
      return { status: 200, body: pdf, contentType: 'application/pdf', headers: { 'Content-Disposition': `inline; filename="${letter.letterId}.pdf"` } };
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/tenancies/:caseId/letters/:letterId/dispatch',
      summary: 'Registrer at brevet er postet (rekommandert: med sporingsnummer); mottaksdatoen regnes ut',
      tag: 'Brev',
      roles: [...CLERKS],
      params: LetterParams,
      headers: IdempotencyHeaders,
      body: LetterDispatchInput,
      responses: { 200: { description: 'Brevet er sendt', schema: LetterView }, 409: { description: 'Brevet er allerede sendt, eller sendes med e-post' } },
    },
    async ({ req, actor, params, headers, body }) => {
      const row = await loadAccessibleCase(db, req, actor, params.caseId);
      const letter = await findLetter(db, row.caseId, params.letterId);
      const channel: LetterChannel = letter.channel;
      if (channel === 'registered_post' && !body.trackingNumber) throw new HttpError(422, 'Rekommandert brev må ha sporingsnummer.');
      if (channel !== 'registered_post' && body.trackingNumber) throw new HttpError(422, 'Sporingsnummer hører bare til rekommanderte brev.');
      const profile = await loadLetterProfile(db, row.municipality);
      await recordOnce(db, headers['Idempotency-Key'], letter, 'dispatch', body, async (tx, current) => {
        if (channel === 'email') throw new HttpError(409, 'Brev på e-post sendes av utboksen, ikke av saksbehandler.');
        if (!canRecord(current.status, 'dispatch')) throw new HttpError(409, 'Brevet er allerede registrert som sendt.');
        await tx
          .update(letters)
          .set({ status: 'sent', sentDate: body.sentDate, trackingNumber: body.trackingNumber ?? null, receiptDate: assumedReceiptDate(body.sentDate, profile.receiptBusinessDays) })
          .where(eq(letters.letterId, letter.letterId));
        // A letter sent again after one came back closes the task the returned one opened.
        const returned = await tx.select({ letterId: letters.letterId }).from(letters).where(and(eq(letters.caseId, row.caseId), eq(letters.kind, letter.kind), eq(letters.status, 'returned')));
        if (returned.length) await tx.delete(caseTasks).where(and(eq(caseTasks.caseId, row.caseId), inArray(caseTasks.source, returned.map((r) => returnTaskSource(r.letterId)))));
      });
      await audit(db, req, 'write', row.caseId, 200);
      const sent = await findLetter(db, row.caseId, letter.letterId);
      const caseUpdate = letter.kind === 'eviction_warning' ? await tellRentLadder(row, actor, sent, 'posted') : undefined;
      return { status: 200, body: { ...letterView(sent), ...(caseUpdate ? { caseUpdate } : {}) } };
    },
  );

  /**
   * The rent ladder counts the § 4-18 wait from the posted letter's receipt. Told after the dispatch
   * is committed, with an update ID derived from the letter, so the clerk's resend (same key) tells
   * it again and the case applies it once. A case that refuses (no ladder warning: a letter made by
   * hand) answers in its own words; a case that cannot be reached is a 503 with the way out.
   */
  async function tellRentLadder(row: CaseRow, actor: Parameters<typeof loadAccessibleCase>[2], letter: LetterRow, event: 'posted' | 'delivered'): Promise<string> {
    const updateId = `letter:${letter.letterId}:${event}`;
    const payload = { type: 'recordWarningLetterPosted' as const, letterId: letter.letterId, sentDate: letter.sentDate!, receiptDate: letter.receiptDate! };
    try {
      const result = await temporal.workflow.getHandle(row.workflowId).executeUpdate(caseActionUpdate, { args: [{ idempotencyKey: updateId, actor, payload }], updateId });
      return result.message;
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) return err.cause.message;
      throw new HttpError(503, 'Brevet er registrert som sendt, men saken kunne ikke oppdateres nå. Send den samme registreringen på nytt om litt.');
    }
  }

  routes.add(
    {
      method: 'post',
      path: '/api/tenancies/:caseId/letters/:letterId/delivery',
      summary: 'Registrer at brevet er mottatt (dato), eller kom i retur (blir en oppgave)',
      tag: 'Brev',
      roles: [...CLERKS],
      params: LetterParams,
      headers: IdempotencyHeaders,
      body: LetterDeliveryInput,
      responses: { 200: { description: 'Registrert', schema: LetterView }, 409: { description: 'Brevet er ikke sendt, eller utfallet er registrert før' } },
    },
    async ({ req, actor, params, headers, body }) => {
      const row = await loadAccessibleCase(db, req, actor, params.caseId);
      const letter = await findLetter(db, row.caseId, params.letterId);
      await recordOnce(db, headers['Idempotency-Key'], letter, 'delivery', body, async (tx, current) => {
        if (!canRecord(current.status, body.outcome)) throw new HttpError(409, 'Brevet må være registrert som sendt, og utfallet kan bare registreres én gang.');
        if (current.sentDate && body.date < current.sentDate) throw new HttpError(422, 'Datoen kan ikke være før brevet ble sendt.');
        if (body.outcome === 'delivered') {
          // A recorded delivery replaces the assumption: the law's deadlines run from the real receipt.
          await tx.update(letters).set({ status: 'delivered', deliveredDate: body.date, receiptDate: body.date }).where(eq(letters.letterId, letter.letterId));
          return;
        }
        await tx.update(letters).set({ status: 'returned', returnedDate: body.date, returnReason: body.reason ?? null, receiptDate: null }).where(eq(letters.letterId, letter.letterId));
        await tx
          .insert(caseTasks)
          .values({
            caseId: row.caseId,
            taskId: `letter-returned-${letter.letterId}`,
            source: returnTaskSource(letter.letterId),
            municipality: row.municipality,
            kind: 'letter_returned',
            title: `Brev i retur: ${LETTER_KIND_LABELS[letter.content.kind]}. Finn riktig adresse og send på nytt.`,
            role: 'housing_officer',
            assigneeId: row.housingOfficerId,
            dueDate: addBusinessDays(osloDate(Date.now()), 2),
          })
          .onConflictDoNothing();
      });
      await audit(db, req, 'write', row.caseId, 200);
      const recorded = await findLetter(db, row.caseId, letter.letterId);
      // A registered letter collected late is received late: the ladder's wait moves with it (never earlier).
      const caseUpdate = letter.kind === 'eviction_warning' && body.outcome === 'delivered' ? await tellRentLadder(row, actor, recorded, 'delivered') : undefined;
      return { status: 200, body: { ...letterView(recorded), ...(caseUpdate ? { caseUpdate } : {}) } };
    },
  );
}


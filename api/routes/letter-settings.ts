import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { currentLetterTemplate, letterView, loadLetterProfile } from '../../db/letter-store';
import { letterProfiles, letters, letterTemplates } from '../../db/schema-letters';
import { osloDate } from '../../domain/calendar';
import { unknownPlaceholders } from '../../domain/letters/fill';
import { LETTER_KINDS, LETTER_LANGUAGES } from '../../domain/letters/kinds';
import { municipalityCode } from '../../domain/schemas/common';
import { LetterProfileInput, LetterTemplateInput, LetterView } from '../../domain/schemas/letters';
import { renderBatchPdf } from '../../platform/letter-pdf';
import { auditCases } from '../audit';
import { worksIn } from '../auth';
import { HttpError } from '../errors';
import type { ApiRoutes } from '../routes';

const Params = z.object({ municipality: municipalityCode });
const QueueQuery = z.object({ municipality: municipalityCode }).strict();
const LETTER_STAFF = ['housing_office', 'housing_officer'] as const;

function mustWorkIn(actor: Parameters<typeof worksIn>[0], municipality: string): void {
  if (!worksIn(actor, municipality)) throw new HttpError(403, 'Du har ikke tilgang til denne kommunen.');
}

/** The letters waiting for the print service: posted and registered letters not yet recorded as sent. */
async function printQueue(db: Database, municipality: string) {
  return db
    .select()
    .from(letters)
    .where(and(eq(letters.municipality, municipality), eq(letters.status, 'queued'), inArray(letters.channel, ['post', 'registered_post'])))
    .orderBy(asc(letters.createdAt), asc(letters.letterId))
    .limit(500);
}

/** A municipality's letterhead, language and templates; the print service's work list and batch. */
export function registerLetterSettingsRoutes(routes: ApiRoutes, { db }: { db: Database }): void {
  routes.add(
    {
      method: 'get',
      path: '/api/municipalities/:municipality/letter-profile',
      summary: 'Brevhode, målform og klageinstans for kommunens brev',
      tag: 'Brev',
      roles: [...LETTER_STAFF],
      params: Params,
      responses: { 200: { description: 'Brevprofilen', schema: LetterProfileInput } },
    },
    async ({ actor, params }) => {
      mustWorkIn(actor, params.municipality);
      return { status: 200, body: await loadLetterProfile(db, params.municipality) };
    },
  );

  routes.add(
    {
      method: 'put',
      path: '/api/municipalities/:municipality/letter-profile',
      summary: 'Lagre brevhode, målform (bokmål eller nynorsk), klageinstans og antall virkedager til et brev regnes som mottatt',
      tag: 'Brev',
      roles: ['housing_office'],
      params: Params,
      body: LetterProfileInput,
      responses: { 200: { description: 'Lagret', schema: LetterProfileInput } },
    },
    async ({ actor, params, body }) => {
      mustWorkIn(actor, params.municipality);
      // A profile saved without an account number clears the old one: the profile is replaced whole.
      const values = { ...body, rentAccountNumber: body.rentAccountNumber ?? null, municipality: params.municipality, updatedBy: actor.id, updatedAt: new Date() };
      await db.insert(letterProfiles).values(values).onConflictDoUpdate({ target: letterProfiles.municipality, set: values });
      return { status: 200, body };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/municipalities/:municipality/letter-templates',
      summary: 'Brevmalene som gjelder nå, i kommunens målform',
      tag: 'Brev',
      roles: [...LETTER_STAFF],
      params: Params,
      query: z.object({ language: z.enum(LETTER_LANGUAGES).optional() }).strict(),
      responses: { 200: { description: 'Én mal per brevtype', schema: z.object({ templates: z.array(z.record(z.string(), z.unknown())) }) } },
    },
    async ({ actor, params, query }) => {
      mustWorkIn(actor, params.municipality);
      const language = query.language ?? (await loadLetterProfile(db, params.municipality)).language;
      const templates = await Promise.all(LETTER_KINDS.map((kind) => currentLetterTemplate(db, params.municipality, kind, language)));
      return { status: 200, body: { templates } };
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/municipalities/:municipality/letter-templates',
      summary: 'Publiser en ny versjon av en brevmal (brev som alt er laget, beholder sin versjon)',
      tag: 'Brev',
      roles: ['housing_office'],
      params: Params,
      body: LetterTemplateInput,
      responses: {
        201: { description: 'Ny versjon publisert', schema: z.record(z.string(), z.unknown()) },
        422: { description: 'Malen bruker felt brevtypen ikke har' },
      },
    },
    async ({ actor, params, body }) => {
      mustWorkIn(actor, params.municipality);
      const current = await currentLetterTemplate(db, params.municipality, body.kind, body.language);
      const template = { ...body, version: current.version + 1 };
      const unknown = unknownPlaceholders(template);
      if (unknown.length) throw new HttpError(422, `Malen bruker felt som ikke finnes for denne brevtypen: ${unknown.map((n) => `«${n}»`).join(', ')}.`);
      const inserted = await db
        .insert(letterTemplates)
        .values({ municipality: params.municipality, ...template, createdBy: actor.id })
        .onConflictDoNothing()
        .returning();
      if (!inserted.length) throw new HttpError(409, 'Noen publiserte en ny versjon samtidig. Last malen på nytt og prøv igjen.');
      return { status: 201, body: template };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/letters/print-queue',
      summary: 'Arbeidsliste: brev som venter på utskrift og posting',
      tag: 'Brev',
      roles: [...LETTER_STAFF],
      query: QueueQuery,
      responses: { 200: { description: 'Eldste først', schema: z.object({ letters: z.array(LetterView) }) } },
    },
    async ({ req, actor, query }) => {
      mustWorkIn(actor, query.municipality);
      const rows = await printQueue(db, query.municipality);
      await auditCases(db, req, 'read', rows.map((r) => r.caseId), 200);
      return { status: 200, body: { letters: rows.map(letterView) } };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/letters/print-batch.pdf',
      summary: 'Alle brev som venter på utskrift, som én PDF til kommunens trykkeri (hvert brev fra ny side)',
      tag: 'Brev',
      roles: [...LETTER_STAFF],
      query: QueueQuery,
      responses: { 200: { description: 'PDF', contentType: 'application/pdf', schema: z.string() }, 404: { description: 'Ingen brev venter' } },
    },
    async ({ req, actor, query }) => {
      mustWorkIn(actor, query.municipality);
      const rows = await printQueue(db, query.municipality);
      if (!rows.length) throw new HttpError(404, 'Ingen brev venter på utskrift.');
      const today = osloDate(Date.now());
      const pdf = await renderBatchPdf(rows.map((r) => ({ header: r.header, letter: r.content })), today);
      // Every letter in the batch is personal data read out of the system.
      await auditCases(db, req, 'read', rows.map((r) => r.caseId), 200);
      return {
        status: 200,
        body: pdf,
        contentType: 'application/pdf',
        headers: { 'Content-Disposition': `attachment; filename="brev-${query.municipality}-${today}.pdf"` },
      };
    },
  );
}

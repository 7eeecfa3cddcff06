import type { Client } from '@temporalio/client';
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { caseEvents, tenancies } from '../../db/schema';
import { ApplicationInput } from '../../domain/schemas/application';
import { tenancyWorkflowId } from '../../domain/ids';
import { AgreementTerms, CaseActionPayload } from '../../domain/schemas/case-actions';
import { currentTemplate } from './agreement-templates';
import { findDwelling } from '../../db/dwelling-store';
import { PHASES } from '../../domain/tenancy/state';
import type { TenancyView } from '../../domain/tenancy/view';
import type { Logger } from '../../platform/logger';
import { caseActionUpdate, tenancyStateQuery } from '../../workflows/messages';
import { audit, auditCases } from '../audit';
import { hasRole, worksIn } from '../auth';
import { CaseParams, IdempotencyHeaders, loadAccessibleCase } from '../case-access';
import { HttpError } from '../errors';
import type { ApiRoutes } from '../routes';
import { receiveApplication, type IntakeDeps } from '../tenancy-intake';

export interface TenancyRouteDeps extends IntakeDeps {
  db: Database;
  temporal: Client;
  logger: Logger;
}


const CaseCreated = z.object({
  caseId: z.string(),
  workflowId: z.string(),
  status: z.enum(['started', 'existing', 'pending']),
  message: z.string(),
});

const TimelineEntry = z.object({ at: z.string(), kind: z.string(), actorId: z.string().nullable(), summary: z.string() });
const CaseRecord = z.object({
  caseId: z.string(),
  municipality: z.string(),
  phase: z.string(),
  status: z.string(),
  applicantName: z.string(),
  housingOfficerId: z.string().nullable(),
  followUpWorkerId: z.string().nullable(),
  nextDeadline: z.string().nullable(),
  closedReason: z.string().nullable(),
  stateVersion: z.int(),
  updatedAt: z.string(),
  /** Threats or weapons were reported: whoever visits sees this before going, on lists too. */
  caution: z.boolean().meta({ description: 'Forsiktighet: trusler eller våpen er meldt i saken' }),
});
const CaseResponse = z.object({
  case: CaseRecord,
  live: z.record(z.string(), z.unknown()).nullable().meta({ description: 'Arbeidsflytens tilstand akkurat nå (null hvis den ikke svarer)' }),
  liveError: z.string().optional(),
  timeline: z.array(TimelineEntry),
});

/** Over HTTP a dwelling is offered by its ID in the register; the workflow receives the full record. */
const OfferById = z.strictObject({ type: z.literal('offerDwelling'), dwellingId: z.string().trim().min(1).max(60) });
/** The agreement template is the municipality's current version, attached by the API, never the client's. */
const CreateAgreementHttp = z.strictObject({ type: z.literal('createAgreement'), terms: AgreementTerms });
const HttpCaseAction = z.discriminatedUnion('type', [
  OfferById,
  CreateAgreementHttp,
  ...CaseActionPayload.options.filter((o) => o.shape.type.value !== 'offerDwelling' && o.shape.type.value !== 'createAgreement'),
]);

const CREATED_MESSAGES = {
  started: 'Søknaden er registrert og saken er opprettet.',
  existing: 'Søknaden var allerede mottatt. Dette er den samme saken.',
  pending: 'Søknaden er mottatt og lagret. Saken opprettes så snart systemet er tilgjengelig igjen.',
} as const;

function publicRecord(row: typeof tenancies.$inferSelect): z.infer<typeof CaseRecord> {
  const { snapshot, workflowId: _w, createdAt: _c, updatedAt, ...rest } = row;
  return { ...rest, updatedAt: updatedAt.toISOString(), caution: !!(snapshot as Partial<TenancyView> | null)?.cautionFlag };
}

export function registerTenancyRoutes(routes: ApiRoutes, deps: TenancyRouteDeps): void {
  const { db, temporal } = deps;

  routes.add(
    {
      method: 'post',
      path: '/api/tenancies',
      summary: 'Registrer en søknad om kommunal bolig (starter saken)',
      tag: 'Saker',
      roles: ['housing_officer', 'intake'],
      headers: IdempotencyHeaders,
      body: ApplicationInput,
      responses: {
        201: { description: 'Saken er opprettet', schema: CaseCreated },
        200: { description: 'Samme innsending igjen: den samme saken', schema: CaseCreated },
        202: { description: 'Lagret; saken startes når systemet svarer', schema: CaseCreated },
        422: { description: 'Idempotensnøkkelen er brukt for et annet skjema' },
      },
    },
    async ({ req, actor, headers, body }) => {
      if (!worksIn(actor, body.municipality)) throw new HttpError(403, 'Du kan bare registrere søknader i din egen kommune.');
      const outcome = await receiveApplication(deps, { actor, idempotencyKey: headers['Idempotency-Key'], input: body });
      const status = outcome.kind === 'started' ? 201 : outcome.kind === 'existing' ? 200 : 202;
      await audit(db, req, 'write', outcome.caseId, status);
      return {
        status,
        headers: { Location: `/api/tenancies/${outcome.caseId}` },
        body: { caseId: outcome.caseId, workflowId: outcome.workflowId, status: outcome.kind, message: CREATED_MESSAGES[outcome.kind] },
      };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/tenancies',
      summary: 'List saker (lesemodellen)',
      tag: 'Saker',
      roles: ['housing_officer', 'housing_office', 'follow_up_worker'],
      query: z.object({
        municipality: z.string().optional(),
        phase: z.enum(PHASES).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      responses: { 200: { description: 'Saker', schema: z.object({ cases: z.array(CaseRecord) }) } },
    },
    async ({ req, actor, query }) => {
      const municipality = actor.municipality === '*' ? query.municipality : actor.municipality;
      const filters: SQL[] = [];
      if (municipality) filters.push(eq(tenancies.municipality, municipality));
      if (query.phase) filters.push(eq(tenancies.phase, query.phase));
      // A follow-up worker sees only the cases assigned to them.
      if (!hasRole(actor, ['housing_officer', 'housing_office'])) filters.push(eq(tenancies.followUpWorkerId, actor.id));
      const rows = await db
        .select()
        .from(tenancies)
        .where(and(...filters))
        .orderBy(asc(tenancies.nextDeadline), desc(tenancies.updatedAt))
        .limit(query.limit);
      await auditCases(db, req, 'read', rows.map((r) => r.caseId), 200);
      return { status: 200, body: { cases: rows.map(publicRecord) } };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/tenancies/:caseId',
      summary: 'Hent en sak: lesemodell, arbeidsflytens tilstand og tidslinje',
      tag: 'Saker',
      roles: ['housing_officer', 'housing_office', 'follow_up_worker'],
      params: CaseParams,
      responses: { 200: { description: 'Saken', schema: CaseResponse }, 404: { description: 'Fant ikke saken' } },
    },
    async ({ req, actor, params }) => {
      const row = await loadAccessibleCase(db, req, actor, params.caseId);
      let live: TenancyView | null = null;
      let liveError: string | undefined;
      try {
        live = await temporal.workflow.getHandle(tenancyWorkflowId(row.caseId)).query(tenancyStateQuery);
      } catch (err) {
        deps.logger.warn({ err, caseId: row.caseId }, 'Tenancy query failed; serving the read model only');
        liveError = 'Arbeidsflyten svarte ikke. Viser sist lagrede tilstand.';
      }
      const timeline = await db
        .select({ at: caseEvents.at, kind: caseEvents.kind, actorId: caseEvents.actorId, summary: caseEvents.summary })
        .from(caseEvents)
        .where(eq(caseEvents.caseId, row.caseId))
        .orderBy(asc(caseEvents.at), asc(caseEvents.id));
      await audit(db, req, 'read', row.caseId, 200);
      return {
        status: 200,
        body: {
          case: publicRecord(row),
          live,
          ...(liveError ? { liveError } : {}),
          timeline: timeline.map((t) => ({ ...t, at: t.at.toISOString() })),
        },
      };
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/tenancies/:caseId/actions',
      summary: 'Utfør en saksbehandlingshandling (kartlegging, vedtak, ...)',
      tag: 'Saker',
      roles: ['housing_officer', 'housing_office', 'follow_up_worker'],
      params: CaseParams,
      headers: IdempotencyHeaders,
      body: HttpCaseAction,
      responses: {
        200: { description: 'Handlingen er utført', schema: z.object({ accepted: z.literal(true), type: z.string(), version: z.int(), message: z.string() }) },
        409: { description: 'Handlingen passer ikke med der saken står nå' },
      },
    },
    async ({ req, actor, params, headers, body }) => {
      const row = await loadAccessibleCase(db, req, actor, params.caseId);
      const idempotencyKey = headers['Idempotency-Key'];
      let payload: CaseActionPayload;
      if (body.type === 'offerDwelling' && 'dwellingId' in body) {
        const dwelling = await findDwelling(db, row.municipality, body.dwellingId);
        if (!dwelling) throw new HttpError(404, `Fant ikke bolig ${body.dwellingId} i boligregisteret.`);
        payload = { type: 'offerDwelling', dwelling };
      } else if (body.type === 'createAgreement') {
        payload = { type: 'createAgreement', terms: body.terms, template: await currentTemplate(db, row.municipality) };
      } else {
        payload = body as CaseActionPayload;
      }
      const result = await temporal.workflow
        .getHandle(row.workflowId)
        .executeUpdate(caseActionUpdate, { args: [{ idempotencyKey, actor, payload }], updateId: idempotencyKey });
      await audit(db, req, 'write', row.caseId, 200);
      return { status: 200, body: result };
    },
  );
}

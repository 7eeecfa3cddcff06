import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { caseEvents, type tenancies } from '../../db/schema';
import { caseListQuery, NO_DEADLINE, paged, type CaseFilter, type caseListColumns } from '../../db/work-lists';
import { municipalityCode } from '../../domain/schemas/common';
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
import { afterKey, NextCursor, PageQuery } from '../paging';
import { claimIdempotencyKey } from '../idempotency-keys';
import type { ApiRoutes } from '../routes';
import { receiveApplication, type IntakeDeps } from '../tenancy-intake';
import { CaseArrangements, caseArrangements } from '../case-arrangements';
import { osloDate } from '../../domain/calendar';

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
  live: z.record(z.string(), z.unknown()).nullable().meta({ description: 'Sakens tilstand slik arbeidsflyten sist skrev den (null hvis den ikke er skrevet ennå og arbeidsflyten ikke svarer)' }),
  source: z.enum(['read_model', 'workflow']),
  liveError: z.string().optional(),
  arrangements: CaseArrangements.nullable().meta({ description: 'Kartleggingen, samtykke eller hjemmel, betalingsmåte og fullmakt (null før arbeidsflyten har skrevet saken)' }),
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

/** The case as lists and the case page show it: the columns of CaseRecord, never the snapshot. */
function publicRecord(row: Pick<typeof tenancies.$inferSelect, keyof typeof caseListColumns>): z.infer<typeof CaseRecord> {
  return {
    caseId: row.caseId,
    municipality: row.municipality,
    phase: row.phase,
    status: row.status,
    applicantName: row.applicantName,
    housingOfficerId: row.housingOfficerId,
    followUpWorkerId: row.followUpWorkerId,
    nextDeadline: row.nextDeadline,
    closedReason: row.closedReason,
    stateVersion: row.stateVersion,
    updatedAt: row.updatedAt.toISOString(),
    caution: row.caution,
  };
}

/**
 * Temporal has no running workflow for a case the read model knows: the case is closed (its workflow
 * completed), or its application is still waiting to be started. Either way the action cannot be
 * applied, and the sender is told why in plain words, not "not found".
 */
export function caseWithoutWorkflow(row: Pick<typeof tenancies.$inferSelect, 'status'>): HttpError {
  return row.status === 'closed'
    ? new HttpError(409, 'Saken er avsluttet og kan ikke endres.')
    : new HttpError(409, 'Saken er ikke startet ennå. Prøv igjen om litt.');
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
      query: z.strictObject({
        municipality: municipalityCode.optional(),
        phase: z.enum(PHASES).optional(),
        ...PageQuery,
      }),
      responses: { 200: { description: 'Saker sortert etter neste frist, én side', schema: z.object({ cases: z.array(CaseRecord), next: NextCursor }) } },
    },
    async ({ req, actor, query }) => {
      const filter: CaseFilter = {
        municipality: actor.municipality === '*' ? query.municipality : actor.municipality,
        phase: query.phase,
        // A follow-up worker sees only the cases assigned to them.
        followUpWorkerId: hasRole(actor, ['housing_officer', 'housing_office']) ? undefined : actor.id,
      };
      const { rows, next } = await paged(caseListQuery(db, filter, { limit: query.limit, afterKey: afterKey(query.after, 2) }), query.limit, (r) => [r.nextDeadline ?? NO_DEADLINE, r.caseId]);
      await auditCases(db, req, 'read', rows.map((r) => r.caseId), 200);
      return { status: 200, body: { cases: rows.map(publicRecord), ...(next ? { next } : {}) } };
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
      query: z.strictObject({
        source: z.enum(['read_model', 'workflow']).default('read_model').meta({ description: '«workflow» spør arbeidsflyten direkte (feilsøking); ellers lesemodellen' }),
      }),
      responses: { 200: { description: 'Saken', schema: CaseResponse }, 404: { description: 'Fant ikke saken' } },
    },
    async ({ req, actor, params, query }) => {
      const row = await loadAccessibleCase(db, req, actor, params.caseId);
      // The read model holds the workflow's own view, written with every change, so a case page never
      // waits on (or reloads) a workflow. The workflow is asked only when asked for, or when the case
      // was accepted but its workflow has not written its first state yet.
      const fromWorkflow = query.source === 'workflow' || row.stateVersion === 0;
      let live: TenancyView | null = fromWorkflow ? null : (row.snapshot as TenancyView);
      let liveError: string | undefined;
      if (fromWorkflow) {
        try {
          // Bounded by the request's read deadline (api/edge.ts).
          live = await temporal.workflow.getHandle(tenancyWorkflowId(row.caseId)).query(tenancyStateQuery);
        } catch (err) {
          deps.logger.warn({ err, caseId: row.caseId }, 'Tenancy query failed; serving the read model only');
          liveError = 'Arbeidsflyten svarte ikke. Viser sist lagrede tilstand.';
          if (row.stateVersion > 0) live = row.snapshot as TenancyView;
        }
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
          source: fromWorkflow && !liveError ? 'workflow' : 'read_model',
          ...(liveError ? { liveError } : {}),
          arrangements: live ? caseArrangements(live, osloDate(Date.now())) : null,
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
        409: { description: 'Handlingen passer ikke med der saken står nå, eller saken er avsluttet' },
        422: { description: 'Idempotensnøkkelen er brukt for en annen handling' },
      },
    },
    async ({ req, actor, params, headers, body }) => {
      const row = await loadAccessibleCase(db, req, actor, params.caseId);
      // The body as sent, not as enriched below: a dwelling or template changed since is not a different action.
      const idempotencyKey = await claimIdempotencyKey(db, { scope: 'case-action', key: headers['Idempotency-Key'], target: row.caseId, content: body, actorId: actor.id });
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
        .executeUpdate(caseActionUpdate, { args: [{ idempotencyKey, actor, payload }], updateId: idempotencyKey })
        .catch((err: unknown) => {
          if (err instanceof WorkflowNotFoundError) throw caseWithoutWorkflow(row);
          throw err;
        });
      await audit(db, req, 'write', row.caseId, 200);
      return { status: 200, body: result };
    },
  );
}

import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { and, asc, eq, gte } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { findCommittee, memberHistory, membersAsOf, replaceMembers, type CommitteeRow } from '../../db/committee-store';
import { tenancies } from '../../db/schema';
import { committeeDecisions, committeeMeetings, committeeMembers, committees, COMMITTEE_MEMBER_ROLES } from '../../db/schema-committee';
import { municipalityCode } from '../../domain/schemas/common';
import { addDays, isoWeekday, isValidIsoDate, osloDate, osloInstant } from '../../domain/calendar';
import {
  AddAgendaItemBody,
  CallExtraMeetingPayload,
  ChangeOccurrencePayload,
  DecisionDoneBody,
  ItemIdSchema,
  MeetingCycleSchema,
  MeetingIdSchema,
  MinutesBody,
} from '../../domain/schemas/committee';
import {
  type CommitteeAction,
  type CommitteeActionResult,
} from '../../domain/committee/actions';
import { holidayConflicts, meetingById, meetingsBetween, type Meeting } from '../../domain/committee/cycle';
import type { AgendaItem } from '../../domain/committee/documents';
import type { CommitteeSettings, CommitteeView } from '../../domain/committee/state';
import { committeeBasis } from '../../domain/tenancy/arrangements';
import type { TenancyView } from '../../domain/tenancy/view';
import { COMMITTEE_ID_PATTERN, committeeWorkflowId } from '../../domain/ids';
import type { Actor, Role } from '../../domain/roles';
import type { Logger } from '../../platform/logger';
import { committeeWorkflow } from '../../workflows/committee';
import {
  addAgendaItemUpdate,
  callExtraMeetingUpdate,
  changeOccurrenceUpdate,
  committeeStateQuery,
  markDecisionDoneUpdate,
  recordMinutesUpdate,
  removeAgendaItemUpdate,
} from '../../workflows/messages';
import { audit, auditCases } from '../audit';
import { worksIn } from '../auth';
import { renderMinutes } from '../committee-minutes';
import { isStrictIsoInstant } from '../edge';
import { HttpError } from '../errors';
import { claimIdempotencyKey } from '../idempotency-keys';
import type { ApiRoutes } from '../routes';
import { IdempotencyHeaders } from '../case-access';

export interface CommitteeRouteDeps {
  db: Database;
  temporal: Client;
  taskQueue: string;
  logger: Logger;
}

/** Who may read the committee's meetings: its members, the housing office and the housing officers. */
const READERS: readonly Role[] = ['committee_member', 'housing_office', 'housing_officer'];
/** The secretary's work (servicetorget, a committee member) and the housing office. */
const SECRETARY: readonly Role[] = ['committee_member', 'housing_office'];

const CommitteeParams = z.object({ committeeId: z.string().regex(COMMITTEE_ID_PATTERN, 'må være små bokstaver, tall og bindestrek, for eksempel «tynset-boligutvalg»') });
const MeetingParams = CommitteeParams.extend({ meetingId: MeetingIdSchema });
const ItemParams = MeetingParams.extend({ itemId: ItemIdSchema });

const MemberInput = z
  .object({
    id: z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{1,59}$/, 'må være små bokstaver, tall, punktum, bindestrek eller understrek'),
    name: z.string().trim().min(2).max(200),
    email: z.email(),
    agency: z.string().trim().min(2).max(200),
    role: z.enum(COMMITTEE_MEMBER_ROLES),
  })
  .strict();

const MemberList = z
  .array(MemberInput)
  .min(1)
  .max(30)
  .superRefine((members, ctx) => {
    const ids = members.map((m) => m.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'Hvert medlem kan bare stå én gang' });
    if (members.filter((m) => m.role === 'chair').length > 1) ctx.addIssue({ code: 'custom', message: 'Utvalget kan bare ha én leder' });
    if (members.filter((m) => m.role === 'secretary').length > 1) ctx.addIssue({ code: 'custom', message: 'Utvalget kan bare ha én sekretær' });
  });

const CreateCommitteeBody = z
  .object({
    id: z.string().regex(COMMITTEE_ID_PATTERN, 'må være små bokstaver, tall og bindestrek, for eksempel «tynset-boligutvalg»'),
    municipality: municipalityCode,
    name: z.string().trim().min(3).max(200),
    // An invalid firstDate is already reported by the cycle's own schema; the weekday is asked only of a real date.
    cycle: MeetingCycleSchema.refine((c) => !isValidIsoDate(c.firstDate) || isoWeekday(c.firstDate) <= 5, { message: 'Første møtedato må være en hverdag', path: ['firstDate'] }),
    reminderDaysBefore: z.int().min(1).max(14).default(3),
    agendaCutoffDays: z.int().min(1).max(14).default(2),
    members: MemberList.optional(),
  })
  .strict();

const MemberOut = z.object({ id: z.string(), name: z.string(), email: z.string(), agency: z.string(), role: z.enum(COMMITTEE_MEMBER_ROLES) });
const MeetingOut = z.object({ id: z.string(), kind: z.string(), date: z.string(), time: z.string(), status: z.string(), note: z.string().optional() });
const ActionResult = z.object({ accepted: z.literal(true), message: z.string(), version: z.int(), meetingId: z.string().optional(), itemId: z.string().optional() });

function publicCommittee(row: CommitteeRow) {
  return {
    id: row.id,
    municipality: row.municipality,
    name: row.name,
    cycle: row.cycle,
    reminderDaysBefore: row.reminderDaysBefore,
    agendaCutoffDays: row.agendaCutoffDays,
    workflowId: committeeWorkflowId(row.id),
    createdAt: row.createdAt.toISOString(),
  };
}

export function registerCommitteeRoutes(routes: ApiRoutes, deps: CommitteeRouteDeps): void {
  const { db, temporal } = deps;

  async function loadCommittee(actor: Actor, committeeId: string): Promise<CommitteeRow> {
    const row = await findCommittee(db, committeeId);
    if (!row) throw new HttpError(404, 'Fant ikke boligutvalget.');
    if (!worksIn(actor, row.municipality)) throw new HttpError(403, 'Du har ikke tilgang til boligutvalget i en annen kommune.');
    return row;
  }

  async function liveView(committeeId: string): Promise<CommitteeView | undefined> {
    try {
      return await temporal.workflow.getHandle(committeeWorkflowId(committeeId)).query(committeeStateQuery);
    } catch (err) {
      deps.logger.warn({ err, committeeId }, 'Committee query failed; serving the read model only');
      return undefined;
    }
  }

  /** `action.idempotencyKey` is the client's key; the workflow sees it scoped to committee actions. */
  async function update<P>(committeeId: string, def: UpdateDefinition<CommitteeActionResult, [CommitteeAction<P>]>, action: CommitteeAction<P>): Promise<CommitteeActionResult> {
    const idempotencyKey = await claimIdempotencyKey(db, {
      scope: 'committee-action',
      key: action.idempotencyKey,
      target: committeeId,
      content: { update: def.name, payload: action.payload },
      actorId: action.actor.id,
    });
    try {
      return await temporal.workflow.getHandle(committeeWorkflowId(committeeId)).executeUpdate(def, { args: [{ ...action, idempotencyKey }], updateId: idempotencyKey });
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw new HttpError(404, 'Boligutvalget har ingen aktiv arbeidsflyt. Kontakt brukerstøtte.');
      throw err;
    }
  }

  routes.add(
    {
      method: 'post',
      path: '/api/committees',
      summary: 'Opprett et boligutvalg med møtesyklus (og medlemmer); starter utvalgets arbeidsflyt',
      tag: 'Boligutvalget',
      roles: ['housing_office'],
      body: CreateCommitteeBody,
      responses: {
        201: { description: 'Boligutvalget er opprettet', schema: z.object({ committee: z.record(z.string(), z.unknown()), members: z.array(MemberOut) }) },
        409: { description: 'Det finnes allerede et boligutvalg med denne nøkkelen' },
      },
    },
    async ({ actor, body }) => {
      if (!worksIn(actor, body.municipality)) throw new HttpError(403, 'Du kan bare opprette boligutvalg i din egen kommune.');
      const duplicate = `Det finnes allerede et boligutvalg med nøkkelen «${body.id}». Velg en annen nøkkel.`;
      const [row] = await db
        .insert(committees)
        .values({ id: body.id, municipality: body.municipality, name: body.name, cycle: body.cycle, reminderDaysBefore: body.reminderDaysBefore, agendaCutoffDays: body.agendaCutoffDays, createdBy: actor.id })
        .onConflictDoNothing({ target: committees.id })
        .returning();
      if (!row) throw new HttpError(409, duplicate);
      if (body.members) await replaceMembers(db, row.id, body.members, row.createdAt);
      const settings: CommitteeSettings = {
        committeeId: row.id,
        municipality: row.municipality,
        name: row.name,
        cycle: row.cycle,
        reminderDaysBefore: row.reminderDaysBefore,
        agendaCutoffDays: row.agendaCutoffDays,
      };
      const workflowId = committeeWorkflowId(row.id);
      const undo = async () => {
        await db.delete(committeeMembers).where(eq(committeeMembers.committeeId, row.id));
        await db.delete(committees).where(eq(committees.id, row.id));
      };
      try {
        // One committee, one workflow, ever: an ID used before (even by a committee since removed) is refused.
        await temporal.workflow.start(committeeWorkflow, {
          workflowId,
          taskQueue: deps.taskQueue,
          args: [{ settings }],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          workflowIdConflictPolicy: 'FAIL',
        });
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) {
          await undo();
          throw new HttpError(409, duplicate);
        }
        // The start may have reached the server although the answer did not: then the committee stands.
        const started = await temporal.workflow
          .getHandle(workflowId)
          .describe()
          .then(() => true)
          .catch(() => false);
        if (!started) {
          await undo();
          throw err;
        }
      }
      return {
        status: 201,
        headers: { Location: `/api/committees/${row.id}` },
        body: { committee: publicCommittee(row), members: await membersAsOf(db, row.id, new Date()) },
      };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/committees',
      summary: 'List kommunens boligutvalg',
      tag: 'Boligutvalget',
      roles: READERS,
      query: z.object({ municipality: municipalityCode.optional() }),
      responses: { 200: { description: 'Boligutvalg', schema: z.object({ committees: z.array(z.record(z.string(), z.unknown())) }) } },
    },
    async ({ actor, query }) => {
      const municipality = actor.municipality === '*' ? query.municipality : actor.municipality;
      const rows = await db
        .select()
        .from(committees)
        .where(municipality ? eq(committees.municipality, municipality) : undefined)
        .orderBy(asc(committees.name));
      return { status: 200, body: { committees: rows.map(publicCommittee) } };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/committees/:committeeId',
      summary: 'Hent et boligutvalg: medlemmer, kommende møter og faste møtedatoer som faller på en helligdag',
      tag: 'Boligutvalget',
      roles: READERS,
      params: CommitteeParams,
      responses: { 200: { description: 'Boligutvalget' }, 404: { description: 'Fant ikke boligutvalget' } },
    },
    async ({ actor, params }) => {
      const row = await loadCommittee(actor, params.committeeId);
      const now = Date.now();
      const live = await liveView(row.id);
      // Without the workflow the cycle alone still says when the committee meets (moves unknown).
      const upcoming: Meeting[] = live?.upcoming ?? meetingsBetween(row.cycle, [], [], now, now + 120 * 86_400_000).slice(0, 10);
      const moved = new Set(upcoming.filter((m) => m.regularDate && (m.date !== m.regularDate || m.status === 'cancelled')).map((m) => m.regularDate!));
      const conflicts = holidayConflicts(row.cycle, osloDate(now), 26).map((c) => ({
        ...c,
        handled: moved.has(c.regularDate),
        message: moved.has(c.regularDate)
          ? `Møtet ${c.regularDate} (${c.holiday.toLowerCase()}) er allerede flyttet eller avlyst.`
          : `Det faste møtet ${c.regularDate} faller på ${c.holiday.toLowerCase()}. Flytt eller avlys det.`,
      }));
      const recent = await db
        .select({ id: committeeMeetings.meetingId, kind: committeeMeetings.kind, date: committeeMeetings.date, time: committeeMeetings.time, status: committeeMeetings.status })
        .from(committeeMeetings)
        .where(and(eq(committeeMeetings.committeeId, row.id), gte(committeeMeetings.date, addDays(osloDate(now), -180))))
        .orderBy(asc(committeeMeetings.date));
      return {
        status: 200,
        body: {
          committee: publicCommittee(row),
          members: await membersAsOf(db, row.id, new Date(now)),
          upcoming: upcoming.map((m) => ({ id: m.id, kind: m.kind, date: m.date, time: m.time, status: m.status, ...(m.note ? { note: m.note } : {}), ...(m.regularDate && m.regularDate !== m.date ? { regularDate: m.regularDate } : {}) })),
          holidayConflicts: conflicts,
          meetings: recent,
          waitingFor: live?.waitingFor ?? [],
          ...(live ? {} : { liveError: 'Utvalgets arbeidsflyt svarte ikke. Flyttede og ekstra møter vises ikke.' }),
        },
      };
    },
  );

  routes.add(
    {
      method: 'put',
      path: '/api/committees/:committeeId/members',
      summary: 'Sett utvalgets medlemmer; endringer lukker gammel rad og lager ny, så historikken bevares',
      tag: 'Boligutvalget',
      roles: ['housing_office'],
      params: CommitteeParams,
      body: z.object({ members: MemberList }).strict(),
      responses: { 200: { description: 'Medlemmene fra nå', schema: z.object({ members: z.array(MemberOut), closed: z.int(), opened: z.int() }) } },
    },
    async ({ actor, params, body }) => {
      const row = await loadCommittee(actor, params.committeeId);
      const at = new Date();
      const changed = await replaceMembers(db, row.id, body.members, at);
      return { status: 200, body: { members: await membersAsOf(db, row.id, at), ...changed } };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/committees/:committeeId/members',
      summary: 'Utvalgets medlemmer på et tidspunkt (asOf), med hele historikken',
      tag: 'Boligutvalget',
      roles: READERS,
      params: CommitteeParams,
      query: z.object({
        asOf: z
          .string()
          .refine((s) => isValidIsoDate(s) || isStrictIsoInstant(s, isValidIsoDate), 'må være en dato (ÅÅÅÅ-MM-DD) eller et tidspunkt (ISO 8601, for eksempel 2026-11-23T12:00:00Z)')
          // The end of 9999-12-31 is past what the calendar can name: a member list is asked for within two centuries.
          .refine((s) => s >= '1900' && s < '2200', 'må være mellom år 1900 og 2199')
          .optional(),
      }),
      responses: { 200: { description: 'Medlemmer', schema: z.object({ asOf: z.string(), members: z.array(MemberOut), history: z.array(z.record(z.string(), z.unknown())) }) } },
    },
    async ({ actor, params, query }) => {
      const row = await loadCommittee(actor, params.committeeId);
      // A date means the end of that day in Oslo: who sat on the committee that day, after any change.
      const at = query.asOf === undefined ? new Date() : isValidIsoDate(query.asOf) ? new Date(osloInstant(addDays(query.asOf, 1)) - 1) : new Date(query.asOf);
      const history = (await memberHistory(db, row.id)).map((m) => ({
        memberId: m.memberId,
        name: m.name,
        email: m.email,
        agency: m.agency,
        role: m.role,
        validFrom: m.validFrom.toISOString(),
        validTo: m.validTo?.toISOString() ?? null,
      }));
      return { status: 200, body: { asOf: at.toISOString(), members: await membersAsOf(db, row.id, at), history } };
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/committees/:committeeId/occurrence-changes',
      summary: 'Flytt eller avlys ett fast møte (syklusen står fast); medlemmene får oppdatert kalenderinvitasjon',
      tag: 'Boligutvalget',
      roles: SECRETARY,
      params: CommitteeParams,
      headers: IdempotencyHeaders,
      body: ChangeOccurrencePayload,
      responses: { 200: { description: 'Endret', schema: ActionResult }, 409: { description: 'Endringen er ikke mulig nå' } },
    },
    async ({ actor, params, headers, body }) => {
      await loadCommittee(actor, params.committeeId);
      const result = await update(params.committeeId, changeOccurrenceUpdate, { idempotencyKey: headers['Idempotency-Key'], actor, payload: body });
      return { status: 200, body: result };
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/committees/:committeeId/extra-meetings',
      summary: 'Kall inn til et ekstra møte',
      tag: 'Boligutvalget',
      roles: SECRETARY,
      params: CommitteeParams,
      headers: IdempotencyHeaders,
      body: CallExtraMeetingPayload,
      responses: { 201: { description: 'Innkalt', schema: ActionResult }, 409: { description: 'Møtet kan ikke kalles inn' } },
    },
    async ({ actor, params, headers, body }) => {
      await loadCommittee(actor, params.committeeId);
      const result = await update(params.committeeId, callExtraMeetingUpdate, { idempotencyKey: headers['Idempotency-Key'], actor, payload: body });
      return { status: 201, headers: { Location: `/api/committees/${params.committeeId}/meetings/${result.meetingId}` }, body: result };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/committees/:committeeId/meetings/:meetingId',
      summary: 'Hent et møte: saksliste med begrunnelser, status, referat og beslutninger',
      tag: 'Boligutvalget',
      roles: READERS,
      params: MeetingParams,
      responses: { 200: { description: 'Møtet', schema: MeetingOut.extend({ agenda: z.array(z.record(z.string(), z.unknown())) }).loose() }, 404: { description: 'Fant ikke møtet' } },
    },
    async ({ req, actor, params }) => {
      const row = await loadCommittee(actor, params.committeeId);
      const [meeting] = await db
        .select()
        .from(committeeMeetings)
        .where(and(eq(committeeMeetings.committeeId, row.id), eq(committeeMeetings.meetingId, params.meetingId)));
      const live = await liveView(row.id);
      // A future meeting nobody has worked on yet exists only in the cycle.
      const planned = meeting ? undefined : (live?.upcoming.find((m) => m.id === params.meetingId) ?? meetingById(row.cycle, [], [], params.meetingId));
      if (!meeting && !planned) throw new HttpError(404, 'Fant ikke møtet.');
      const decisions = await db
        .select()
        .from(committeeDecisions)
        .where(and(eq(committeeDecisions.committeeId, row.id), eq(committeeDecisions.meetingId, params.meetingId)))
        .orderBy(asc(committeeDecisions.itemId));
      const agenda: AgendaItem[] = meeting?.agenda ?? [];
      const tracked = live?.meetings.find((m) => m.id === params.meetingId);
      await auditCases(db, req, 'read', [...agenda.map((i) => i.caseId), ...decisions.map((d) => d.caseId ?? undefined)], 200);
      return {
        status: 200,
        body: {
          id: params.meetingId,
          kind: meeting?.kind ?? planned!.kind,
          date: meeting?.date ?? planned!.date,
          time: meeting?.time ?? planned!.time,
          status: meeting?.status ?? (planned!.status === 'cancelled' ? 'cancelled' : 'scheduled'),
          ...(meeting?.note ? { note: meeting.note } : {}),
          location: row.cycle.location,
          agenda,
          minutes: meeting?.minutes ?? null,
          decisions: decisions.map((d) => ({
            ...d,
            deliveredAt: d.deliveredAt?.toISOString() ?? null,
            doneAt: d.doneAt?.toISOString() ?? null,
            updatedAt: d.updatedAt.toISOString(),
          })),
          ...(tracked?.invitation ? { invitation: { ...tracked.invitation, at: new Date(tracked.invitation.at).toISOString() } } : {}),
          minutesUrl: `/api/committees/${row.id}/meetings/${params.meetingId}/minutes.html`,
        },
      };
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/committees/:committeeId/meetings/:meetingId/agenda-items',
      summary: 'Sett en sak på sakslisten (sekretæren)',
      tag: 'Boligutvalget',
      roles: SECRETARY,
      params: MeetingParams,
      headers: IdempotencyHeaders,
      body: AddAgendaItemBody,
      responses: { 201: { description: 'Satt på sakslisten', schema: ActionResult }, 409: { description: 'Sakslisten kan ikke endres' } },
    },
    async ({ req, actor, params, headers, body }) => {
      const row = await loadCommittee(actor, params.committeeId);
      let basis: string | undefined;
      if (body.caseId) {
        const [tenancy] = await db.select({ municipality: tenancies.municipality, snapshot: tenancies.snapshot }).from(tenancies).where(eq(tenancies.caseId, body.caseId));
        if (!tenancy) throw new HttpError(404, 'Fant ikke saken.');
        if (tenancy.municipality !== row.municipality) {
          await audit(db, req, 'denied', body.caseId, 403);
          throw new HttpError(403, 'Saken hører til en annen kommune enn boligutvalget.');
        }
        // Seed 002: the committee sees a case only with the tenant's consent or a recorded legal basis.
        basis = committeeBasis((tenancy.snapshot ?? {}) as TenancyView, osloDate(Date.now()));
        if (!basis) {
          await audit(db, req, 'denied', body.caseId, 409);
          throw new HttpError(409, 'Boligutvalget kan ikke se denne saken: leietaker har ikke samtykket til at utvalget får opplysninger, og det er ikke registrert hjemmel.');
        }
      }
      const payload = { ...body, meetingId: params.meetingId, ...(basis ? { basis } : {}) };
      const result = await update(params.committeeId, addAgendaItemUpdate, { idempotencyKey: headers['Idempotency-Key'], actor, payload });
      await auditCases(db, req, 'write', [body.caseId], 201);
      return { status: 201, body: result };
    },
  );

  routes.add(
    {
      method: 'delete',
      path: '/api/committees/:committeeId/meetings/:meetingId/agenda-items/:itemId',
      summary: 'Ta en sak av sakslisten (sekretæren)',
      tag: 'Boligutvalget',
      roles: SECRETARY,
      params: ItemParams,
      headers: IdempotencyHeaders,
      responses: { 200: { description: 'Tatt av sakslisten', schema: ActionResult }, 409: { description: 'Sakslisten kan ikke endres' } },
    },
    async ({ req, actor, params, headers }) => {
      await loadCommittee(actor, params.committeeId);
      const [meeting] = await db
        .select({ agenda: committeeMeetings.agenda })
        .from(committeeMeetings)
        .where(and(eq(committeeMeetings.committeeId, params.committeeId), eq(committeeMeetings.meetingId, params.meetingId)));
      const result = await update(params.committeeId, removeAgendaItemUpdate, { idempotencyKey: headers['Idempotency-Key'], actor, payload: { meetingId: params.meetingId, itemId: params.itemId } });
      await auditCases(db, req, 'write', [meeting?.agenda.find((i) => i.id === params.itemId)?.caseId], 200);
      return { status: 200, body: result };
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/committees/:committeeId/meetings/:meetingId/minutes',
      summary: 'Før referat: oppmøte og én beslutning per sak; beslutninger om en sak sendes til saken',
      tag: 'Boligutvalget',
      roles: SECRETARY,
      params: MeetingParams,
      headers: IdempotencyHeaders,
      body: MinutesBody,
      responses: { 200: { description: 'Referatet er ført', schema: ActionResult }, 409: { description: 'Referat kan ikke føres nå' } },
    },
    async ({ req, actor, params, headers, body }) => {
      await loadCommittee(actor, params.committeeId);
      const result = await update(params.committeeId, recordMinutesUpdate, { idempotencyKey: headers['Idempotency-Key'], actor, payload: { ...body, meetingId: params.meetingId } });
      const [meeting] = await db
        .select({ agenda: committeeMeetings.agenda })
        .from(committeeMeetings)
        .where(and(eq(committeeMeetings.committeeId, params.committeeId), eq(committeeMeetings.meetingId, params.meetingId)));
      await auditCases(db, req, 'write', body.decisions.map((d) => meeting?.agenda.find((i) => i.id === d.itemId)?.caseId), 200);
      return { status: 200, body: result };
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/committees/:committeeId/meetings/:meetingId/decisions/:itemId/done',
      summary: 'Meld en beslutning utført (den følges ikke lenger opp på neste saksliste)',
      tag: 'Boligutvalget',
      roles: SECRETARY,
      params: ItemParams,
      headers: IdempotencyHeaders,
      body: DecisionDoneBody,
      responses: { 200: { description: 'Meldt utført', schema: ActionResult }, 409: { description: 'Beslutningen finnes ikke eller er allerede utført' } },
    },
    async ({ req, actor, params, headers, body }) => {
      await loadCommittee(actor, params.committeeId);
      const result = await update(params.committeeId, markDecisionDoneUpdate, { idempotencyKey: headers['Idempotency-Key'], actor, payload: { ...body, meetingId: params.meetingId, itemId: params.itemId } });
      const [decision] = await db
        .select({ caseId: committeeDecisions.caseId })
        .from(committeeDecisions)
        .where(and(eq(committeeDecisions.committeeId, params.committeeId), eq(committeeDecisions.meetingId, params.meetingId), eq(committeeDecisions.itemId, params.itemId)));
      await auditCases(db, req, 'write', [decision?.caseId ?? undefined], 200);
      return { status: 200, body: result };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/committees/:committeeId/meetings/:meetingId/minutes.html',
      summary: 'Referatet som HTML-side (A4-utskrift: skriv ut eller lagre som PDF fra nettleseren)',
      tag: 'Boligutvalget',
      roles: READERS,
      params: MeetingParams,
      responses: { 200: { description: 'Referatet', schema: z.string(), contentType: 'text/html' }, 404: { description: 'Fant ikke møtet' } },
    },
    async ({ req, actor, params }) => {
      const row = await loadCommittee(actor, params.committeeId);
      const minutes = await renderMinutes(db, row, params.meetingId);
      if (!minutes) throw new HttpError(404, 'Fant ikke møtet, eller sakslisten er ikke laget ennå.');
      await auditCases(db, req, 'read', minutes.caseIds, 200);
      return { status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Cache-Control': 'no-store' }, body: minutes.html };
    },
  );
}

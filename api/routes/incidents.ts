import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { incidents } from '../../db/schema';
import { IdempotencyKey } from '../../domain/schemas/common';
import type { IncidentView } from '../../domain/incidents/incident';
import { IncidentActionPayload, IncidentReport } from '../../domain/schemas/incident';
import { incidentWorkflowId } from '../../domain/ids';
import { incidentActionUpdate } from '../../workflows/messages';
import { audit } from '../audit';
import { worksIn } from '../auth';
import { CaseParams, loadAccessibleCase, worksInUnitOf } from '../case-access';
import { HttpError } from '../errors';
import { formReply } from '../form-submissions';
import { claimIdempotencyKey } from '../idempotency-keys';
import { receiveIncident } from '../incident-intake';
import type { ApiRoutes } from '../routes';
import type { IntakeDeps } from '../tenancy-intake';

const IncidentParams = CaseParams.extend({ incidentId: z.string().regex(/^[A-Z]{3}-\d{4}-[2-9A-HJ-NP-Z]{6}-H\d{1,4}$/, 'må være et hendelsesnummer') });
const SubmissionHeaders = z.object({ 'Idempotency-Key': IdempotencyKey.meta({ description: 'Skjemaets innsendings-ID, laget av klienten' }) });

const IncidentSummary = z.object({
  incidentId: z.string(),
  situation: z.string(),
  status: z.string(),
  agreementVersion: z.int().nullable(),
  escalations: z.int(),
  reportedAt: z.string(),
  openTasks: z.array(z.object({ id: z.string(), title: z.string(), role: z.string(), dueDate: z.string(), assessment: z.boolean() })),
});

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** One incident in full: the report, every step, task (with assessments and notes), meeting and timer. */
const IncidentDetail = z.object({
  incidentId: z.string(),
  caseId: z.string(),
  situation: z.string(),
  status: z.string(),
  agreementVersion: z.int().nullable(),
  agreementRow: z.object({ key: z.string(), situation: z.string(), measures: z.array(z.string()) }).nullable(),
  escalations: z.int(),
  report: z.object({
    description: z.string(),
    channel: z.string(),
    occurredAt: z.string(),
    damage: z.boolean().nullable(),
    othersStaying: z.boolean().nullable(),
    complainant: z.string().nullable(),
    reportedBy: z.string(),
    reportedAt: z.string(),
  }),
  steps: z.array(z.object({ at: z.string(), byId: z.string(), text: z.string() })),
  tasks: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      role: z.string(),
      assigneeId: z.string().nullable(),
      dueDate: z.string(),
      status: z.enum(['open', 'done']),
      overdue: z.boolean(),
      assessment: z.boolean(),
      decision: z.enum(['yes', 'no']).nullable(),
      note: z.string().nullable(),
      doneAt: z.string().nullable(),
      doneBy: z.string().nullable(),
    }),
  ),
  meetings: z.array(
    z.object({ taskId: z.string(), proposedTimes: z.array(z.string()), participants: z.array(z.string()), outcome: z.string().nullable(), note: z.string().nullable() }),
  ),
  timers: z.array(z.object({ id: z.string(), at: z.string(), fired: z.boolean() })),
  revisionRequested: z.boolean(),
});

function incidentDetail(r: typeof incidents.$inferSelect): z.infer<typeof IncidentDetail> {
  const v = r.snapshot as IncidentView;
  return {
    incidentId: r.incidentId,
    caseId: r.caseId,
    situation: r.situation,
    status: r.status,
    agreementVersion: r.agreementVersion,
    agreementRow: v.row ? { key: v.row.key, situation: v.row.situation, measures: v.row.measures.map((m) => m.text) } : null,
    escalations: r.escalations,
    report: {
      description: v.report.description,
      channel: v.report.channel,
      occurredAt: v.report.occurredAt,
      damage: v.report.damage ?? null,
      othersStaying: v.report.othersStaying ?? null,
      complainant: v.report.complainant ?? null,
      reportedBy: v.report.reportedBy,
      reportedAt: iso(v.report.reportedAt)!,
    },
    steps: v.steps.map((s) => ({ at: iso(s.at)!, byId: s.byId, text: s.text })),
    tasks: v.tasks.map((t) => ({
      id: t.id,
      title: t.title,
      role: t.role,
      assigneeId: t.assigneeId ?? null,
      dueDate: t.dueDate,
      status: t.status,
      overdue: t.overdue ?? false,
      assessment: t.assessment,
      decision: t.decision ?? null,
      note: t.note ?? null,
      doneAt: iso(t.doneAt),
      doneBy: t.doneBy ?? null,
    })),
    meetings: v.meetings.map((m) => ({ taskId: m.taskId, proposedTimes: m.proposedTimes, participants: m.participants, outcome: m.outcome ?? null, note: m.note ?? null })),
    timers: v.timers.map((t) => ({ id: t.id, at: iso(t.at)!, fired: t.fired })),
    revisionRequested: v.revisionRequested ?? false,
  };
}

export function registerIncidentRoutes(routes: ApiRoutes, deps: IntakeDeps & { temporal: Client }): void {
  const { db, temporal } = deps;

  routes.add(
    {
      method: 'post',
      path: '/api/tenancies/:caseId/incidents',
      summary: 'Meld en hendelse (skjema i oppfølgerappen, naboklage, telefon)',
      tag: 'Hendelser',
      roles: ['follow_up_worker', 'housing_officer', 'housing_office', 'intake'],
      params: CaseParams,
      headers: SubmissionHeaders,
      body: IncidentReport,
      responses: {
        201: { description: 'Hendelsen er registrert og følges opp' },
        200: { description: 'Samme innsending igjen: allerede registrert' },
        202: { description: 'Lagret; registreres når saken kan ta imot den' },
        409: { description: 'Saken kan ikke ta imot hendelser' },
      },
    },
    async ({ req, actor, params, headers, body }) => {
      // Forms may report on any case in their municipality; staff only on cases they may see.
      const row = await loadAccessibleCase(db, req, actor, params.caseId, (c) => actor.roles.includes('intake') && worksIn(actor, c.municipality));
      const outcome = await receiveIncident(deps, { actor, caseId: row.caseId, municipality: row.municipality, submissionId: headers['Idempotency-Key'], report: body, caseClosed: row.status === 'closed' });
      const reply = formReply(outcome);
      await audit(db, req, 'write', row.caseId, reply.status);
      return reply;
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/tenancies/:caseId/incidents',
      summary: 'Hendelsene i en sak, med åpne tiltak',
      tag: 'Hendelser',
      roles: ['follow_up_worker', 'housing_officer', 'housing_office'],
      params: CaseParams,
      responses: { 200: { description: 'Hendelser', schema: z.object({ incidents: z.array(IncidentSummary) }) } },
    },
    async ({ req, actor, params }) => {
      const row = await loadAccessibleCase(db, req, actor, params.caseId);
      const rows = await db.select().from(incidents).where(eq(incidents.caseId, row.caseId)).orderBy(asc(incidents.reportedAt));
      await audit(db, req, 'read', row.caseId, 200);
      return {
        status: 200,
        body: {
          incidents: rows.map((r) => {
            const view = r.snapshot as IncidentView;
            return {
              incidentId: r.incidentId,
              situation: r.situation,
              status: r.status,
              agreementVersion: r.agreementVersion,
              escalations: r.escalations,
              reportedAt: r.reportedAt.toISOString(),
              openTasks: view.tasks.filter((t) => t.status === 'open').map(({ id, title, role, dueDate, assessment }) => ({ id, title, role, dueDate, assessment })),
            };
          }),
        },
      };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/tenancies/:caseId/incidents/:incidentId',
      summary: 'Én hendelse i sin helhet: meldingen, stegene, tiltakene med vurderinger og notater, trepartssamtalene',
      tag: 'Hendelser',
      roles: ['follow_up_worker', 'housing_officer', 'housing_office', 'department_head', 'administrative_officer'],
      params: IncidentParams,
      responses: {
        200: { description: 'Hendelsen', schema: IncidentDetail },
        404: { description: 'Fant ikke hendelsen i denne saken' },
      },
    },
    async ({ req, actor, params }) => {
      // The co-located unit's staff act on incidents in their unit's cases, so they read them too.
      const row = await loadAccessibleCase(db, req, actor, params.caseId, (c) => worksInUnitOf(db, actor, c));
      const [incident] = await db.select().from(incidents).where(and(eq(incidents.caseId, row.caseId), eq(incidents.incidentId, params.incidentId)));
      if (!incident) {
        await audit(db, req, 'read', row.caseId, 404);
        throw new HttpError(404, 'Fant ikke hendelsen i denne saken.');
      }
      await audit(db, req, 'read', row.caseId, 200);
      return { status: 200, body: incidentDetail(incident) };
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/tenancies/:caseId/incidents/:incidentId/actions',
      summary: 'Registrer tiltak, vurdering, steg eller trepartssamtale i en hendelse',
      tag: 'Hendelser',
      roles: ['follow_up_worker', 'housing_officer', 'housing_office', 'department_head', 'administrative_officer'],
      params: IncidentParams,
      headers: SubmissionHeaders,
      body: IncidentActionPayload,
      responses: {
        200: { description: 'Registrert' },
        404: { description: 'Fant ikke hendelsen i denne saken' },
        409: { description: 'Passer ikke med der hendelsen står, eller hendelsen er avsluttet' },
        422: { description: 'Idempotensnøkkelen er brukt for en annen handling' },
      },
    },
    async ({ req, actor, params, headers, body }) => {
      // Co-located housing: the department head and administrative officer act on the rows that are
      // theirs, but only for cases in the co-located unit they work in (need to know).
      const row = await loadAccessibleCase(db, req, actor, params.caseId, (c) => worksInUnitOf(db, actor, c));
      // The workflow ID follows from the incident ID, so an incident can be acted on before its
      // read-model row is written; a wrong number is answered by Temporal as not found (404).
      if (!params.incidentId.startsWith(`${row.caseId}-H`)) throw new HttpError(404, 'Fant ikke hendelsen i denne saken.');
      const key = await claimIdempotencyKey(db, {
        scope: 'incident-action',
        key: headers['Idempotency-Key'],
        target: params.incidentId,
        content: body,
        actorId: actor.id,
      });
      const result = await temporal.workflow
        .getHandle(incidentWorkflowId(row.caseId, Number(params.incidentId.slice(row.caseId.length + 2))))
        .executeUpdate(incidentActionUpdate, { args: [{ idempotencyKey: key, actor, payload: body }], updateId: key })
        .catch(async (err: unknown) => {
          if (!(err instanceof WorkflowNotFoundError)) throw err;
          // A completed incident workflow is a closed incident: a final answer in plain words.
          const [known] = await db.select({ status: incidents.status }).from(incidents).where(eq(incidents.incidentId, params.incidentId));
          throw known ? new HttpError(409, 'Hendelsen er avsluttet og kan ikke endres.') : new HttpError(404, 'Fant ikke hendelsen i denne saken.');
        });
      await audit(db, req, 'write', row.caseId, 200);
      return { status: 200, body: result };
    },
  );
}

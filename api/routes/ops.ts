import { and, asc, count, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { caseTasks, formSubmissions, tenancies } from '../../db/schema';
import { committeeDecisions, committees } from '../../db/schema-committee';
import { notificationOutbox } from '../../db/schema-notifications';
import { osloDate } from '../../domain/calendar';
import { tenancyWorkflowId } from '../../domain/ids';
import { OpsOverviewQuery } from '../../domain/schemas/ops';
import { auditCases } from '../audit';
import { listedMunicipality } from '../auth';
import type { ApiRoutes } from '../routes';
import { currentRentLadder, portfolioFigures } from './rent';

const Count = z.object({ key: z.string(), cases: z.int() });
const CaseLink = z.object({ caseId: z.string(), workflowId: z.string() });

const OpsOverview = z.object({
  municipality: z.string(),
  asOf: z.string(),
  temporal: z.object({ uiUrl: z.string().nullable(), namespace: z.string() }),
  byPhase: z.array(Count),
  byEscalation: z.array(z.object({ level: z.int(), cases: z.int() })),
  overdueByRole: z.array(z.object({ role: z.string(), tasks: z.int() })),
  overdueByAssignee: z.array(z.object({ role: z.string(), assigneeId: z.string().nullable(), tasks: z.int() })),
  oldestDeadlines: z.array(CaseLink.extend({ taskId: z.string(), title: z.string(), role: z.string(), dueDate: z.string(), overdue: z.boolean() })),
  rent: z.object({
    tenancies: z.int(),
    tenanciesInArrears: z.int(),
    totalArrearsOre: z.int(),
    perStep: z.array(z.object({ key: z.string(), label: z.string(), cases: z.int() })),
    arrearsAge: z.array(z.object({ bucket: z.string(), cases: z.int() })),
  }),
  submissionsWaiting: z.object({
    total: z.int(),
    oldest: z.array(CaseLink.extend({ kind: z.string(), receivedAt: z.string(), attempts: z.int(), lastError: z.string().nullable() })),
  }),
  failedNotices: z.object({
    total: z.int(),
    latest: z.array(z.object({ id: z.int(), caseId: z.string().nullable(), workflowId: z.string().nullable(), createdAt: z.string(), attempts: z.int(), lastError: z.string().nullable() })),
  }),
  refusedDecisions: z.array(
    CaseLink.extend({ committeeId: z.string(), meetingId: z.string(), itemId: z.string(), effectKind: z.string().nullable(), deliveryError: z.string(), updatedAt: z.string() }),
  ),
});

export type OpsOverview = z.infer<typeof OpsOverview>;

const AGE_BUCKETS = ['1-5', '6-30', '31-60', '61-90', 'over90'] as const;
const LIST_LIMIT = 10;

/**
 * The ops (drift) overview of one municipality, from the read model only (no workflow is asked):
 * counts without names; the lists carry case IDs so each case links to its workflow.
 */
export async function opsOverview(db: Database, municipality: string, today: string): Promise<Omit<OpsOverview, 'temporal'>> {
  const inMunicipality = eq(tenancies.municipality, municipality);
  // The level the workflow puts in BotryggEscalationLevel: the case's own, or its rent ladder step (1-based), the higher.
  const rentLevel = sql<number>`coalesce((select s.ord from jsonb_array_elements(${tenancies.snapshot}->'rent'->'ladder'->'steps') with ordinality as s(v, ord) where s.v->>'key' = ${tenancies.snapshot}->'rent'->>'step'), 0)`;
  const level = sql<number>`greatest(coalesce((${tenancies.snapshot}->>'escalationLevel')::int, 0), ${rentLevel})::int`;

  const [byPhase, byEscalation, overdueByRole, overdueByAssignee, oldestDeadlines, figures, ladder] = await Promise.all([
    db.select({ key: tenancies.phase, cases: count() }).from(tenancies).where(inMunicipality).groupBy(tenancies.phase).orderBy(tenancies.phase),
    db
      .select({ level, cases: count() })
      .from(tenancies)
      .where(and(inMunicipality, eq(tenancies.status, 'active')))
      .groupBy(level)
      .orderBy(level),
    db
      .select({ role: caseTasks.role, tasks: count() })
      .from(caseTasks)
      .where(and(eq(caseTasks.municipality, municipality), eq(caseTasks.overdue, true)))
      .groupBy(caseTasks.role)
      .orderBy(caseTasks.role),
    db
      .select({ role: caseTasks.role, assigneeId: caseTasks.assigneeId, tasks: count() })
      .from(caseTasks)
      .where(and(eq(caseTasks.municipality, municipality), eq(caseTasks.overdue, true)))
      .groupBy(caseTasks.role, caseTasks.assigneeId)
      .orderBy(desc(count()), caseTasks.role, caseTasks.assigneeId),
    db
      .select({ caseId: caseTasks.caseId, taskId: caseTasks.taskId, title: caseTasks.title, role: caseTasks.role, dueDate: caseTasks.dueDate, overdue: caseTasks.overdue })
      .from(caseTasks)
      .where(eq(caseTasks.municipality, municipality))
      .orderBy(asc(caseTasks.dueDate), asc(caseTasks.caseId), asc(caseTasks.taskId))
      .limit(LIST_LIMIT),
    portfolioFigures(db, municipality, today),
    currentRentLadder(db, municipality),
  ]);

  const [[pending], oldestPending, [failed], latestFailed, refused] = await Promise.all([
    db.select({ n: count() }).from(formSubmissions).where(and(eq(formSubmissions.municipality, municipality), eq(formSubmissions.status, 'pending'))),
    db
      .select({ caseId: formSubmissions.caseId, kind: formSubmissions.kind, receivedAt: formSubmissions.receivedAt, attempts: formSubmissions.attempts, lastError: formSubmissions.lastError })
      .from(formSubmissions)
      .where(and(eq(formSubmissions.municipality, municipality), eq(formSubmissions.status, 'pending')))
      .orderBy(asc(formSubmissions.receivedAt))
      .limit(LIST_LIMIT),
    db.select({ n: count() }).from(notificationOutbox).where(and(eq(notificationOutbox.status, 'failed'), noticeOf(municipality))),
    db
      .select({ id: notificationOutbox.id, caseId: notificationOutbox.caseId, createdAt: notificationOutbox.createdAt, attempts: notificationOutbox.attempts, lastError: notificationOutbox.lastError })
      .from(notificationOutbox)
      .where(and(eq(notificationOutbox.status, 'failed'), noticeOf(municipality)))
      .orderBy(desc(notificationOutbox.createdAt))
      .limit(LIST_LIMIT),
    db
      .select({
        committeeId: committeeDecisions.committeeId,
        meetingId: committeeDecisions.meetingId,
        itemId: committeeDecisions.itemId,
        caseId: committeeDecisions.caseId,
        effectKind: committeeDecisions.effectKind,
        deliveryError: committeeDecisions.deliveryError,
        updatedAt: committeeDecisions.updatedAt,
      })
      .from(committeeDecisions)
      .innerJoin(committees, eq(committees.id, committeeDecisions.committeeId))
      .where(and(eq(committees.municipality, municipality), isNotNull(committeeDecisions.deliveryError), isNull(committeeDecisions.doneAt)))
      .orderBy(desc(committeeDecisions.updatedAt))
      .limit(50),
  ]);

  const labels = new Map(ladder.steps.map((s) => [s.key, s.label]));
  return {
    municipality,
    asOf: today,
    byPhase,
    byEscalation,
    overdueByRole,
    overdueByAssignee,
    oldestDeadlines: oldestDeadlines.map((t) => ({ ...t, workflowId: tenancyWorkflowId(t.caseId) })),
    rent: {
      tenancies: figures.tenancies,
      tenanciesInArrears: figures.tenanciesInArrears,
      totalArrearsOre: figures.totalArrearsOre,
      perStep: Object.entries(figures.perStep).map(([key, cases]) => ({ key, label: key === 'none' ? 'Ingen restanse' : (labels.get(key) ?? key), cases })),
      arrearsAge: AGE_BUCKETS.map((bucket) => ({ bucket, cases: figures.arrearsAge[bucket] })),
    },
    submissionsWaiting: {
      total: pending?.n ?? 0,
      oldest: oldestPending.map((s) => ({ ...s, receivedAt: s.receivedAt.toISOString(), workflowId: tenancyWorkflowId(s.caseId) })),
    },
    failedNotices: {
      total: failed?.n ?? 0,
      latest: latestFailed.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), workflowId: n.caseId ? tenancyWorkflowId(n.caseId) : null })),
    },
    refusedDecisions: refused.flatMap((d) =>
      d.caseId && d.deliveryError ? [{ ...d, caseId: d.caseId, deliveryError: d.deliveryError, updatedAt: d.updatedAt.toISOString(), workflowId: tenancyWorkflowId(d.caseId) }] : [],
    ),
  };
}

/** The outbox has no municipality: a notice is the municipality's through its case, or its committee's key. */
function noticeOf(municipality: string) {
  return sql`(
    ${notificationOutbox.caseId} in (select ${tenancies.caseId} from ${tenancies} where ${tenancies.municipality} = ${municipality})
    or (${notificationOutbox.caseId} is null and exists (
      select 1 from ${committees} where ${committees.municipality} = ${municipality}
      and starts_with(${notificationOutbox.dedupKey}, 'committee-' || ${committees.id} || '#')))
  )`;
}

export function registerOpsRoutes(routes: ApiRoutes, deps: { db: Database; temporalUiUrl?: string; namespace: string }): void {
  const { db } = deps;
  routes.add(
    {
      method: 'get',
      path: '/api/ops/overview',
      summary: 'Driftsoversikt: saker per fase og eskaleringsnivå, forfalte oppgaver, restanser, skjema som venter, varsler som feilet, beslutninger en sak avviste',
      tag: 'Drift',
      roles: ['housing_office'],
      query: OpsOverviewQuery,
      responses: { 200: { description: 'Oversikten (tall uten navn; lister med saksnummer)', schema: OpsOverview } },
    },
    async ({ req, actor, query }) => {
      const municipality = listedMunicipality(actor, query.municipality);
      const overview = await opsOverview(db, municipality, osloDate(Date.now()));
      // The lists name cases (no names, but a task title or an error may be about the person): logged per case.
      const caseIds = [
        ...overview.oldestDeadlines.map((t) => t.caseId),
        ...overview.submissionsWaiting.oldest.map((s) => s.caseId),
        ...overview.failedNotices.latest.map((n) => n.caseId),
        ...overview.refusedDecisions.map((d) => d.caseId),
      ];
      await auditCases(db, req, 'read', caseIds, 200);
      return { status: 200, body: { ...overview, temporal: { uiUrl: deps.temporalUiUrl ?? null, namespace: deps.namespace } } };
    },
  );
}

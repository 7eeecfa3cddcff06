import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { and, eq } from 'drizzle-orm';
import { formSubmissions } from '../db/schema';
import { scopedKey } from '../domain/idempotency';
import type { IncidentReport } from '../domain/incidents/incident';
import { tenancyWorkflowId } from '../domain/ids';
import type { Actor } from '../domain/roles';
import { FailureType, reportIncidentUpdate, type ReportIncidentResult } from '../workflows/messages';
import { canonicalHash } from './canonical-hash';
import { assertSameForm, findSubmission, recordAttempt, type Submission } from './form-submissions';
import { HttpError } from './errors';
import type { IntakeDeps } from './tenancy-intake';

export type IncidentIntakeOutcome =
  | { kind: 'applied' | 'existing'; result: ReportIncidentResult }
  | { kind: 'kept'; message: string };

const DELIVERY_DEADLINE_MS = 5_000;
const KEPT = 'Meldingen er mottatt og lagret. Den registreres i saken så snart saken kan ta imot den.';
export const CASE_CLOSED_FOR_REPORTS = 'Saken er avsluttet og kan ikke ta imot nye meldinger. Meld forholdet i en åpen sak, eller kontakt boligkontoret.';
const CASE_NOT_STARTED = 'Saken er ikke startet ennå. Meldingen er lagret og registreres når saken er startet.';

/**
 * An incident report from a form (staff app, neighbour-complaint form, a phone call typed in). Stored
 * first under the form's submission ID; then delivered to the tenancy as an update with that ID (scoped
 * to incident reports), so a resend is acknowledged and never applied twice, a report the case cannot
 * take yet is kept, and a report for a closed case is refused with its reason.
 */
export async function receiveIncident(
  deps: IntakeDeps,
  req: { actor: Actor; caseId: string; municipality: string; submissionId: string; report: IncidentReport; caseClosed: boolean },
): Promise<IncidentIntakeOutcome> {
  const payloadHash = canonicalHash(req.report);
  const [inserted] = await deps.db
    .insert(formSubmissions)
    .values({
      submissionId: req.submissionId,
      kind: 'incident',
      caseId: req.caseId,
      municipality: req.municipality,
      submittedBy: req.actor.id,
      payload: { report: req.report, reporter: req.actor },
      payloadHash,
    })
    .onConflictDoNothing({ target: [formSubmissions.kind, formSubmissions.submissionId] })
    .returning();
  const submission = inserted ?? (await findSubmission(deps.db, 'incident', req.submissionId));
  if (!inserted) assertSameForm(submission, { kind: 'incident', payloadHash, caseId: req.caseId });
  if (submission.status === 'delivered') return { kind: 'existing', result: submission.result as ReportIncidentResult };
  if (submission.status === 'rejected') throw new HttpError(409, submission.lastError ?? 'Meldingen kan ikke registreres på denne saken.');
  if (req.caseClosed) {
    // Kept as refused, with its reason: the form is never lost, and the relay never tries it.
    await recordAttempt(deps.db, submission, { delivered: false, error: CASE_CLOSED_FOR_REPORTS, rejected: true });
    throw new HttpError(409, CASE_CLOSED_FOR_REPORTS);
  }
  const outcome = await deliverIncident(deps, submission);
  if (outcome.kind === 'rejected') throw new HttpError(409, outcome.message);
  if (outcome.kind !== 'delivered') return { kind: 'kept', message: outcome.kind === 'not_yet' ? `${outcome.message}` : KEPT };
  return { kind: inserted ? 'applied' : 'existing', result: outcome.result };
}

export async function deliverIncident(
  deps: IntakeDeps,
  submission: Submission,
): Promise<{ kind: 'delivered'; result: ReportIncidentResult } | { kind: 'not_yet' | 'unavailable' | 'rejected'; message: string }> {
  const { db, temporal, logger } = deps;
  const { report, reporter } = submission.payload as { report: IncidentReport; reporter: Actor };
  const workflowId = tenancyWorkflowId(submission.caseId);
  // The workflow remembers the report, and Temporal dedupes the update, under the key scoped to
  // incident reports, so a case action that happened to carry the same key is never taken for it.
  const key = scopedKey('incident-report', submission.submissionId);
  try {
    const result = await temporal.withDeadline(Date.now() + DELIVERY_DEADLINE_MS, () =>
      temporal.workflow.getHandle(workflowId).executeUpdate(reportIncidentUpdate, { args: [{ submissionId: key, reporter, report }], updateId: key }),
    );
    await recordAttempt(db, submission, { delivered: true, result });
    logger.info({ workflowId, submissionId: submission.submissionId, incidentId: result.incidentId }, 'Incident delivered');
    return { kind: 'delivered', result };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return caseGone(deps, submission);
    const failure = err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure ? err.cause : undefined;
    const rejected = failure?.type === FailureType.InvalidTransition;
    const message = failure?.message ?? String((err as Error).message);
    await recordAttempt(db, submission, { delivered: false, error: message, rejected });
    if (!failure) logger.warn({ err, workflowId, submissionId: submission.submissionId }, 'Incident kept for later delivery');
    return { kind: rejected ? 'rejected' : failure?.type === FailureType.NotYet ? 'not_yet' : 'unavailable', message };
  }
}

/**
 * Temporal answered that the case's workflow is not there (or already completed): a final answer,
 * not an outage. The one exception is a case whose application is itself still waiting for the relay.
 */
async function caseGone(deps: IntakeDeps, submission: Submission): Promise<{ kind: 'not_yet' | 'rejected'; message: string }> {
  const [application] = await deps.db
    .select({ status: formSubmissions.status })
    .from(formSubmissions)
    .where(and(eq(formSubmissions.kind, 'application'), eq(formSubmissions.caseId, submission.caseId)));
  if (application?.status === 'pending') {
    await recordAttempt(deps.db, submission, { delivered: false, error: CASE_NOT_STARTED });
    return { kind: 'not_yet', message: CASE_NOT_STARTED };
  }
  await recordAttempt(deps.db, submission, { delivered: false, error: CASE_CLOSED_FOR_REPORTS, rejected: true });
  deps.logger.info({ caseId: submission.caseId, submissionId: submission.submissionId }, 'Incident refused: the case is closed');
  return { kind: 'rejected', message: CASE_CLOSED_FOR_REPORTS };
}

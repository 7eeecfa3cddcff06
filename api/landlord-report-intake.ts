import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { formSubmissions } from '../db/schema';
import { scopedKey } from '../domain/idempotency';
import type { Actor } from '../domain/roles';
import type { LandlordReportInput } from '../domain/schemas/private-rental';
import { FailureType, landlordReportUpdate, type LandlordReportResult } from '../workflows/messages';
import { canonicalHash } from './canonical-hash';
import { assertSameForm, findSubmission, recordAttempt, type Submission } from './form-submissions';
import { HttpError } from './errors';
import type { IntakeDeps } from './tenancy-intake';

export type LandlordReportOutcome = { kind: 'applied' | 'existing'; result: LandlordReportResult } | { kind: 'kept'; message: string };

const DELIVERY_DEADLINE_MS = 5_000;
const KEPT = 'Meldingen er mottatt og lagret. Den registreres i saken så snart saken kan ta imot den.';
export const NOT_IN_PRIVATE_RENTAL = 'Saken følges ikke i prosessen for hjelp til å leie privat, og kan ikke ta imot meldinger fra utleier.';

/**
 * A landlord's problem report on a private-rental case (form, phone, e-mail typed in). Stored first
 * under the form's submission ID (kind `landlord-report`), then delivered to the case's private-rental
 * workflow as an update keyed by that ID, so a resend is acknowledged and never applied twice, a report
 * the case cannot take yet (before move-in) or that arrives while Temporal is away is kept for the
 * relay, and a report for a case that is not (or no longer) helped to rent privately is refused.
 * The free text is kept in the submission, never in the workflow, the timeline or a notice.
 */
export async function receiveLandlordReport(
  deps: IntakeDeps,
  req: { actor: Actor; caseId: string; municipality: string; submissionId: string; report: LandlordReportInput; workflowId: string | undefined },
): Promise<LandlordReportOutcome> {
  const payloadHash = canonicalHash(req.report);
  const [inserted] = await deps.db
    .insert(formSubmissions)
    .values({ submissionId: req.submissionId, kind: 'landlord-report', caseId: req.caseId, municipality: req.municipality, submittedBy: req.actor.id, payload: { report: req.report, reporter: req.actor, workflowId: req.workflowId }, payloadHash })
    .onConflictDoNothing({ target: [formSubmissions.kind, formSubmissions.submissionId] })
    .returning();
  const submission = inserted ?? (await findSubmission(deps.db, 'landlord-report', req.submissionId));
  if (!inserted) assertSameForm(submission, { kind: 'landlord-report', payloadHash, caseId: req.caseId });
  if (submission.status === 'delivered') return { kind: 'existing', result: submission.result as LandlordReportResult };
  if (submission.status === 'rejected') throw new HttpError(409, submission.lastError ?? NOT_IN_PRIVATE_RENTAL);
  const outcome = await deliverLandlordReport(deps, submission);
  if (outcome.kind === 'rejected') throw new HttpError(409, outcome.message);
  if (outcome.kind !== 'delivered') return { kind: 'kept', message: outcome.kind === 'not_yet' ? outcome.message : KEPT };
  return { kind: inserted ? 'applied' : 'existing', result: outcome.result };
}

export async function deliverLandlordReport(
  deps: IntakeDeps,
  submission: Submission,
): Promise<{ kind: 'delivered'; result: LandlordReportResult } | { kind: 'not_yet' | 'unavailable' | 'rejected'; message: string }> {
  const { db, temporal, logger } = deps;
  const { report, reporter, workflowId } = submission.payload as { report: LandlordReportInput; reporter: Actor; workflowId?: string };
  if (!workflowId) {
    await recordAttempt(db, submission, { delivered: false, error: NOT_IN_PRIVATE_RENTAL, rejected: true });
    return { kind: 'rejected', message: NOT_IN_PRIVATE_RENTAL };
  }
  const key = scopedKey('landlord-report', submission.submissionId);
  try {
    const result = await temporal.withDeadline(Date.now() + DELIVERY_DEADLINE_MS, () =>
      temporal.workflow.getHandle(workflowId).executeUpdate(landlordReportUpdate, {
        args: [{ submissionId: key, reporter, report: { category: report.category, receivedDate: report.receivedDate, channel: report.channel } }],
        updateId: key,
      }),
    );
    await recordAttempt(db, submission, { delivered: true, result });
    logger.info({ workflowId, submissionId: submission.submissionId }, 'Landlord report delivered');
    return { kind: 'delivered', result };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) {
      await recordAttempt(db, submission, { delivered: false, error: NOT_IN_PRIVATE_RENTAL, rejected: true });
      return { kind: 'rejected', message: NOT_IN_PRIVATE_RENTAL };
    }
    const failure = err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure ? err.cause : undefined;
    const rejected = failure?.type === FailureType.InvalidTransition;
    const message = failure?.message ?? String((err as Error).message);
    await recordAttempt(db, submission, { delivered: false, error: message, rejected });
    if (!failure) logger.warn({ err, workflowId, submissionId: submission.submissionId }, 'Landlord report kept for later delivery');
    return { kind: rejected ? 'rejected' : failure?.type === FailureType.NotYet ? 'not_yet' : 'unavailable', message };
  }
}

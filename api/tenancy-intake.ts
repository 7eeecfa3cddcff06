import { randomInt } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Database } from '../db/client';
import { formSubmissions, tenancies } from '../db/schema';
import type { Application, ApplicationData } from '../domain/application';
import { osloDate } from '../domain/calendar';
import { formatCaseId, tenancyWorkflowId } from '../domain/ids';
import type { Actor } from '../domain/roles';
import { CaseKindKey, MunicipalityKey, PhaseKey } from '../domain/search-attributes';
import { tenancyWorkflow } from '../workflows/tenancy';
import type { Logger } from '../platform/logger';
import { canonicalHash } from './canonical-hash';
import { assertSameForm, findSubmission, recordAttempt, type Submission } from './form-submissions';
import { municipalityPolicy } from './routes/municipalities';

export interface IntakeDeps {
  db: Database;
  temporal: Client;
  taskQueue: string;
  logger: Logger;
  /** Draws a case ID; random by default (tests give one that is taken, to prove a new one is drawn). */
  drawCaseId?: (municipality: string, year: number) => string;
}

export interface IntakeOutcome {
  /** started: the case is running now; existing: a resend of an earlier submission; pending: stored, starts when Temporal answers. */
  kind: 'started' | 'existing' | 'pending';
  caseId: string;
  workflowId: string;
}

const START_DEADLINE_MS = 5_000;
const CASE_ID_ATTEMPTS = 5;
const randomCaseId = (municipality: string, year: number) => formatCaseId(municipality, year, () => randomInt(1 << 30) / (1 << 30));

/** The unique violation of the tenancies' primary key (pg and PGlite both carry SQLSTATE 23505, drizzle as `cause`). */
export function isTakenCaseId(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pgError = e.code ? e : e.cause;
  return pgError?.code === '23505' && pgError.constraint === 'tenancies_pkey';
}

/**
 * Receives an application form. The submission is stored first, under the client's idempotency
 * key, together with the case's first read-model row; only then is the workflow started. A resend
 * finds the stored submission and returns the same case; if Temporal is down the submission waits
 * in the table for the relay, so nothing a form sent is lost.
 */
export async function receiveApplication(
  deps: IntakeDeps,
  req: { actor: Actor; idempotencyKey: string; input: ApplicationData },
): Promise<IntakeOutcome> {
  const { db } = deps;
  const payloadHash = canonicalHash(req.input);
  const application: Application = { ...req.input, receivedDate: req.input.receivedDate ?? osloDate(Date.now()) };
  const year = Number(application.receivedDate.slice(0, 4));
  const newCaseId = () => (deps.drawCaseId ?? randomCaseId)(application.municipality, year);

  // Case IDs are random (32^6 per municipality and year): at Oslo's size a new one now and then
  // meets an existing case, which was a 500 for the form. A taken ID is drawn again instead.
  let caseId = newCaseId();
  let inserted: typeof formSubmissions.$inferSelect | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      inserted = await storeApplication(caseId);
      break;
    } catch (err) {
      if (attempt >= CASE_ID_ATTEMPTS || !isTakenCaseId(err)) throw err;
      caseId = newCaseId();
    }
  }

  async function storeApplication(caseId: string) {
    return db.transaction(async (tx) => {
      const rows = await tx
        .insert(formSubmissions)
        .values({
          submissionId: req.idempotencyKey,
          kind: 'application',
          caseId,
          municipality: application.municipality,
          submittedBy: req.actor.id,
          payload: application,
          payloadHash,
        })
        .onConflictDoNothing({ target: [formSubmissions.kind, formSubmissions.submissionId] })
        .returning();
      if (rows.length === 0) return undefined;
      await tx.insert(tenancies).values({
        caseId,
        workflowId: tenancyWorkflowId(caseId),
        municipality: application.municipality,
        phase: 'application',
        status: 'received',
        applicantName: application.applicant.name,
        housingOfficerId: application.housingOfficerId ?? null,
        stateVersion: 0,
        snapshot: {},
      });
      return rows[0];
    });
  }

  if (!inserted) {
    const existing = await findSubmission(db, 'application', req.idempotencyKey);
    assertSameForm(existing, { kind: 'application', payloadHash });
    if (existing.status === 'delivered') return { kind: 'existing', caseId: existing.caseId, workflowId: tenancyWorkflowId(existing.caseId) };
    const delivered = await deliverSubmission(deps, existing);
    return { kind: delivered ? 'existing' : 'pending', caseId: existing.caseId, workflowId: tenancyWorkflowId(existing.caseId) };
  }
  const delivered = await deliverSubmission(deps, inserted);
  return { kind: delivered ? 'started' : 'pending', caseId, workflowId: tenancyWorkflowId(caseId) };
}

/** Starts the workflow a stored submission asks for. Returns false (and keeps it pending) when Temporal is unreachable. */
export async function deliverSubmission(deps: IntakeDeps, submission: Submission): Promise<boolean> {
  const { db, temporal, taskQueue, logger } = deps;
  const workflowId = tenancyWorkflowId(submission.caseId);
  const application = submission.payload as Application;
  const policy = await municipalityPolicy(db, application.municipality);
  try {
    // A person is waiting on the form: if Temporal does not answer soon, keep the submission for the relay.
    await temporal.withDeadline(Date.now() + START_DEADLINE_MS, () => temporal.workflow.start(tenancyWorkflow, {
      workflowId,
      taskQueue,
      // The case keeps the rules it started under, even if the defaults change later.
      args: [{ caseId: submission.caseId, application, policy }],
      // A resend after a lost response must find the running case, never start a second one.
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: CaseKindKey, value: 'tenancy' },
        { key: MunicipalityKey, value: application.municipality },
        { key: PhaseKey, value: 'application' },
      ],
    }));
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) {
      logger.warn({ err, workflowId, submissionId: submission.submissionId }, 'Submission kept for later delivery');
      await recordAttempt(db, submission, { delivered: false, error: String((err as Error).message) });
      return false;
    }
  }
  await recordAttempt(db, submission, { delivered: true });
  logger.info({ workflowId, submissionId: submission.submissionId }, 'Tenancy workflow started');
  return true;
}

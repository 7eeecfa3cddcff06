import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { formSubmissions } from '../db/schema';
import { HttpError } from './errors';

/**
 * The store every form passes through before anything else happens: keyed by the client's
 * submission ID, so a resend finds the first copy and a different form under the same ID is refused.
 */
export type Submission = typeof formSubmissions.$inferSelect;

/** Keys are scoped by kind: an application and an incident report may carry the same submission ID. */
export async function findSubmission(db: Database, kind: string, submissionId: string): Promise<Submission> {
  const [row] = await db.select().from(formSubmissions).where(and(eq(formSubmissions.kind, kind), eq(formSubmissions.submissionId, submissionId)));
  if (!row) throw new Error(`submission ${submissionId} vanished`);
  return row;
}

/** A resend must be the same form: same kind, same content, same case. */
export function assertSameForm(existing: Submission, form: { kind: string; payloadHash: string; caseId?: string }): void {
  if (existing.kind !== form.kind || existing.payloadHash !== form.payloadHash || (form.caseId !== undefined && existing.caseId !== form.caseId)) {
    throw new HttpError(422, 'Denne idempotensnøkkelen er allerede brukt for en annen innsending. Lag en ny nøkkel for et nytt skjema.');
  }
}

/** Longer than one relay tick can spend on failures (three "away" answers of up to 5 s each). */
const FIRST_RETRY_MS = 20_000;
const MAX_RETRY_MS = 5 * 60_000;

/**
 * How long the relay waits before trying a kept submission again after its `attempts`-th failure:
 * doubling from 20 s up to 5 minutes, so a submission that keeps failing costs little, the next tick
 * starts with submissions not yet tried, and one kept through an outage is tried again within
 * minutes of Temporal coming back.
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, Math.min(attempts - 1, 16)));
}

/** Records one delivery attempt: delivered (with what the workflow answered), kept for later, or refused for good. */
export async function recordAttempt(
  db: Database,
  submission: Pick<Submission, 'kind' | 'submissionId' | 'attempts'>,
  outcome: { delivered: true; result?: unknown } | { delivered: false; error: string; rejected?: boolean },
): Promise<void> {
  const attempts = sql`${formSubmissions.attempts} + 1`;
  const nextAttemptAt = outcome.delivered || outcome.rejected ? null : new Date(Date.now() + retryDelayMs(submission.attempts + 1));
  await db
    .update(formSubmissions)
    .set(
      outcome.delivered
        ? { attempts, status: 'delivered', deliveredAt: new Date(), lastError: null, nextAttemptAt, ...(outcome.result !== undefined ? { result: outcome.result } : {}) }
        : { attempts, lastError: outcome.error.slice(0, 500), nextAttemptAt, ...(outcome.rejected ? { status: 'rejected' as const } : {}) },
    )
    .where(and(eq(formSubmissions.kind, submission.kind), eq(formSubmissions.submissionId, submission.submissionId)));
}

/**
 * The answer to a form delivered to a case (incident, landlord report): 201 when the case took it,
 * 200 for the same submission again, 202 when it is kept until the case can take it.
 */
export function formReply<R extends object>(outcome: { kind: 'applied' | 'existing'; result: R } | { kind: 'kept'; message: string }) {
  const status = outcome.kind === 'applied' ? 201 : outcome.kind === 'existing' ? 200 : 202;
  return outcome.kind === 'kept' ? { status, body: { status: 'kept' as const, message: outcome.message } } : { status, body: { status: outcome.kind, ...outcome.result } };
}

import type { Logger } from '../platform/logger';
import { and, asc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import { formSubmissions } from '../db/schema';
import { deliverIncident } from './incident-intake';
import { deliverLandlordReport } from './landlord-report-intake';
import { deliverSubmission, type IntakeDeps } from './tenancy-intake';

/**
 * Retries form submissions that were stored while Temporal was unreachable. Runs in every API
 * process; delivery is idempotent (workflow ID conflict policy), so two relays racing is harmless.
 */
export function startSubmissionRelay(deps: IntakeDeps, intervalMs: number, logger: Logger): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = deliverPendingSubmissions(deps)
      .then((n) => void (n > 0 && logger.info({ delivered: n }, 'Delivered pending submissions')))
      .catch((err: unknown) => logger.warn({ err }, 'Submission relay failed; will retry'))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** After this many "Temporal away" answers in a row the tick ends: the rest wait for the next one. */
const UNAVAILABLE_IN_A_ROW = 3;

/**
 * Delivers submissions that arrived while Temporal was unreachable or the case could not take them
 * yet, oldest first among those whose own next attempt is due. Every failed attempt moves only that
 * submission's next attempt on (`retryDelayMs`), and a final refusal ends it as `rejected` with its
 * reason, so no submission ever holds back the ones behind it. Given `caseIds` (the caller knows
 * those cases changed), only their pending submissions are tried, and at once, backoff or not,
 * unless `dueOnly` says otherwise.
 */
export async function deliverPendingSubmissions(deps: IntakeDeps, opts: { limit?: number; caseIds?: string[]; dueOnly?: boolean } = {}): Promise<number> {
  const dueOnly = opts.dueOnly ?? !opts.caseIds;
  const due = dueOnly ? or(isNull(formSubmissions.nextAttemptAt), lte(formSubmissions.nextAttemptAt, new Date())) : undefined;
  const pending = await deps.db
    .select()
    .from(formSubmissions)
    .where(and(eq(formSubmissions.status, 'pending'), opts.caseIds ? inArray(formSubmissions.caseId, opts.caseIds) : undefined, due))
    .orderBy(asc(formSubmissions.receivedAt))
    .limit(opts.limit ?? 50);
  let delivered = 0;
  let unavailableInARow = 0;
  for (const submission of pending) {
    let unavailable: boolean;
    if (submission.kind === 'landlord-report') {
      const outcome = await deliverLandlordReport(deps, submission);
      if (outcome.kind === 'delivered') delivered++;
      unavailable = outcome.kind === 'unavailable';
    } else if (submission.kind === 'incident') {
      const outcome = await deliverIncident(deps, submission);
      if (outcome.kind === 'delivered') delivered++;
      unavailable = outcome.kind === 'unavailable';
    } else {
      const started = await deliverSubmission(deps, submission);
      if (started) delivered++;
      unavailable = !started;
    }
    unavailableInARow = unavailable ? unavailableInARow + 1 : 0;
    // Several in a row: Temporal itself is away, and each try would wait out its deadline.
    if (unavailableInARow >= UNAVAILABLE_IN_A_ROW) break;
  }
  return delivered;
}

import type { Logger } from '../platform/logger';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { formSubmissions } from '../db/schema';
import { deliverIncident } from './incident-intake';
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

/**
 * Delivers submissions that arrived while Temporal was unreachable or the case could not take them
 * yet, oldest first. Stops at the first sign that Temporal is away, to retry on the next tick.
 */
export async function deliverPendingSubmissions(deps: IntakeDeps, opts: { limit?: number; caseIds?: string[] } = {}): Promise<number> {
  const pending = await deps.db
    .select()
    .from(formSubmissions)
    .where(and(eq(formSubmissions.status, 'pending'), opts.caseIds ? inArray(formSubmissions.caseId, opts.caseIds) : undefined))
    .orderBy(asc(formSubmissions.receivedAt))
    .limit(opts.limit ?? 50);
  let delivered = 0;
  for (const submission of pending) {
    if (submission.kind === 'incident') {
      const outcome = await deliverIncident(deps, submission);
      if (outcome.kind === 'delivered') delivered++;
      // "Not yet" concerns this case only; "unavailable" means Temporal is away: try again next tick.
      if (outcome.kind === 'unavailable') break;
      continue;
    }
    if (!(await deliverSubmission(deps, submission))) break;
    delivered++;
  }
  return delivered;
}

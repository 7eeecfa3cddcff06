import type { Logger } from '../platform/logger';
import { deliverPendingSubmissions, type IntakeDeps } from './tenancy-intake';

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

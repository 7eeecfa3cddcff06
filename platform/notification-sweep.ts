import { createNotificationActivities } from '../activities/notifications';
import type { Database } from '../db/client';
import type { Logger } from './logger';
import type { Mailer } from './mailer';

/**
 * Sends what waits in the outbox: notices queued while SMTP was down or not yet configured. Row
 * locks let it run beside the workflows' own sends, in as many worker processes as there are.
 */
export function startNotificationSweep(deps: { db: Database; mailer: Mailer; from?: string }, intervalMs: number, logger: Logger): { stop(): Promise<void> } {
  const outbox = createNotificationActivities(deps);
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= outbox
      .sendPendingNotifications({ limit: 50 })
      .then((r) => void (r.sent + r.failed + r.errors > 0 && logger.info(r, 'Notification sweep')))
      .catch((err: unknown) => logger.warn({ err }, 'Notification sweep failed; will retry'))
      .finally(() => (running = undefined));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

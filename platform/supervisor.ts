import type { Logger } from './logger';

/** What the supervisor keeps alive: a Temporal worker, or anything that runs until it fails. */
export interface Runnable {
  run(): Promise<void>;
  shutdown(): void;
}

export interface SupervisorOptions {
  name: string;
  logger: Logger;
  /** First wait before a restart; doubled after each quick failure up to `maxBackoffMs`. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** A run that lasted this long counts as healthy: the next failure waits `minBackoffMs` again. */
  healthyAfterMs?: number;
  /** Told of every restart (for a line on the terminal). */
  onRestart?: (info: { restarts: number; waitMs: number; error: string }) => void;
}

export interface Supervised {
  readonly restarts: number;
  /** Stops the current run (draining it) and does not start another. */
  stop(): Promise<void>;
}

/**
 * Keeps one runnable going: when it fails (or returns without being asked to stop), it is logged and
 * created afresh after a backoff. Under `npm start` the worker runs in the same process as the API and
 * owns no state of its own (Temporal and the database hold it), so a failed worker is restarted
 * instead of stopping the API and the Temporal server with it.
 */
export function supervise(create: () => Promise<Runnable>, opts: SupervisorOptions): Supervised {
  const min = opts.minBackoffMs ?? 1000;
  const max = opts.maxBackoffMs ?? 60_000;
  const healthyAfter = opts.healthyAfterMs ?? 60_000;
  const log = opts.logger.child({ component: opts.name });
  let stopping = false;
  let current: Runnable | undefined;
  let restarts = 0;
  let wake: (() => void) | undefined;

  const loop = (async () => {
    let backoff = min;
    while (!stopping) {
      const startedAt = Date.now();
      let error: string;
      try {
        current = await create();
        if (stopping) {
          current.shutdown();
        }
        await current.run();
        if (stopping) break;
        error = 'stopped without being asked to';
      } catch (err) {
        if (stopping) break;
        error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        log.error({ err, restarts }, `${opts.name} failed`);
      } finally {
        current = undefined;
      }
      backoff = Date.now() - startedAt >= healthyAfter ? min : backoff;
      restarts++;
      log.warn({ restarts, waitMs: backoff, error: error.slice(0, 300) }, `Restarting ${opts.name}`);
      opts.onRestart?.({ restarts, waitMs: backoff, error });
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, backoff).unref();
      });
      wake = undefined;
      backoff = Math.min(backoff * 2, max);
    }
  })();

  return {
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      wake?.();
      try {
        current?.shutdown();
      } catch {
        /* not running (yet): the loop sees `stopping` */
      }
      await loop;
    },
  };
}

import pino, { type Logger } from 'pino';
import { Runtime, type LogLevel, type LogMetadata } from '@temporalio/worker';

export type { Logger };

export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({ level, base: { service: 'botrygg', ...base }, timestamp: pino.stdTimeFunctions.isoTime });
}

const LEVELS: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

let installed = false;

/**
 * Routes the SDK's logs (worker, workflow `log`, activity `log`) into pino. The SDK attaches
 * workflowId, runId and activity metadata to each call, so every line carries the case it concerns.
 * The Runtime is process-wide and can be installed once only.
 */
export function installTemporalLogger(logger: Logger, opts: { handleSignals?: boolean } = {}): void {
  if (installed) return;
  installed = true;
  const child = logger.child({ component: 'temporal' });
  Runtime.install({
    // A process that owns more than the worker (npm start) shuts down in its own order.
    ...(opts.handleSignals === false ? { shutdownSignals: [] } : {}),
    logger: {
      log: (level: LogLevel, message: string, meta?: LogMetadata) => child[LEVELS[level]](meta ?? {}, message),
      trace: (message, meta) => child.trace(meta ?? {}, message),
      debug: (message, meta) => child.debug(meta ?? {}, message),
      info: (message, meta) => child.info(meta ?? {}, message),
      warn: (message, meta) => child.warn(meta ?? {}, message),
      error: (message, meta) => child.error(meta ?? {}, message),
    },
  });
}

import pino, { type DestinationStream, type Logger } from 'pino';
import { Runtime, type LogLevel, type LogMetadata } from '@temporalio/worker';

export type { Logger };

/**
 * Logs carry IDs, never personal data, and the redaction happens here so that no call site can
 * forget it. Database errors are the dangerous ones: drizzle puts the query's parameters (a whole
 * application: name, e-mail, phone, housing situation) in the message, PostgreSQL puts the
 * offending value in `detail` and in messages such as `invalid input syntax …: "value"`.
 */
export function createLogger(level: string, base: Record<string, unknown> = {}, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'botrygg', ...base },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: safeError, error: safeError, cause: safeError, failure: safeError },
    redact: { paths: REDACTED_PATHS, censor: REDACTED },
    // Messages too: the Temporal SDK writes an error's message into its own ("Error while processing …: <message>").
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubErrorText(a) : a)) as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const REDACTED = '[fjernet]';

/** Keys that hold personal data or whole request bodies wherever they appear (top level or one down). */
const PERSONAL_KEYS = ['applicant', 'applicantName', 'name', 'email', 'phone', 'currentHousing', 'payload', 'body', 'params', 'parameters', 'args', 'detail', 'report', 'note', 'text', 'summary'];
const REDACTED_PATHS = [...PERSONAL_KEYS, ...PERSONAL_KEYS.map((k) => `*.${k}`)];

/** Fields of an error that name things (codes, tables, constraints), never values. */
const SAFE_ERROR_FIELDS = ['code', 'constraint', 'table', 'column', 'schema', 'dataType', 'severity', 'routine', 'status', 'statusCode', 'type', 'failureType', 'workflowId', 'runId', 'nonRetryable'];

/** Removes values from a database or Temporal error text, keeping the SQL and the error's kind. */
export function scrubErrorText(text: string): string {
  return (
    text
      // drizzle: "Failed query: insert … values ($1, $2)\nparams: Ingrid,ingrid@…" (a parameter may
      // hold line breaks: everything up to the stack's first frame goes)
      .replace(/params:[\s\S]*?(?=\n\s+at\s|$)/g, `params: ${REDACTED}`)
      // PostgreSQL: `invalid input syntax for type uuid: "…"`, `… for enum x: "…"`
      .replace(/: "[^"\n]*"/g, `: "${REDACTED}"`)
      // PostgreSQL detail: "Key (email)=(ingrid@…) already exists."
      .replace(/\)=\([^\n]*?\)( already exists| is not present| conflicts)/g, `)=(${REDACTED})$1`)
  );
}

/** An error as it may be logged: its kind, scrubbed message and stack, safe fields, and its causes. */
export function safeError(err: unknown, depth = 0): unknown {
  if (err === null || typeof err !== 'object') return typeof err === 'string' ? scrubErrorText(err) : err;
  const e = err as Record<string, unknown> & { message?: unknown; stack?: unknown; name?: unknown };
  const out: Record<string, unknown> = { type: (e.constructor as { name?: string } | undefined)?.name ?? e.name };
  if (typeof e.message === 'string') out.message = scrubErrorText(e.message);
  if (typeof e.stack === 'string') out.stack = scrubErrorText(e.stack);
  for (const k of SAFE_ERROR_FIELDS) {
    const v = e[k];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = typeof v === 'string' ? scrubErrorText(v) : v;
  }
  if (e.cause !== undefined && depth < 6) out.cause = safeError(e.cause, depth + 1);
  return out;
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
export function installTemporalLogger(
  logger: Logger,
  opts: {
    handleSignals?: boolean;
    /** `host:port` for the core runtime's Prometheus exporter (worker and worker-client metrics); unset: none. */
    sdkMetricsAddress?: string;
  } = {},
): void {
  if (installed) return;
  installed = true;
  const child = logger.child({ component: 'temporal' });
  Runtime.install({
    // Seconds and _total, as Prometheus names them; served through the process's own /metrics (platform/metrics.ts).
    ...(opts.sdkMetricsAddress
      ? { telemetryOptions: { metrics: { prometheus: { bindAddress: opts.sdkMetricsAddress, useSecondsForDurations: true, countersTotalSuffix: true } } } }
      : {}),
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

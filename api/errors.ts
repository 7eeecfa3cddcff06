import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler } from 'express';
import { isGrpcDeadlineError, ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { type z } from 'zod';
import { summarise, toFieldProblems, type FieldProblem } from '../domain/validation-messages';
import { FailureType } from '../workflows/messages';
import type { Logger } from '../platform/logger';
import { clientErrorMessage } from './edge';

/** An error whose message is written for the person using the form. */
export class HttpError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    public readonly problems?: FieldProblem[],
  ) {
    super(message);
  }
}

export function validationError(error: z.ZodError, where?: string): HttpError {
  const problems = toFieldProblems(
    error.issues.map((i) => ({ ...i, path: where ? [where, ...i.path] : i.path }) as Parameters<typeof toFieldProblems>[0][number]),
  );
  return new HttpError(400, summarise(problems), problems);
}

export const UNAVAILABLE = 'Systemet er midlertidig utilgjengelig. Prøv igjen om litt.';

/** Temporal did not answer within the request's deadline, or could not be reached at all. */
function temporalUnavailable(err: unknown): boolean {
  return err instanceof ServiceError || err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcDeadlineError(err);
}

/** Maps every failure to a status and a plain Norwegian message; internals go to the log only. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    // A response already under way cannot change its status: let Express end the connection.
    if (res.headersSent) return next(err);
    const requestId = String(res.getHeader('x-request-id') ?? randomUUID());
    if (err instanceof HttpError) {
      res.status(err.status).json({ error: err.message, ...(err.problems ? { problems: err.problems } : {}) });
      return;
    }
    // body-parser and the router mark the client's mistakes with a 4xx status: honour it.
    const client = err && typeof err === 'object' ? clientErrorMessage(err) : undefined;
    if (client) {
      res.status(client.status).json({ error: client.message });
      return;
    }
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
      const status = err.cause.type === FailureType.InvalidTransition ? 409 : 422;
      res.status(status).json({ error: err.cause.message });
      return;
    }
    if (err instanceof WorkflowNotFoundError) {
      res.status(404).json({ error: 'Fant ikke saken.' });
      return;
    }
    if (temporalUnavailable(err)) {
      logger.warn({ err, requestId, path: req.path }, 'Temporal unavailable');
      res.setHeader('Retry-After', '10');
      res.status(503).json({ error: UNAVAILABLE });
      return;
    }
    logger.error({ err, requestId, path: req.path }, 'Unhandled error');
    res.status(500).json({ error: `Noe gikk galt hos oss. Feilen er logget med referanse ${requestId}.` });
  };
}

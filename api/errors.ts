import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler } from 'express';
import { ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { type z } from 'zod';
import { summarise, toFieldProblems, type FieldProblem } from '../domain/validation-messages';
import { FailureType } from '../workflows/messages';
import type { Logger } from '../platform/logger';

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

const UNAVAILABLE = 'Systemet er midlertidig utilgjengelig. Prøv igjen om litt.';

/** Maps every failure to a status and a plain Norwegian message; internals go to the log only. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const requestId = String(res.getHeader('x-request-id') ?? randomUUID());
    if (err instanceof HttpError) {
      res.status(err.status).json({ error: err.message, ...(err.problems ? { problems: err.problems } : {}) });
      return;
    }
    if (err?.type === 'entity.parse.failed') {
      res.status(400).json({ error: 'Innholdet er ikke gyldig JSON.' });
      return;
    }
    if (err?.type === 'entity.too.large') {
      res.status(413).json({ error: 'Innholdet er for stort.' });
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
    if (err instanceof ServiceError) {
      logger.warn({ err, requestId, path: req.path }, 'Temporal unavailable');
      res.status(503).json({ error: UNAVAILABLE });
      return;
    }
    logger.error({ err, requestId, path: req.path }, 'Unhandled error');
    res.status(500).json({ error: `Noe gikk galt hos oss. Feilen er logget med referanse ${requestId}.` });
  };
}

import type { Request, Response, Router } from 'express';
import { type z } from 'zod';
import type { Actor, Role } from '../domain/roles';
import { hasRole } from './auth';
import { requireJsonBody, rejectNul } from './edge';
import { cspForHtml } from './security';
import { HttpError, validationError } from './errors';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type AnyObject = z.ZodObject<z.ZodRawShape>;

export interface RouteSpec<P extends AnyObject, Q extends AnyObject, H extends AnyObject, B extends z.ZodType> {
  method: Method;
  /** Express path, e.g. `/api/tenancies/:caseId`; rendered as `{caseId}` in OpenAPI. */
  path: string;
  summary: string;
  tag: string;
  /** Roles that may call the route at all; case-level checks happen in the handler. */
  roles: readonly Role[];
  params?: P;
  query?: Q;
  headers?: H;
  body?: B;
  /** `contentType` defaults to application/json; a text/html page declares it (and a `z.string()` schema). */
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
}

export interface RouteInput<P extends AnyObject, Q extends AnyObject, H extends AnyObject, B extends z.ZodType> {
  req: Request;
  res: Response;
  actor: Actor;
  params: z.output<P>;
  query: z.output<Q>;
  headers: z.output<H>;
  body: z.output<B>;
}

export interface RouteResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Send `body` (a string, or bytes such as a PDF) as is with this Content-Type; otherwise it is sent as JSON. */
  contentType?: string;
}

type AnyRouteSpec = RouteSpec<AnyObject, AnyObject, AnyObject, z.ZodType>;

/**
 * The one way to add an API route: it authorises by role, validates every input with zod and
 * records the route for the OpenAPI document, so docs and validation cannot drift apart.
 */
export class ApiRoutes {
  readonly specs: AnyRouteSpec[] = [];

  constructor(private readonly router: Router) {}

  add<P extends AnyObject, Q extends AnyObject, H extends AnyObject, B extends z.ZodType>(
    spec: RouteSpec<P, Q, H, B>,
    handler: (input: RouteInput<P, Q, H, B>) => Promise<RouteResult>,
  ): void {
    this.specs.push(spec as unknown as AnyRouteSpec);
    this.router[spec.method](spec.path, async (req, res) => {
      const actor = req.actor;
      if (!actor) throw new HttpError(401, 'Du må være innlogget for å bruke Botrygg.');
      if (!hasRole(actor, spec.roles)) throw new HttpError(403, 'Du har ikke tilgang til denne funksjonen.');
      if (spec.body) requireJsonBody(req);
      rejectNul(req.params, req.query, req.body);
      const parse = <S extends z.ZodType>(schema: S | undefined, value: unknown, where?: string): z.output<S> => {
        if (!schema) return undefined as z.output<S>;
        const result = schema.safeParse(value);
        if (!result.success) throw validationError(result.error, where);
        return result.data;
      };
      const input = {
        req,
        res,
        actor,
        params: parse(spec.params, req.params),
        query: parse(spec.query, req.query),
        headers: parse(spec.headers, normaliseHeaders(req, spec.headers)),
        body: parse(spec.body, req.body ?? {}),
      } as RouteInput<P, Q, H, B>;
      const result = await handler(input);
      for (const [k, v] of Object.entries(result.headers ?? {})) res.setHeader(k, v);
      if (result.contentType?.startsWith('text/html')) res.setHeader('Content-Security-Policy', cspForHtml(String(result.body)));
      if (result.contentType) res.status(result.status).type(result.contentType).send(result.body instanceof Uint8Array ? Buffer.from(result.body) : String(result.body));
      else res.status(result.status).json(result.body);
    });
  }
}

/** Header schemas use canonical names (Idempotency-Key); Node lower-cases them. */
function normaliseHeaders(req: Request, schema?: AnyObject): Record<string, unknown> {
  if (!schema) return {};
  return Object.fromEntries(Object.keys(schema.shape).map((name) => [name, req.header(name)]));
}

import { z } from 'zod';
import type { ApiRoutes } from './routes';

const ErrorBody = z.object({
  error: z.string().meta({ description: 'Feilmelding på norsk, skrevet for brukeren' }),
  problems: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

const json = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

/** OpenAPI 3.1 built from the same zod schemas that validate the requests. */
export function buildOpenApiDocument(routes: ApiRoutes, info: { version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes.specs) {
    const path = spec.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const parameters = [
      ...objectParams(spec.params, 'path'),
      ...objectParams(spec.query, 'query'),
      ...objectParams(spec.headers, 'header'),
    ];
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(spec.responses)) {
      responses[status] = { description: r.description, ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: json(r.schema, 'output') } } } : {}) };
    }
    responses['400'] ??= { description: 'Ugyldig innhold', content: { 'application/json': { schema: json(ErrorBody, 'output') } } };
    responses['401'] = { description: 'Ikke innlogget' };
    responses['403'] = { description: 'Mangler tilgang' };
    // Answers from the edge (api/edge.ts, api/security.ts), the same for every route of the kind.
    if (spec.body) responses['415'] = { description: 'Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke' };
    responses['429'] = { description: 'For mange forespørsler (se Retry-After)' };
    if (spec.method !== 'get') responses['503'] ??= { description: 'Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After)' };
    (paths[path] ??= {})[spec.method] = {
      summary: spec.summary,
      tags: [spec.tag],
      'x-roles': spec.roles,
      security: [{ bearer: [] }],
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: json(spec.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Botrygg API', version: info.version, description: 'Kommunal boligoppfølging: saker, oppgaver og skjemaer.' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}

function objectParams(schema: z.ZodObject<z.ZodRawShape> | undefined, where: 'path' | 'query' | 'header') {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: where,
    required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
    schema: json(field as z.ZodType, 'input'),
  }));
}

import { gzipSync } from 'node:zlib';
import fc from 'fast-check';

/**
 * Malformed requests generated from the OpenAPI document: the routes, their parameters and body
 * schemas come from `/api/openapi.json`, so a new route is fuzzed without anyone writing a line.
 *
 * Every generated write carries at least one defect the server must refuse (broken transport, a
 * body of the wrong shape, a NUL, no or a false token, a broken path parameter), so "no state
 * change" is a fair assertion; reads may be well-formed and are checked for status and message only.
 */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

export interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: 'path' | 'query' | 'header'; required: boolean; schema: JsonSchema }[];
  body?: JsonSchema;
}

export function operationsOf(doc: { paths: Record<string, Record<string, { parameters?: Operation['parameters']; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      ops.push({ method: method.toUpperCase(), path, parameters: op.parameters ?? [], body: op.requestBody?.content['application/json']?.schema });
    }
  }
  return ops;
}

// ---------------------------------------------------------------------------
// Values from a JSON Schema (as zod's toJSONSchema writes them)
// ---------------------------------------------------------------------------

const DATE = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const NASTY_STRINGS = ['', ' ', '\u0000', 'a\u0000b', '%ZZ', '%', '../../etc/passwd', "'; drop table tenancies; --", '<script>alert(1)</script>', '__proto__', 'constructor', '\uD800', '\u202Eevil', 'ÆØÅ æøå', '9999-12-31', '0000-00-00', '12345', 'x'.repeat(5_000)];

/** A value that the schema probably accepts (patterns, enums, bounds), to reach deep into the handlers. */
export function valueFor(schema: JsonSchema, root: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = root.$defs?.[name];
    return target && depth < 6 ? valueFor(target, root, depth + 1) : fc.constant({});
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => valueFor(s, root, depth + 1)));
  if (schema.allOf?.length) return valueFor(schema.allOf[0]!, root, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      if (schema.format === 'date') return DATE;
      if (schema.format === 'date-time') return DATE.map((d) => `${d}T10:00:00Z`);
      if (schema.format === 'email') return fc.constantFrom('ola@example.no', 'kari.nordmann@kommune.no');
      if (schema.pattern) {
        try {
          return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 200));
        } catch {
          // a pattern JavaScript cannot compile: fall through to plain text
        }
      }
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000_000);
      const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000_000);
      return type === 'integer'
        ? fc.integer({ min: Math.max(Math.ceil(min), Number.MIN_SAFE_INTEGER), max: Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      if (depth > 5) return fc.constant([]);
      return fc.array(schema.items ? valueFor(schema.items, root, depth + 1) : fc.jsonValue({ maxDepth: 1 }), { maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'object': {
      if (depth > 5) return fc.constant({});
      const props = schema.properties ?? {};
      const shape = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, valueFor(s, root, depth + 1)]));
      return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

// ---------------------------------------------------------------------------
// Defects
// ---------------------------------------------------------------------------

type Json = unknown;

/** Paths to every string inside a JSON value. */
function stringPaths(v: Json, at: (string | number)[] = []): (string | number)[][] {
  if (typeof v === 'string') return [at];
  if (Array.isArray(v)) return v.flatMap((x, i) => stringPaths(x, [...at, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => stringPaths(x, [...at, k]));
  return [];
}

function setAt(v: Json, path: (string | number)[], value: Json): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(v) ? [...v] : { ...(v as object) };
  copy[head as string] = setAt(copy[head as string], rest, value);
  return copy;
}

/** Softer defects that may or may not make the body invalid: the server must still never fail. */
const looseDefect: fc.Arbitrary<(body: Json) => Json> = fc.oneof(
  fc.constant((b: Json) => b),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'ukjentFelt', 'type').chain((key) => fc.jsonValue({ maxDepth: 2 }).map((val) => (b: Json) => (b && typeof b === 'object' && !Array.isArray(b) ? { ...b, [key]: val } : b))),
  fc.tuple(fc.nat(), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...NASTY_STRINGS.filter((s) => !s.includes('\u0000'))))).map(([i, val]) => (b: Json) => {
    const paths = allPaths(b);
    return paths.length ? setAt(b, paths[i % paths.length]!, val) : b;
  }),
  fc.nat().map((i) => (b: Json) => {
    if (!b || typeof b !== 'object' || Array.isArray(b)) return b;
    const keys = Object.keys(b);
    if (!keys.length) return b;
    const { [keys[i % keys.length]!]: _dropped, ...rest } = b as Record<string, Json>;
    return rest;
  }),
);

function allPaths(v: Json, at: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (depth > 6) return [];
  if (Array.isArray(v)) return v.flatMap((x, i) => [[...at, i], ...allPaths(x, [...at, i], depth + 1)]);
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [[...at, k], ...allPaths(x, [...at, k], depth + 1)]);
  return [];
}

/** The JSON types a schema accepts (as far as this generator can tell); undefined when it cannot tell. */
function acceptedTypes(schema: JsonSchema, root: JsonSchema, depth = 0): Set<string> | undefined {
  if (depth > 6) return undefined;
  if (schema.$ref) {
    const target = root.$defs?.[schema.$ref.replace(/^#\/\$defs\//, '')];
    return target ? acceptedTypes(target, root, depth + 1) : undefined;
  }
  if (schema.const !== undefined) return new Set([typeof schema.const]);
  if (schema.enum) return new Set(schema.enum.map((v) => typeof v));
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const all = new Set<string>();
    for (const alt of alternatives) {
      const t = acceptedTypes(alt, root, depth + 1);
      if (!t) return undefined;
      for (const x of t) all.add(x);
    }
    return all;
  }
  if (schema.allOf?.length) return acceptedTypes(schema.allOf[0]!, root, depth + 1);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : undefined;
  if (!types) return undefined;
  return new Set(types.map((t) => (t === 'integer' ? 'number' : t)));
}

/**
 * The body with one property every variant requires set to a value of a type the schema refuses
 * (a number for a text, a text for a number): valid JSON, well-formed transport, and certain to be
 * refused by validation, while every other field (and refinement) is still checked. Undefined when
 * the schema gives no such property.
 */
export function breakRequired(body: Json, schema: JsonSchema, root: JsonSchema, n: number): Json | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const variants = (schema.anyOf ?? schema.oneOf ?? [schema]).map((v) => (v.$ref ? root.$defs?.[v.$ref.replace(/^#\/\$defs\//, '')] : v));
  if (variants.some((v) => !v?.properties)) return undefined;
  const required = variants.map((v) => new Set(v!.required ?? []));
  const common = [...required[0]!].filter((k) => required.every((r) => r.has(k)));
  const candidates = common
    .map((key) => {
      const types = new Set<string>();
      for (const v of variants) {
        const t = acceptedTypes(v!.properties![key]!, root);
        if (!t) return undefined;
        for (const x of t) types.add(x);
      }
      const wrong = !types.has('number') ? 12345 : !types.has('string') ? 'tekst' : !types.has('boolean') ? true : undefined;
      return wrong === undefined ? undefined : { key, wrong };
    })
    .filter((c): c is { key: string; wrong: number | string | true } => !!c);
  if (!candidates.length) return undefined;
  const { key, wrong } = candidates[n % candidates.length]!;
  return { ...(body as object), [key]: wrong };
}

export interface Tokens {
  valid: string[];
  /** The token with every role, most often used so that requests pass the role check and go deeper. */
  deep: string;
}

export interface GeneratedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Which defect makes this write refusable (empty for reads, which may be valid). */
  defect: string;
}

/** A path parameter: mostly the known entity (to go deep), sometimes broken. */
function paramValue(name: string, schema: JsonSchema, known: Record<string, string[]>): fc.Arbitrary<string> {
  const candidates = known[name] ?? [];
  return fc
    .oneof(
      { weight: 4, arbitrary: candidates.length ? fc.constantFrom(...candidates) : (valueFor(schema, schema) as fc.Arbitrary<unknown>).map(String) },
      { weight: 1, arbitrary: (valueFor(schema, schema) as fc.Arbitrary<unknown>).map(String) },
      { weight: 1, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    )
    .map(encodeSegment);
}

/** Percent-encodes a path segment; a lone surrogate (not encodable) becomes its invalid UTF-8 bytes. */
function encodeSegment(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
}

const BROKEN_PARAMS = ['%ZZ', '%', '%00', 'a%00b', '%E0%A4%A', '%C0%AF'];

function fill(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => values[name] ?? 'x');
}

/**
 * One request for one operation. `known` gives real IDs per path parameter name (a case, a
 * committee, the municipality) so that most requests pass routing and reach validation and handlers.
 */
export function requestFor(op: Operation, tokens: Tokens, known: Record<string, string[]>): fc.Arbitrary<GeneratedRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const params = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, paramValue(p.name, p.schema, known)])) as Record<string, fc.Arbitrary<string>>);
  const query = fc.record(
    Object.fromEntries(queryParams.map((p) => [p.name, fc.oneof(valueFor(p.schema, p.schema).map(String), fc.constantFrom(...NASTY_STRINGS.slice(0, 15)), fc.string({ maxLength: 20 }))])) as Record<string, fc.Arbitrary<string>>,
    { requiredKeys: [] },
  );
  const token = fc.oneof(
    { weight: 6, arbitrary: fc.constant(tokens.deep) },
    { weight: 3, arbitrary: fc.constantFrom(...tokens.valid) },
    { weight: 1, arbitrary: fc.constantFrom('', 'feil-token', 'Bearer', 'x'.repeat(3000)) },
  );
  const extraHeaders = fc.record(
    {
      'Idempotency-Key': fc.oneof(fc.uuid().map((u) => `fuzz-${u}`), fc.constantFrom('', 'kort', 'x'.repeat(300), 'nøkkel med mellomrom')),
      'X-Request-Id': fc.oneof(fc.uuid(), fc.string({ maxLength: 80 }).filter((s) => /^[\x20-\x7e]*$/.test(s)), fc.constant('x'.repeat(7000))),
    },
    { requiredKeys: [] },
  );
  const base = fc.record({ params, query, token, extraHeaders });
  const write = op.method !== 'GET' && op.method !== 'HEAD';
  const bodyValue = op.body ? fc.tuple(valueFor(op.body, op.body), looseDefect).map(([v, d]) => d(v)) : fc.constant(undefined);

  return fc.tuple(base, bodyValue, fc.nat({ max: 99 }), fc.nat()).map(([b, body, pick, n]) => {
    const headers: Record<string, string> = { ...b.extraHeaders };
    if (b.token) headers.authorization = `Bearer ${b.token}`;
    let path = fill(op.path, b.params);
    let payload: string | Uint8Array | undefined = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) headers['content-type'] = 'application/json';
    let defect = '';
    if (write) {
      // The defect that makes this write one the server must refuse, whatever else is generated.
      const strings = stringPaths(body);
      const broken = op.body ? breakRequired(body, op.body, op.body, n) : undefined;
      // Wrong values weigh most: they pass the transport and reach validation and its refinements.
      // A route without a body (DELETE) ignores whatever body is sent: only the token or a path parameter can break it.
      const choices = op.body
        ? ['transport', 'shape', 'token', ...(pathParams.length ? ['param'] : []), ...(strings.length ? ['nul'] : []), ...(broken ? ['value', 'value', 'value'] : [])]
        : ['token', ...(pathParams.length ? ['param', 'param'] : [])];
      defect = choices[pick % choices.length]!;
      switch (defect) {
        case 'transport': {
          const t = n % 7;
          const text = payload ?? '{}';
          if (t === 0) headers['content-type'] = 'application/json; charset=latin1';
          else if (t === 1) headers['content-type'] = 'text/plain';
          else if (t === 2) delete headers['content-type'];
          else if (t === 3) headers['content-encoding'] = 'compress';
          else if (t === 4) {
            headers['content-type'] = 'application/json';
            headers['content-encoding'] = 'gzip';
            payload = gzipSync(text).subarray(0, 10);
          } else if (t === 5) {
            headers['content-type'] = 'application/json';
            payload = text.slice(0, Math.max(1, text.length - 1 - (n % 5)));
          } else {
            headers['content-type'] = 'application/json; charset=utf-16';
          }
          payload ??= text;
          break;
        }
        case 'shape':
          headers['content-type'] = 'application/json';
          payload = JSON.stringify([null, 42, 'tekst', [], true][n % 5]);
          break;
        case 'token':
          if (n % 2) delete headers.authorization;
          else headers.authorization = `Bearer ugyldig-${n}`;
          break;
        case 'param': {
          const p = pathParams[n % pathParams.length]!;
          path = fill(op.path, { ...b.params, [p.name]: BROKEN_PARAMS[n % BROKEN_PARAMS.length]! });
          break;
        }
        case 'value':
          payload = JSON.stringify(broken);
          break;
        case 'nul': {
          const at = strings[n % strings.length]!;
          payload = JSON.stringify(setAt(body, at, `a\u0000${n}`));
          break;
        }
      }
    }
    const qs = new URLSearchParams(b.query as Record<string, string>).toString();
    return { method: op.method, path: qs ? `${path}?${qs}` : path, headers, body: payload, defect };
  });
}

/** Norwegian (bokmål) for a person, not a library's English default. */
export function looksNorwegian(message: unknown): boolean {
  if (typeof message !== 'string' || message.length < 5) return false;
  if (/\b(invalid|expected|received|required|undefined|error|failed|cannot|must be|unexpected|object|string|number)\b/i.test(message.replace(/«[^»]*»/g, ''))) return false;
  return /[æøåÆØÅ]|\b(ikke|må|er|og|til|for|finnes|kan|du|en|et|har|fant|mangler|saken|innholdet|ugyldig|gyldig)\b/i.test(message);
}

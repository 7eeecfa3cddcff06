import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { RequestHandler, Response } from 'express';

/**
 * Spans made by Botrygg's own code (API requests, database statements) with the OpenTelemetry API
 * alone: without a tracer provider (platform/tracing.ts, OTEL_EXPORTER_OTLP_ENDPOINT unset) every call
 * here is a no-op, so the API and the database client use them unconditionally.
 */
const apiTracer = () => trace.getTracer('botrygg-api');

/**
 * A server span per API request, the parent of everything the request causes (its workflow calls,
 * its queries), continuing a caller's `traceparent` if one is sent. Named by route pattern once the
 * route is known; the request ID is an attribute, so a trace is found from a log line or an audit row.
 */
export function requestSpan(requestId: (res: Response) => string): RequestHandler {
  return (req, res, next) => {
    const parent = propagation.extract(context.active(), req.headers);
    const span = apiTracer().startSpan(req.method, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'botrygg.request_id': requestId(res) } }, parent);
    const spanContext = span.spanContext();
    if (trace.isSpanContextValid(spanContext)) res.locals.traceId = spanContext.traceId;
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      span.updateName(`${req.method} ${route}`);
      span.setAttribute('http.route', route);
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}

/** The trace ID of the active span, for log lines; undefined when nothing is traced. */
export function activeTraceId(): string | undefined {
  const ctx = trace.getSpan(context.active())?.spanContext();
  return ctx && trace.isSpanContextValid(ctx) ? ctx.traceId : undefined;
}

type Query = (...args: unknown[]) => unknown;

/**
 * Wraps a pg client's `query` so that each statement run inside a traced request or activity is a
 * child span (statement text without values). Outside a trace (pollers, the relay's timer) it adds
 * nothing, so idle processes do not flood the backend with root spans.
 */
export function traceQueries(client: { query: Query }): void {
  const original = client.query.bind(client) as Query;
  client.query = (...args: unknown[]) => {
    if (!trace.getSpan(context.active())) return original(...args);
    const first = args[0] as string | { text?: string } | undefined;
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    const span: Span = trace.getTracer('botrygg-db').startSpan(`pg ${text.trimStart().split(/\s/, 1)[0]?.toLowerCase() ?? 'query'}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system': 'postgresql', 'db.query.text': text.slice(0, 1_000) },
    });
    const done = (err?: unknown) => {
      if (err) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (err: unknown, ...rest: unknown[]) => {
        done(err);
        return (last as Query)(err, ...rest);
      };
      return original(...args);
    }
    const result = original(...args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<unknown>).then(
        () => done(),
        (err: unknown) => done(err ?? new Error('query failed')),
      );
    } else done();
    return result;
  };
}

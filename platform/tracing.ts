import { createRequire } from 'node:module';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { ClientInterceptors } from '@temporalio/client';
import type { WorkerOptions } from '@temporalio/worker';

/**
 * OpenTelemetry traces, API → workflow → activity → database, exported over OTLP/HTTP when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set and not otherwise (nothing is installed then, and every span
 * call below is the API's no-op). Spans carry IDs, routes and workflow types, never names or free
 * text: SQL goes in as the parameterised statement, without its values.
 */
export interface Tracing {
  spanProcessor: SpanProcessor;
  resource: Resource;
  /** Sends what is buffered; the test and a stopping process call it. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** The workflow interceptors run inside the workflow bundle, so they are bundled with it (bundleWorkflowCode's workflowInterceptorModules). */
export const WORKFLOW_TRACING_MODULES = [createRequire(import.meta.url).resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')];

let installed: Tracing | undefined;

/** Installs the tracer provider for this process (once); undefined when no endpoint is configured. */
export function startTracing(opts: { endpoint?: string; serviceName: string; processName: string }): Tracing | undefined {
  if (!opts.endpoint) return undefined;
  if (installed) return installed;
  const resource = new Resource({ 'service.name': opts.serviceName, 'service.instance.id': `${opts.processName}-${process.pid}` });
  // OTLP/HTTP with JSON bodies; the path is the standard one under the configured endpoint.
  const exporter = new OTLPTraceExporter({ url: `${opts.endpoint.replace(/\/$/, '')}/v1/traces` });
  const spanProcessor = new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1_000 });
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  // AsyncLocalStorage context and W3C traceparent propagation, process-wide.
  provider.register();
  installed = {
    spanProcessor,
    resource,
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
  return installed;
}

/** The Temporal client's interceptor: a workflow started, signalled or updated from a request continues its trace. */
export function tracingClientInterceptors(tracing: Tracing | undefined): ClientInterceptors | undefined {
  return tracing ? { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } : undefined;
}

/**
 * The worker's side: workflow spans through the SDK's sink (workflows cannot do I/O), activity spans
 * with the trace the workflow passed in the activity's headers. `bundled`: the workflow bundle was
 * built with WORKFLOW_TRACING_MODULES already (a prebuilt bundle ignores `workflowModules`).
 */
export function tracingWorkerOptions(tracing: Tracing | undefined, opts: { bundled: boolean }): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  if (!tracing) return {};
  return {
    interceptors: {
      ...(opts.bundled ? {} : { workflowModules: WORKFLOW_TRACING_MODULES }),
      activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })],
    },
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) },
  };
}

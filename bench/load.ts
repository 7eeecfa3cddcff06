import http from 'node:http';

/**
 * An open-model load generator: requests leave at a fixed arrival rate whether or not earlier ones
 * have answered, as staff across a municipality do. A closed loop (send, wait, send) slows down with
 * the server and hides the queueing a slow server causes; here each latency counts from the moment
 * the request was due to leave, so a late timer or a full connection pool shows up as latency
 * (no coordinated omission). Requests that fail, answer other than 2xx or pass the timeout are errors.
 */

export interface LoadTarget {
  label: string;
  /** Paths are chosen per request, so a case route can walk many cases. */
  path: (i: number) => string;
  /** Per request when several users share one target (each with their own token). */
  headers?: Record<string, string> | ((i: number) => Record<string, string>);
  /** Per request when the target is spread over several servers (API replicas); else the options' base. */
  base?: (i: number) => string;
}

export interface LoadOptions {
  base: string;
  ratePerSecond: number;
  durationMs: number;
  timeoutMs?: number;
}

export interface LoadFigures {
  label: string;
  sent: number;
  ok: number;
  errors: number;
  /** Status codes and failures seen, for the report of what went wrong. */
  errorKinds: Record<string, number>;
  achievedRate: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  meanBytes: number;
}

/** The q-quantile (0..1) of ascending values, nearest rank: the smallest value with at least q of all at or below it. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(label: string, latencies: number[], errors: Record<string, number>, sent: number, elapsedMs: number, bytes: number): LoadFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  return {
    label,
    sent,
    ok: sorted.length,
    errors: errorCount,
    errorKinds: errors,
    achievedRate: (sent / elapsedMs) * 1000,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? NaN,
    meanBytes: sorted.length ? bytes / sorted.length : 0,
  };
}

/** Runs one target at the arrival rate for the duration and waits for the last answer (or its timeout). */
export async function openLoop(target: LoadTarget, opts: LoadOptions): Promise<LoadFigures> {
  const timeoutMs = opts.timeoutMs ?? 2_000;
  // Enough sockets that the client never queues: a queued request is the server's latency, not ours.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const urls = new Map<string, URL>();
  const urlFor = (i: number) => {
    const base = target.base?.(i) ?? opts.base;
    let url = urls.get(base);
    if (!url) urls.set(base, (url = new URL(base)));
    return url;
  };
  const headersFor = (i: number) => (typeof target.headers === 'function' ? target.headers(i) : target.headers);
  const intervalMs = 1000 / opts.ratePerSecond;
  const total = Math.max(1, Math.round((opts.durationMs / 1000) * opts.ratePerSecond));
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const fail = (kind: string) => void (errors[kind] = (errors[kind] ?? 0) + 1);
  let bytes = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now();

  const one = (i: number, dueAt: number) =>
    new Promise<void>((resolve) => {
      let done = false;
      const finish = (kind?: string, size = 0) => {
        if (done) return;
        done = true;
        if (kind) fail(kind);
        else {
          latencies.push(performance.now() - dueAt);
          bytes += size;
        }
        resolve();
      };
      const url = urlFor(i);
      const req = http.request(
        { host: url.hostname, port: url.port, path: target.path(i), method: 'GET', agent, headers: headersFor(i), timeout: timeoutMs },
        (res) => {
          let size = 0;
          res.on('data', (chunk: Buffer) => (size += chunk.length));
          res.on('end', () => finish(res.statusCode && res.statusCode >= 200 && res.statusCode < 300 ? undefined : `HTTP ${res.statusCode}`, size));
          res.on('error', () => finish('response error'));
        },
      );
      // Counted from when the request was due: a request that could not even leave in time is late too.
      const left = timeoutMs - (performance.now() - dueAt);
      const timer = setTimeout(() => {
        finish('timeout');
        req.destroy();
      }, Math.max(0, left));
      req.on('error', (err) => finish(`error ${(err as NodeJS.ErrnoException).code ?? err.message}`));
      req.on('close', () => clearTimeout(timer));
      req.end();
    });

  // A timer loop that sends every request whose time has come, so a late wake-up sends the backlog
  // at once (with its lateness in the latency) instead of stretching the run.
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * intervalMs <= now) {
        inFlight.push(one(sent, start + sent * intervalMs));
        sent++;
      }
      if (sent >= total) return resolve();
      setTimeout(tick, Math.max(0, start + sent * intervalMs - performance.now()));
    };
    tick();
  });
  const sendingMs = performance.now() - start;
  await Promise.all(inFlight);
  agent.destroy();
  return summarize(target.label, latencies, errors, sent, Math.max(sendingMs, (total - 1) * intervalMs), bytes);
}

/**
 * A closed loop: `concurrency` clients, each doing `one` and then the next, until `total` are done.
 * Returns the latencies (ms, sorted) and the elapsed seconds; `progress` hears the count done after
 * each one. The throughput, cluster and scale benches each summarise these in their own way.
 */
export async function closedLoop(total: number, concurrency: number, one: (i: number) => Promise<void>, progress?: (done: number) => void): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await one(i);
        latencies.push(performance.now() - t0);
        progress?.(latencies.length);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { latencies, seconds };
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedLoop, openLoop, percentile, summarize } from '../../bench/load';

describe('the benchmark load generator (bench/load.ts)', () => {
  it('takes percentiles by nearest rank', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 0.5)).toBe(50);
    expect(percentile(hundred, 0.95)).toBe(95);
    expect(percentile(hundred, 0.99)).toBe(99);
    expect(percentile(hundred, 1)).toBe(100);
    expect(percentile([7], 0.99)).toBe(7);
    // Ten values: the 99th percentile is the largest, not one below it.
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.99)).toBe(10);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('counts errors apart from latencies and sorts what it is given', () => {
    const f = summarize('x', [30, 10, 20], { 'HTTP 500': 2 }, 5, 1000, 300);
    expect(f).toMatchObject({ sent: 5, ok: 3, errors: 2, p50: 20, max: 30, achievedRate: 5, meanBytes: 100 });
  });

  describe('against a server', () => {
    let server: http.Server;
    let base: string;
    const arrivals: number[] = [];
    beforeAll(async () => {
      server = http.createServer((req, res) => {
        arrivals.push(performance.now());
        // A slow answer must not slow the arrivals: that is what makes the model open.
        if (req.url === '/slow') return void setTimeout(() => res.end('ok'), 300);
        if (req.url === '/fail') return void res.writeHead(503).end();
        if (req.url === '/hang') return;
        res.end('hello');
      });
      server.listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => {
      server.closeAllConnections();
      server.close();
    });

    it('keeps the arrival rate while answers are slow, and counts latency from when each was due', async () => {
      arrivals.length = 0;
      const f = await openLoop({ label: 'slow', path: () => '/slow' }, { base, ratePerSecond: 100, durationMs: 1000 });
      expect(f.sent).toBe(100);
      expect(f.ok).toBe(100);
      expect(f.errors).toBe(0);
      // A closed loop with one client would have sent 4 in this second; the open loop sends all 100.
      expect(arrivals).toHaveLength(100);
      expect(arrivals[arrivals.length - 1]! - arrivals[0]!).toBeLessThan(1300);
      expect(f.p50).toBeGreaterThanOrEqual(299);
      expect(f.meanBytes).toBe(2);
    });

    it('counts error statuses and timeouts as errors, not latencies', async () => {
      const failing = await openLoop({ label: 'fail', path: () => '/fail' }, { base, ratePerSecond: 50, durationMs: 200 });
      expect(failing).toMatchObject({ sent: 10, ok: 0, errors: 10, errorKinds: { 'HTTP 503': 10 } });
      const hanging = await openLoop({ label: 'hang', path: () => '/hang' }, { base, ratePerSecond: 50, durationMs: 100, timeoutMs: 200 });
      expect(hanging).toMatchObject({ sent: 5, ok: 0, errors: 5, errorKinds: { timeout: 5 } });
    });

    it('walks the paths it is given', async () => {
      const seen: string[] = [];
      await openLoop({ label: 'paths', path: (i) => (seen.push(`/p${i % 3}`), '/') }, { base, ratePerSecond: 100, durationMs: 60 });
      expect(seen).toEqual(['/p0', '/p1', '/p2', '/p0', '/p1', '/p2']);
    });
  });

  it('spreads a target over several servers and users: base and headers chosen per request', async () => {
    const seen: Array<{ server: string; user: string | undefined }> = [];
    const servers = ['a', 'b'].map((name) => http.createServer((req, res) => (seen.push({ server: name, user: req.headers['x-user'] as string | undefined }), res.end('ok'))));
    const bases: string[] = [];
    for (const s of servers) {
      s.listen(0, '127.0.0.1');
      await new Promise((r) => s.once('listening', r));
      bases.push(`http://127.0.0.1:${(s.address() as AddressInfo).port}`);
    }
    try {
      const f = await openLoop(
        { label: 'spread', path: () => '/', base: (i) => bases[i % 2]!, headers: (i) => ({ 'x-user': `u${i % 3}` }) },
        { base: 'http://127.0.0.1:1', ratePerSecond: 200, durationMs: 60 },
      );
      expect(f).toMatchObject({ sent: 12, ok: 12, errors: 0 });
      expect(seen.filter((s) => s.server === 'a')).toHaveLength(6);
      expect(seen.filter((s) => s.server === 'b')).toHaveLength(6);
      expect(new Set(seen.map((s) => s.user))).toEqual(new Set(['u0', 'u1', 'u2']));
    } finally {
      for (const s of servers) s.close();
    }
  });

  it('runs a closed loop: each index once, at most `concurrency` at a time, latencies sorted', async () => {
    const seen: number[] = [];
    const done: number[] = [];
    let running = 0;
    let most = 0;
    const { latencies, seconds } = await closedLoop(
      10,
      3,
      async (i) => {
        running++;
        most = Math.max(most, running);
        seen.push(i);
        await new Promise((r) => setTimeout(r, (i % 3) * 5));
        running--;
      },
      (d) => done.push(d),
    );
    expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(3);
    expect(done).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(latencies).toHaveLength(10);
    expect(latencies).toEqual([...latencies].sort((a, b) => a - b));
    expect(seconds).toBeGreaterThan(0);
  });
});

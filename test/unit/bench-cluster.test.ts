import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { parseApiTokens } from '../../config/api-tokens';
import { benchTokens, benchUsers } from '../../bench/cluster-users';
import { runLoad } from '../../bench/load-child';
import { sampleCpu } from '../../bench/cpu-sampler';
import { rentFollowUpWorker } from '../../bench/scale/seed';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://botrygg:botrygg@127.0.0.1:5432/postgres';

describe('the cluster bench (bench/cluster.ts)', () => {
  it('has staff of both roles with tokens the API accepts, and every follow-up worker owns seeded tenancies', () => {
    const users = benchUsers(20);
    expect(users).toHaveLength(20);
    expect(users.filter((u) => u.role === 'housing_officer')).toHaveLength(10);
    expect(new Set(users.map((u) => u.id)).size).toBe(20);
    const tokens = parseApiTokens(benchTokens(users));
    for (const u of users) expect(tokens.find((t) => t.token === u.token)?.actor).toEqual({ id: u.id, roles: [u.role], municipality: 'tynset' });
    // A follow-up worker with no cases would read only refusals and empty lists.
    const owners = new Set(Array.from({ length: 400 }, (_, i) => rentFollowUpWorker(i)));
    for (const u of users.filter((x) => x.role === 'follow_up_worker')) expect(owners.has(u.id)).toBe(true);
  });

  it('runs a mix of routes at once from the load process, each at its own share of the rate', async () => {
    const seen: Record<string, number> = {};
    const first: Record<string, number> = {};
    const server = http.createServer((req, res) => {
      first[req.url!] ??= performance.now();
      const key = `${req.url} ${req.headers.authorization ?? '-'}`;
      seen[key] = (seen[key] ?? 0) + 1;
      res.end('ok');
    });
    server.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const figures = await runLoad({
        base,
        ratePerSecond: 100,
        durationMs: 1000,
        concurrent: true,
        targets: [
          { label: 'cases', paths: ['/c1', '/c2'], headerSets: [{ authorization: 'one' }, { authorization: 'two' }], bases: [base], ratePerSecond: 40 },
          { label: 'health', paths: ['/h'] },
        ],
      });
      // At once, not one after another: the second target began with the first, not a second after it.
      expect(Math.abs(first['/h']! - first['/c1']!)).toBeLessThan(500);
      expect(figures.map((f) => [f.label, f.sent, f.errors])).toEqual([
        ['cases', 40, 0],
        ['health', 100, 0],
      ]);
      // Each path with its own user (the same length pairs them).
      expect(seen).toEqual({ '/c1 one': 20, '/c2 two': 20, '/h -': 100 });
    } finally {
      server.close();
    }
  });

  it('samples the CPU a process group uses', async () => {
    const busy = spawn(process.execPath, ['-e', 'const end = Date.now() + 3000; while (Date.now() < end);']);
    const admin = new pg.Pool({ connectionString: ADMIN_URL, max: 1 });
    try {
      const sampler = sampleCpu({ groups: () => ({ busy: [busy.pid], idle: [] }), admin, databases: ['no_such_database'], intervalMs: 200 });
      await new Promise((r) => setTimeout(r, 1500));
      const shares = await sampler.stop();
      // A busy loop on a shared machine: well above nothing, at most one core.
      expect(shares.groups.busy).toBeGreaterThan(20);
      expect(shares.groups.busy).toBeLessThanOrEqual(105);
      expect(shares.groups.PostgreSQL ?? 0).toBe(0);
      expect(shares.machineBusy).toBeGreaterThan(0);
    } finally {
      busy.kill();
      await admin.end();
    }
  });
});

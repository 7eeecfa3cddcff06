import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../platform/free-port';
import { TOKENS } from '../helpers/api';
import { Browser, login } from '../helpers/browser';

/** `npm start` as a user runs it: its own dev server, embedded PGlite, a data directory that survives. */
describe('npm start', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'botrygg-e2e-'));
  const started: ChildProcess[] = [];

  afterAll(() => {
    for (const child of started) if (child.pid && child.exitCode === null) signalGroup(child, 'SIGKILL');
    for (const pid of processesUsing(dataDir)) process.kill(pid, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      /* already gone */
    }
  }

  function processesUsing(dir: string): number[] {
    const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
    return out
      .split('\n')
      .filter((l) => l.includes(dir))
      .map((l) => Number(l.trim().split(/\s+/)[0]))
      .filter((pid) => pid !== process.pid);
  }

  async function start(ports: { api: number; temporal: number; ui: number }) {
    const child = spawn('npm', ['start'], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(ports.api), TEMPORAL_PORT: String(ports.temporal), TEMPORAL_UI_PORT: String(ports.ui), OIDC_DEV_PORT: '0', LOG_LEVEL: 'warn', TEMPORAL_ADDRESS: '', DATABASE_URL: '' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push(child);
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const t0 = Date.now();
    while (!output.includes('Botrygg kjører')) {
      if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}:\n${output}`);
      if (Date.now() - t0 > 120_000) throw new Error(`npm start not ready in 120 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const ready = await fetch(`http://127.0.0.1:${ports.api}/readyz`);
    expect(ready.status).toBe(200);
    return { child, output: () => output, seconds: (Date.now() - t0) / 1000 };
  }

  it('finds the tenancy from before after being killed, and stops everything it started on SIGINT', { timeout: 300_000 }, async () => {
    const ports = { api: await freePort(), temporal: await freePort(), ui: await freePort() };
    const api = `http://127.0.0.1:${ports.api}`;
    const first = await start(ports);
    const created = await fetch(`${api}/api/tenancies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.officer}`, 'content-type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({ municipality: 'tynset', applicant: { name: 'Tor Haugen' }, currentHousing: 'Uten fast bolig.' }),
    });
    expect(created.status).toBe(201);
    const { caseId } = (await created.json()) as { caseId: string };
    // Login works on a fresh machine: the embedded OpenID provider runs in the same process, on PGlite.
    const { page } = await login(new Browser(), api, 'tynset-boligkonsulent');
    expect(page.status).toBe(200);
    expect(JSON.parse(page.text)).toMatchObject({ name: 'Kari Nordmann', roles: ['housing_officer'], municipality: 'tynset', authMethod: 'session' });

    // A crash: every Botrygg process dies at once, and the dev server is left behind as an orphan.
    const ps = execFileSync('ps', ['-o', 'pid=,args=', '-g', String(first.child.pid)], { encoding: 'utf8' });
    for (const line of ps.split('\n').filter((l) => l.trim() && !l.includes('start-dev'))) {
      try {
        process.kill(Number(line.trim().split(/\s+/)[0]), 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    await new Promise((r) => first.child.once('exit', r));
    expect(processesUsing(dataDir).length).toBe(1); // the orphaned dev server

    const second = await start(ports);
    const read = async () => {
      const got = await fetch(`${api}/api/tenancies/${caseId}`, { headers: { authorization: `Bearer ${TOKENS.officer}` } });
      expect(got.status).toBe(200);
      return (await got.json()) as { case: { status: string }; live: { caseId: string; status: string } | null };
    };
    expect((await read()).live).toMatchObject({ caseId, status: 'active' });
    // The read-model write lost with the crash is retried once its activity times out.
    await expect.poll(async () => (await read()).case.status, { timeout: 30_000, interval: 500 }).toBe('active');

    // The Temporal dev server dies under a running npm start: it is started again on the same port
    // and state, and a new application reaches its workflow without anyone restarting Botrygg.
    const devServerPid = Number(fs.readFileSync(path.join(dataDir, 'temporal', 'dev-server.pid'), 'utf8'));
    process.kill(devServerPid, 'SIGKILL');
    await expect.poll(() => second.output(), { timeout: 30_000, interval: 250 }).toContain('Temporal dev server stoppet; starter den på nytt');
    const afterRestart = async () =>
      (
        await fetch(`${api}/api/tenancies`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKENS.officer}`, 'content-type': 'application/json', 'Idempotency-Key': `after-restart-${caseId}` },
          body: JSON.stringify({ municipality: 'tynset', applicant: { name: 'Siri Moen' }, currentHousing: 'Hos foreldre.' }),
        })
      ).json() as Promise<{ status: string; caseId: string }>;
    await expect.poll(async () => (await afterRestart()).status, { timeout: 60_000, interval: 1000 }).toMatch(/started|existing/);
    const restartedPid = Number(fs.readFileSync(path.join(dataDir, 'temporal', 'dev-server.pid'), 'utf8'));
    expect(restartedPid).not.toBe(devServerPid);

    signalGroup(second.child, 'SIGINT');
    // 'close' waits for every process holding the output pipe, grandchildren included. npm itself
    // re-raises the terminal's SIGINT after its child finished cleanly, as shells expect.
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((r) => second.child.once('close', (c, s) => r([c, s])));
    expect(code === 0 || signal === 'SIGINT').toBe(true);
    if (!second.output().includes('Stoppet.')) console.log(second.output().slice(-3000));
    expect(second.output()).toContain('Stoppet.');
    expect(processesUsing(dataDir)).toEqual([]);
    console.log(`npm start ready in ${first.seconds.toFixed(1)} s (cold data dir), ${second.seconds.toFixed(1)} s (restart)`);
  });
});

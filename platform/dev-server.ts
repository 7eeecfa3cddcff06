import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { devServerSearchAttributeArgs } from '../domain/search-attributes';
import type { Logger } from './logger';

export interface DevServer {
  address: string;
  uiUrl?: string;
  /** Settles with the exit code when the server process ends, asked to or not. */
  exited?: Promise<number | null>;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  cli: string;
  /** A fixed port, or a chooser asked afresh for each attempt (tests). */
  port: number | (() => Promise<number>);
  uiPort?: number;
  namespace: string;
  /** SQLite file for durable state; omit for an in-memory server (tests). */
  dbFile?: string;
  logger: Logger;
}

const START_ATTEMPTS = 3;

/**
 * Runs `temporal server start-dev` as a child process that we own: it is stopped with us, and
 * its state lives in a SQLite file so cases survive a restart. The server picks its HTTP, metrics
 * and internal ports at random, and now and then loses a race for one and exits while starting:
 * such a start is tried again.
 */
export async function startDevServer(opts: DevServerOptions): Promise<DevServer> {
  for (let attempt = 1; ; attempt++) {
    const port = typeof opts.port === 'number' ? opts.port : await opts.port();
    try {
      return await startOnce(opts, port);
    } catch (err) {
      if (!(err instanceof ExitedWhileStarting) || attempt >= START_ATTEMPTS) throw err;
      opts.logger.warn({ attempt, port, err: err.message.slice(0, 500) }, 'Temporal dev server exited while starting; trying again');
    }
  }
}

class ExitedWhileStarting extends Error {}

async function startOnce(opts: DevServerOptions, port: number): Promise<DevServer> {
  const address = `127.0.0.1:${port}`;
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(port),
    '--namespace', opts.namespace,
    '--log-level', 'warn',
    '--log-format', 'json',
    // The worker that completes a workflow task gets the activity it scheduled in the same reply,
    // without a round trip through matching: most case writes start at once.
    '--dynamic-config-value', 'system.enableActivityEagerExecution=true',
    ...devServerSearchAttributeArgs(),
  ];
  const pidFile = opts.dbFile ? path.join(path.dirname(opts.dbFile), 'dev-server.pid') : undefined;
  if (opts.dbFile) {
    fs.mkdirSync(path.dirname(opts.dbFile), { recursive: true });
    await stopStaleServer(pidFile!, opts.logger);
    // WAL lets the UI and the server read while the history service writes.
    args.push('--db-filename', opts.dbFile, '--sqlite-pragma', 'journal_mode=WAL');
  }
  if (opts.uiPort) args.push('--ui-port', String(opts.uiPort));
  else args.push('--headless');

  // Its own process group: a Ctrl-C in the terminal must not kill the server before the worker has
  // drained; we stop it last. If we die hard instead, the pid file lets the next start clean up.
  const child = spawn(opts.cli, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const log = opts.logger.child({ component: 'temporal-dev-server' });
  // The first lines of a panic say why; the last say where: keep both.
  let stderrHead = '';
  let stderrTail = '';
  child.stdout!.on('data', () => {});
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    if (stderrHead.length < 2000) stderrHead += chunk.slice(0, 2000 - stderrHead.length);
    stderrTail = (stderrTail + chunk).slice(-2000);
    for (const line of chunk.split('\n').filter(Boolean)) log.debug({ line }, 'dev server');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  if (pidFile && child.pid) fs.writeFileSync(pidFile, String(child.pid));

  await waitUntilServing(address, child, exited, () => (stderrHead.length < 2000 ? stderrHead : `${stderrHead}\n…\n${stderrTail}`));
  return {
    address,
    uiUrl: opts.uiPort ? `http://127.0.0.1:${opts.uiPort}` : undefined,
    exited,
    stop: async () => {
      await stopChild(child, exited);
      if (pidFile) fs.rmSync(pidFile, { force: true });
    },
  };
}

/**
 * A Botrygg killed with SIGKILL cannot stop its dev server, which then holds the port and the
 * SQLite file. The next start finds it through the pid file and stops it first.
 */
async function stopStaleServer(pidFile: string, logger: Logger): Promise<void> {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
  } catch {
    return;
  }
  const isOurServer = () => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('start-dev');
    } catch {
      return false;
    }
  };
  if (pid > 0 && isOurServer()) {
    logger.warn({ pid }, 'Stopping a Temporal dev server left behind by an earlier run');
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 100 && isOurServer(); i++) await new Promise((r) => setTimeout(r, 100));
    if (isOurServer()) process.kill(pid, 'SIGKILL');
  }
  fs.rmSync(pidFile, { force: true });
}

async function waitUntilServing(address: string, child: ChildProcess, exited: Promise<number | null>, tail: () => string): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((c) => (exitCode = c));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new ExitedWhileStarting(`Temporal dev server exited (code ${exitCode}):\n${tail()}`);
    try {
      const conn = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await conn.healthService.check({});
        return;
      } finally {
        await conn.close();
      }
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`Temporal dev server did not answer on ${address} within 60 s:\n${tail()}`);
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { Logger } from '../../platform/logger';
import { supervise, type Supervised } from '../../platform/supervisor';

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** stdout and stderr go here (appended across restarts). */
  logFile: string;
  /** How long SIGTERM may take before SIGKILL (a worker drains its activities first). */
  stopGraceMs?: number;
}

/**
 * One process of the cluster, kept running by platform/supervisor.ts as a service manager would: it
 * runs in its own process group (a Ctrl-C in the terminal reaches only us, and we stop the parts in
 * order), and is started again after a backoff when it exits unasked.
 */
export class ClusterProcess {
  private supervised?: Supervised;
  private child?: ChildProcess;

  constructor(
    readonly spec: ProcessSpec,
    private readonly logger: Logger,
    private readonly say: (line: string) => void = () => {},
  ) {}

  /** The running process's pid (the identity a Temporal worker reports is `pid@host`). */
  get pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  get restarts(): number {
    return this.supervised?.restarts ?? 0;
  }

  start(): void {
    if (this.supervised) return;
    const { spec } = this;
    this.supervised = supervise(
      async () => {
        const out = fs.openSync(spec.logFile, 'a');
        const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, detached: true, stdio: ['ignore', out, out] });
        fs.closeSync(out);
        this.child = child;
        const exited = new Promise<string>((resolve) => {
          child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
          child.once('error', (err) => resolve(`error ${err.message}`));
        });
        let stopping = false;
        return {
          async run() {
            const how = await exited;
            if (!stopping) throw new Error(`${spec.name} exited (${how}); see ${spec.logFile}`);
          },
          shutdown: () => {
            stopping = true;
            signalGroup(child, 'SIGTERM');
            setTimeout(() => signalGroup(child, 'SIGKILL'), spec.stopGraceMs ?? 15_000).unref();
          },
        };
      },
      {
        name: spec.name,
        logger: this.logger,
        minBackoffMs: 500,
        maxBackoffMs: 10_000,
        onRestart: ({ restarts, waitMs, error }) => this.say(`${error.split(';')[0]}; starter på nytt om ${(waitMs / 1000).toFixed(1)} s (omstart nr. ${restarts}).`),
      },
    );
  }

  /** SIGKILL to the whole process group; the supervisor starts it again. */
  kill(): void {
    if (this.child) signalGroup(this.child, 'SIGKILL');
  }

  /** SIGKILL, and no restart until `start()`: for "the other one takes over". */
  async hold(): Promise<void> {
    const supervised = this.supervised;
    this.supervised = undefined;
    this.kill();
    await supervised?.stop();
  }

  /** SIGTERM (SIGKILL after the grace time), waited for; not started again. */
  async stop(): Promise<void> {
    const supervised = this.supervised;
    this.supervised = undefined;
    await supervised?.stop();
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

/** A one-shot command to completion; its output is returned for the error message when it fails. */
export function runToCompletion(command: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; logFile?: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      if (opts.logFile) fs.appendFileSync(opts.logFile, chunk);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output}`))));
  });
}

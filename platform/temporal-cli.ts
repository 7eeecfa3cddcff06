import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Pinned: later tags carry a replace directive that `go install` refuses. */
export const TEMPORAL_CLI_VERSION = '1.5.1';
const GO_PACKAGE = `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`;

type Env = Record<string, string | undefined>;
type Progress = (line: string) => void;

export function toolCacheDir(env: Env = process.env): string {
  return env.BOTRYGG_TOOL_CACHE ?? path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'botrygg');
}

export function cachedCliPath(env: Env = process.env): string {
  return path.join(toolCacheDir(env), `temporal-cli-${TEMPORAL_CLI_VERSION}`, 'temporal');
}

export function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function onPath(name: string, env: Env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Finds a Temporal CLI: TEMPORAL_CLI, `temporal` on PATH, the project's tool cache, else builds the
 * pinned version with Go into that cache. Returns undefined when none can be had, and the caller
 * falls back to the SDK's own download.
 */
export async function findTemporalCli(opts: { env?: Env; progress?: Progress; build?: boolean } = {}): Promise<string | undefined> {
  const env = opts.env ?? process.env;
  const progress = opts.progress ?? ((line) => console.error(line));
  if (env.TEMPORAL_CLI) {
    if (!isExecutable(env.TEMPORAL_CLI)) throw new Error(`TEMPORAL_CLI=${env.TEMPORAL_CLI} er ikke en kjørbar fil`);
    return env.TEMPORAL_CLI;
  }
  const fromPath = onPath('temporal', env);
  if (fromPath) return fromPath;
  const cached = cachedCliPath(env);
  if (isExecutable(cached)) return cached;
  if (opts.build === false) return undefined;
  const go = onPath('go', env);
  if (!go) return undefined;
  await buildWithGo(go, cached, env, progress);
  return cached;
}

async function buildWithGo(go: string, target: string, env: Env, progress: Progress): Promise<void> {
  await goInstall({ go, packages: [GO_PACKAGE], label: `Temporal CLI ${TEMPORAL_CLI_VERSION}`, targets: { temporal: target }, env, progress });
}

/**
 * `go install` of pinned packages into a staging directory, with a progress line every 15 s, then the
 * binaries moved to their places in the tool cache (`targets`: binary name → path). A build that
 * fails or is interrupted leaves nothing half-written where a later start would find it.
 */
export async function goInstall(opts: { go: string; packages: string[]; label: string; targets: Record<string, string>; env: Env; progress: Progress }): Promise<void> {
  const { go, env, progress } = opts;
  const dir = path.dirname(Object.values(opts.targets)[0]!);
  const staging = `${dir}.building-${process.pid}`;
  fs.mkdirSync(staging, { recursive: true });
  progress(`Building ${opts.label} with Go into ${dir} (first time only; takes a few minutes)...`);
  const started = Date.now();
  let modules = 0;
  let packages = 0;
  const ticker = setInterval(() => {
    progress(`  ...still building: ${modules} modules downloaded, ${packages} packages compiled, ${Math.round((Date.now() - started) / 1000)} s`);
  }, 15_000);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(go, ['install', '-v', ...opts.packages], {
        env: { ...env, GOBIN: staging },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let tail = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        for (const line of chunk.split('\n')) {
          if (line.startsWith('go: downloading')) modules++;
          else if (line.trim()) packages++;
        }
        tail = (tail + chunk).slice(-4000);
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`go install failed (exit ${code}):\n${tail}`))));
    });
    for (const [binary, target] of Object.entries(opts.targets)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.renameSync(path.join(staging, binary), target);
    }
    progress(`${opts.label} built in ${Math.round((Date.now() - started) / 1000)} s: ${dir}`);
  } finally {
    clearInterval(ticker);
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Launcher of the Java time-skipping test server, installed by scripts/tools/install-test-server.sh. */
export function findTestServer(env: Env = process.env): string {
  const here = path.dirname(new URL(import.meta.url).pathname);
  const script = path.join(here, '..', 'scripts', 'tools', 'install-test-server.sh');
  const out = spawnSync('bash', [script], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`Could not install the time-skipping test server:\n${out.stderr}`);
  const match = /: (\S+)\s*$/.exec(out.stdout.trim());
  if (!match?.[1]) throw new Error(`Unexpected installer output: ${out.stdout}`);
  return match[1];
}

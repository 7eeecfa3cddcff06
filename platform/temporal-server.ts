import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { goInstall, isExecutable, onPath, toolCacheDir } from './temporal-cli';

/**
 * Pinned: the last server tag that `go install` builds with Go 1.26 (later tags need a newer Go).
 * The compose file's `temporalio/server` and `temporalio/admin-tools` images carry the same version
 * (test/unit/compose.test.ts holds them together).
 */
export const TEMPORAL_SERVER_VERSION = '1.30.4';
const MODULE = `go.temporal.io/server@v${TEMPORAL_SERVER_VERSION}`;
const PACKAGES = [`go.temporal.io/server/cmd/server@v${TEMPORAL_SERVER_VERSION}`, `go.temporal.io/server/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}`];

type Env = Record<string, string | undefined>;
type Progress = (line: string) => void;

/** The server binary, its SQL schema tool and the versioned PostgreSQL schema they were released with. */
export interface TemporalServerTools {
  server: string;
  sqlTool: string;
  /** `schema/postgresql/v12`, holding `temporal/versioned` and `visibility/versioned`. */
  postgresSchemaDir: string;
}

export function cachedServerTools(env: Env = process.env): TemporalServerTools {
  const dir = path.join(toolCacheDir(env), `temporal-server-${TEMPORAL_SERVER_VERSION}`);
  return {
    server: path.join(dir, 'temporal-server'),
    sqlTool: path.join(dir, 'temporal-sql-tool'),
    postgresSchemaDir: path.join(dir, 'schema', 'postgresql', 'v12'),
  };
}

const complete = (tools: TemporalServerTools) =>
  isExecutable(tools.server) && isExecutable(tools.sqlTool) && fs.existsSync(path.join(tools.postgresSchemaDir, 'visibility', 'versioned'));

/**
 * Finds the pinned Temporal server and schema tool in the tool cache, or (unless `build: false`)
 * builds them with Go from the module proxy and copies the schema files beside them, so that the
 * cache alone runs a cluster even after `go clean -modcache`.
 */
export async function findTemporalServer(opts: { env?: Env; progress?: Progress; build?: boolean } = {}): Promise<TemporalServerTools | undefined> {
  const env = opts.env ?? process.env;
  const progress = opts.progress ?? ((line) => console.error(line));
  const tools = cachedServerTools(env);
  if (complete(tools)) return tools;
  if (opts.build === false) return undefined;
  const go = onPath('go', env);
  if (!go) return undefined;
  if (!isExecutable(tools.server) || !isExecutable(tools.sqlTool)) {
    await goInstall({
      go,
      packages: PACKAGES,
      label: `Temporal server ${TEMPORAL_SERVER_VERSION} and its SQL schema tool`,
      targets: { server: tools.server, sql: tools.sqlTool },
      env,
      progress,
    });
  }
  copySchema(go, env, tools, progress);
  return tools;
}

/** The module's own schema directory (already downloaded by the build; `go mod download` is quick then). */
function copySchema(go: string, env: Env, tools: TemporalServerTools, progress: Progress): void {
  const out = spawnSync(go, ['mod', 'download', '-json', MODULE], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`go mod download ${MODULE} failed:\n${out.stderr}${out.stdout}`);
  const moduleDir = (JSON.parse(out.stdout) as { Dir?: string }).Dir;
  if (!moduleDir) throw new Error(`go mod download ${MODULE} named no directory`);
  const source = path.join(moduleDir, 'schema', 'postgresql', 'v12');
  const staging = `${tools.postgresSchemaDir}.copying-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.cpSync(source, staging, { recursive: true });
  // The module cache is read-only; the copy must stay removable with the rest of the tool cache.
  makeWritable(staging);
  fs.rmSync(tools.postgresSchemaDir, { recursive: true, force: true });
  fs.renameSync(staging, tools.postgresSchemaDir);
  progress(`PostgreSQL schema for Temporal ${TEMPORAL_SERVER_VERSION} copied to ${tools.postgresSchemaDir}`);
}

function makeWritable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(p);
    else fs.chmodSync(p, 0o644);
  }
}

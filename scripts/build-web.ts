import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIR = path.join(repo, 'web');
export const WEB_DIST = path.join(WEB_DIR, 'dist');
const STAMP = path.join(WEB_DIST, '.source-hash');
/** The budget from issue 12: JavaScript needed for the first page, gzipped. */
export const INITIAL_JS_BUDGET_BYTES = 300 * 1024;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

/** A hash of everything the build reads: the app's sources, the domain's labels it imports, and the locked dependency versions. */
export function webSourceHash(): string {
  const hash = createHash('sha256');
  const files = [path.join(WEB_DIR, 'index.html'), path.join(WEB_DIR, 'vite.config.ts'), path.join(repo, 'package-lock.json'), ...filesUnder(path.join(WEB_DIR, 'src')), ...filesUnder(path.join(repo, 'domain'))].sort();
  for (const f of files) hash.update(path.relative(repo, f)).update('\0').update(fs.readFileSync(f)).update('\0');
  return hash.digest('hex');
}

/** The scripts index.html loads at once (entry and module preloads), gzipped: what the first page costs. */
export function initialJsBytes(): { files: string[]; gzip: number } {
  const html = fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]!);
  const gzip = files.reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(WEB_DIST, f.replace(/^\//, '')))).length, 0);
  return { files, gzip };
}

/**
 * Builds web/ into web/dist when its sources changed since the last build (or when forced), printing
 * progress and the initial JavaScript size. `npm start` calls this before serving the app.
 */
export async function ensureWebBuild(opts: { force?: boolean; say?: (line: string) => void } = {}): Promise<{ built: boolean; initialJsGzip: number }> {
  const say = opts.say ?? ((line: string) => process.stderr.write(`${line}\n`));
  const hash = webSourceHash();
  const fresh = fs.existsSync(path.join(WEB_DIST, 'index.html')) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash;
  if (fresh && !opts.force) return { built: false, initialJsGzip: initialJsBytes().gzip };
  say('Bygger nettappen (web/) fordi kildene er endret...');
  const started = Date.now();
  const { build } = await import('vite');
  // Built beside and swapped in, so a server (or a test run) reading web/dist never sees it half-written.
  const staging = `${WEB_DIST}.building-${process.pid}`;
  // Vite builds for whatever NODE_ENV the process has (vitest sets `test`, which gives React's development
  // build); the app served is always the production build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(WEB_DIR, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir: staging, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  fs.writeFileSync(path.join(staging, '.source-hash'), hash);
  fs.rmSync(WEB_DIST, { recursive: true, force: true });
  fs.renameSync(staging, WEB_DIST);
  const initial = initialJsBytes();
  const kb = (initial.gzip / 1024).toFixed(1);
  say(`Nettappen er bygd på ${((Date.now() - started) / 1000).toFixed(1)} s. JavaScript ved første lasting: ${kb} KB gzip (mål: under ${INITIAL_JS_BUDGET_BYTES / 1024} KB).`);
  if (initial.gzip > INITIAL_JS_BUDGET_BYTES) say('ADVARSEL: nettappens første lasting er over budsjettet.');
  return { built: true, initialJsGzip: initial.gzip };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureWebBuild({ force: process.argv.includes('--force') });
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sources = (dir: string) =>
  fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: `${dir}/${f}`, text: withoutComments(fs.readFileSync(path.join(root, dir, f), 'utf8')) }));

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

const NODE_MODULES = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const importsOf = (text: string) => [...text.matchAll(/^\s*import\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);

/**
 * Workflow code must replay identically for years, and the domain rules run inside workflows: neither
 * may reach Node APIs, the clock or randomness. The bundler catches some of this; this test all of it.
 */
describe('deterministic code', () => {
  const files = [...sources('domain'), ...sources('workflows')];

  it('imports no Node built-ins and only pure packages', () => {
    // saxes is pure JavaScript (no Node APIs); the camt.054 parser in domain/rent/ reads XML with it.
    const allowed = /^(\.{1,2}\/|zod$|saxes$|@temporalio\/(workflow|common)$)/;
    const offenders = files.flatMap(({ file, text }) =>
      importsOf(text)
        .filter((spec) => NODE_MODULES.has(spec) || !allowed.test(spec))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('reads no clock and draws no random numbers outside workflows/clock.ts', () => {
    const offenders = files
      .filter(({ file }) => file !== 'workflows/clock.ts')
      .flatMap(({ file, text }) =>
        [...text.matchAll(/Date\.now\(\)|new Date\(\)|Math\.random\(\)|performance\.now\(\)|process\./g)].map((m) => `${file}: ${m[0]}`),
      );
    expect(offenders).toEqual([]);
  });

  it('keeps zod and domain/schemas out of the workflow bundle (each workflow context would build every schema)', () => {
    const runtimeImports = (text: string) =>
      [...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)([^;]*?)\s+from\s+'([^']+)'/gm)]
        .filter((m) => !/^\{\s*\}$/.test(m[1]!.trim()) && !/^\{(\s*type\s[^,}]+,?)+\s*\}$/.test(m[1]!.trim()))
        .map((m) => m[2]!);
    const resolve = (from: string, spec: string) => {
      const base = path.join(path.dirname(from), spec);
      return [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(path.join(root, f)))!;
    };
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      if (file.startsWith('domain/schemas/')) offenders.push(file);
      for (const spec of runtimeImports(withoutComments(fs.readFileSync(path.join(root, file), 'utf8')))) {
        if (spec === 'zod') offenders.push(`${file}: zod`);
        else if (spec.startsWith('.')) visit(path.normalize(resolve(file, spec)));
      }
    };
    visit('workflows/index.ts');
    expect(seen.size).toBeGreaterThan(20);
    // Each workflow's own rules are in the bundle walked here, and so held to the same rule.
    expect([...seen]).toEqual(expect.arrayContaining(['workflows/private-rental.ts', 'domain/private-rental/actions.ts', 'domain/private-rental/rules.ts']));
    expect(offenders).toEqual([]);
  });

  it('imports activities into workflows as types only', () => {
    const offenders = sources('workflows').filter(({ text }) => /^import (?!type)[^;]*from '\.\.\/activities/m.test(text)).map((f) => f.file);
    expect(offenders).toEqual([]);
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '../../scripts/web-api-types';

/**
 * The staff app compiles against types generated from the API's own OpenAPI document. If a route
 * changes, the committed types go stale here (run `npm run web:types`), and the app's type check
 * below fails wherever the app used what changed.
 */
describe('web app API types', () => {
  it('the committed web/src/api/schema.d.ts is what the current /api/openapi.json generates', async () => {
    const committed = fs.readFileSync(API_TYPES_FILE, 'utf8');
    expect(committed === (await generateApiTypes()), 'web/src/api/schema.d.ts is stale: run `npm run web:types`').toBe(true);
  });

  it('the app type-checks against them', { timeout: 120_000 }, () => {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'web'], { stdio: 'pipe' });
  });
});

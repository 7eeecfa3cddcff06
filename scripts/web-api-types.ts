import type { Server } from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import openapiTS, { astToString } from 'openapi-typescript';
import { createApp } from '../api/app';
import type { DatabaseHandle } from '../db/client';
import { createLogger } from '../platform/logger';

export const API_TYPES_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'src', 'api', 'schema.d.ts');

/**
 * The API's own /api/openapi.json, read from the real app. Building the document registers every
 * route; no handler runs, so no database or Temporal connection is opened (hence the empty handles).
 */
export async function currentOpenApiDocument(): Promise<Record<string, unknown>> {
  const app = createApp({
    config: { apiTokens: [], TEMPORAL_TASK_QUEUE: 'types', TEMPORAL_NAMESPACE: 'default' },
    database: {} as DatabaseHandle,
    temporal: {} as Client,
    logger: createLogger('silent', { process: 'web-api-types' }),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/openapi.json`);
    return (await res.json()) as Record<string, unknown>;
  } finally {
    await new Promise((r) => server.close(r));
  }
}

/** The TypeScript the web app compiles against, generated from the document by openapi-typescript. */
export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(JSON.stringify(await currentOpenApiDocument()) as never);
  return `/* Generated from /api/openapi.json by scripts/web-api-types.ts (npm run web:types). Do not edit. */\n${astToString(ast)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await generateApiTypes();
  fs.writeFileSync(API_TYPES_FILE, text);
  process.stderr.write(`Skrev ${path.relative(process.cwd(), API_TYPES_FILE)} (${text.length} tegn)\n`);
}

import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import { z } from 'zod';
import type { StaticToken } from '../config/api-tokens';
import { parseApiTokens } from '../config/api-tokens';
import { DEVELOPMENT_TOKENS } from '../config/env';

/**
 * The staff web app (web/, built by Vite into web/dist) served by the API process at `/`:
 * hashed assets cached for good, index.html never, and every other GET outside /api answered
 * with index.html so a reloaded deep link (/saker/TYN-…) opens the app on that page.
 */
export function serveWebApp(app: Express, distDir: string): void {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) return;
  app.use('/assets', express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  // A missing asset (an old page asking for last build's chunk) is a 404, never index.html served as JavaScript.
  app.use('/assets', ((_req, res) => void res.status(404).type('text/plain').send('Finnes ikke.')) as RequestHandler);
  app.use(express.static(distDir, { index: false, maxAge: 0 }));
  app.get(/^\/(?!api(?:\/|$)|healthz$|readyz$).*/, ((req, res, next) => {
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  }) as RequestHandler);
}

const DevUsers = z.object({
  users: z.array(z.object({ token: z.string(), userId: z.string(), roles: z.array(z.string()), municipality: z.string() })),
});

/**
 * The development tokens the server accepts, for the app's "Velg bruker" picker. Only tokens from
 * config/env.ts's development set are listed, and only if the server actually accepts them (it
 * runs without API_TOKENS): with real tokens configured the list is empty and the picker absent.
 * It is mounted before authentication on purpose: choosing a user is how one gets a token.
 */
export function devUsersHandler(tokens: StaticToken[]): RequestHandler {
  const development = new Set(parseApiTokens(DEVELOPMENT_TOKENS).map((t) => t.token));
  const users = tokens
    .filter((t) => development.has(t.token))
    .map((t) => ({ token: t.token, userId: t.actor.id, roles: [...t.actor.roles], municipality: t.actor.municipality }));
  return (_req, res) => void res.json({ users });
}

/** The picker's endpoint in the OpenAPI document, so the app reads it through the generated types too. */
export const devUsersOpenApiPath = {
  get: {
    summary: 'Utviklingsbrukere for «Velg bruker» (tom liste når serveren har ekte nøkler)',
    tags: ['Utvikling'],
    security: [],
    responses: {
      200: {
        description: 'Utviklingsnøklene serveren godtar',
        content: { 'application/json': { schema: z.toJSONSchema(DevUsers, { target: 'draft-2020-12' }) } },
      },
    },
  },
};

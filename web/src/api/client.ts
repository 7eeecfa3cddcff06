import createClient from 'openapi-fetch';
import { authHeaders, signOut } from '../auth';
import type { paths } from './schema';

/** The one way the app reaches /api: typed by the API's own OpenAPI document (schema.d.ts). */
export const api = createClient<paths>({ baseUrl: '' });

api.use({
  onRequest({ request }) {
    for (const [k, v] of Object.entries(authHeaders(request.method))) request.headers.set(k, v);
    return request;
  },
  onResponse({ response }) {
    // An expired or unknown sign-in: back to the login page rather than a page of errors.
    if (response.status === 401) signOut();
    return response;
  },
});

/** The API's own Norwegian message from an error body, or a plain fallback. */
export function errorText(error: unknown, fallback = 'Noe gikk galt. Prøv igjen.'): string {
  if (error && typeof error === 'object' && 'error' in error && typeof (error as { error: unknown }).error === 'string') {
    const e = error as { error: string; problems?: Array<{ field: string; message: string }> };
    return e.problems?.length ? `${e.error} ${e.problems.map((p) => p.message).join(' ')}` : e.error;
  }
  return fallback;
}

/** A fresh key per form: a resend of the same form is applied once (the API's Idempotency-Key). */
export const newIdempotencyKey = (kind: string): string => `web-${kind}-${crypto.randomUUID()}`;

import { useSyncExternalStore } from 'react';

/**
 * Who is signed in, kept in one module so the pages only see `useSession()`:
 * - `cookie`: a staff login through OpenID Connect. The server holds the session behind an HttpOnly
 *   cookie; the app learns who it is from `/api/me` and sends the session's CSRF token back on every
 *   state-changing request.
 * - `token`: a development token chosen in "velg bruker" (only offered while the server accepts
 *   development tokens), kept in sessionStorage and sent as a bearer token.
 */
export interface Session {
  mode: 'cookie' | 'token';
  /** Development token (mode `token` only). */
  token?: string;
  /** The ID cases use: the provider's subject with a login, the token's user ID otherwise. */
  userId: string;
  /** The person's name from the directory, when the server knows it. */
  name?: string;
  roles: string[];
  municipality: string;
  /** Sent back in `X-CSRF-Token` (mode `cookie` only). */
  csrfToken?: string;
}

const KEY = 'botrygg.session';
const listeners = new Set<() => void>();
let cached: Session | null | undefined;
/** False until the first `/api/me` has answered: the app waits instead of sending a signed-in user to the login page. */
let checked = false;

function read(): Session | null {
  if (cached !== undefined) return cached;
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
    // Only development tokens are stored; a cookie session is asked for again on every load.
    cached = stored?.token ? { ...stored, mode: 'token' } : null;
  } catch {
    cached = null;
  }
  return cached;
}

function write(session: Session | null): void {
  cached = session;
  if (session?.mode === 'token') sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  for (const l of listeners) l();
}

function markChecked(): void {
  checked = true;
  for (const l of listeners) l();
}

/** Choosing a development user in "velg bruker". */
export const signIn = (session: Omit<Session, 'mode'>): void => write({ ...session, mode: 'token' });
/** Forgets the sign-in on this page (a 401, or leaving a development user); a login session is ended with `logOut`. */
export const signOut = (): void => write(null);
export const currentSession = (): Session | null => read();

/** Where "Logg inn" starts the OpenID flow; the server brings the browser back to `returnTo`. */
export const loginUrl = (returnTo: string): string => `/auth/login?returnTo=${encodeURIComponent(returnTo.startsWith('/') && !returnTo.startsWith('/logg-inn') ? returnTo : '/')}`;

/**
 * Asks the server who the cookie belongs to (once per page load). Uses plain fetch, not the API
 * client, so a 401 here is an answer ("nobody"), not an expired session.
 */
export async function checkSession(): Promise<void> {
  if (read()?.mode === 'token') return markChecked();
  try {
    const res = await fetch('/api/me', { headers: { accept: 'application/json' } });
    if (res.ok) {
      const me = (await res.json()) as { id: string; name?: string | null; roles: string[]; municipality: string; authMethod: string; csrfToken?: string };
      if (me.authMethod === 'session' && me.csrfToken) {
        write({ mode: 'cookie', userId: me.id, ...(me.name ? { name: me.name } : {}), roles: me.roles, municipality: me.municipality, csrfToken: me.csrfToken });
      }
    }
  } catch {
    // The server could not be reached: the login page says what to do.
  }
  markChecked();
}

/**
 * Ends a login at Botrygg and at the provider (RP-initiated logout). The server answers with the
 * provider's end-session address, which the page then opens: a form post that redirects to another
 * origin would be stopped by the CSP's `form-action 'self'`.
 */
export async function logOut(): Promise<void> {
  const s = read();
  if (s?.mode !== 'cookie') {
    write(null);
    window.location.assign('/logg-inn');
    return;
  }
  const res = await fetch('/auth/logout', { method: 'POST', headers: { accept: 'application/json', 'x-csrf-token': s.csrfToken ?? '' } });
  const body = (await res.json().catch(() => ({}))) as { redirect?: string };
  write(null);
  window.location.assign(body.redirect ?? '/auth/logged-out');
}

export function authHeaders(method: string): Record<string, string> {
  const s = read();
  if (!s) return {};
  if (s.mode === 'token') return { Authorization: `Bearer ${s.token}` };
  return /^(GET|HEAD|OPTIONS)$/i.test(method) ? {} : { 'X-CSRF-Token': s.csrfToken ?? '' };
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => void listeners.delete(l);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, read);
}

/** Whether the app knows yet who is signed in. */
export function useSessionChecked(): boolean {
  return useSyncExternalStore(subscribe, () => checked);
}

export const hasRole = (s: Session | null, ...roles: string[]): boolean => !!s && s.roles.some((r) => r === 'admin' || roles.includes(r));

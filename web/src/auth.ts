import { useSyncExternalStore } from 'react';

/**
 * Who is signed in, kept in one module so real login (OpenID, a session cookie set by the server)
 * can replace the development tokens without touching the pages: pages use `useSession()` and the
 * API client uses `authHeaders()`; with a cookie, `authHeaders` returns nothing and `session` comes
 * from the server instead of sessionStorage.
 */
export interface Session {
  token: string;
  userId: string;
  roles: string[];
  municipality: string;
}

const KEY = 'botrygg.session';
const listeners = new Set<() => void>();
let cached: Session | null | undefined;

function read(): Session | null {
  if (cached !== undefined) return cached;
  try {
    cached = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
  } catch {
    cached = null;
  }
  return cached;
}

function write(session: Session | null): void {
  cached = session;
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  for (const l of listeners) l();
}

export const signIn = (session: Session): void => write(session);
export const signOut = (): void => write(null);
export const currentSession = (): Session | null => read();

export function authHeaders(): Record<string, string> {
  const s = read();
  return s ? { Authorization: `Bearer ${s.token}` } : {};
}

export function useSession(): Session | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    read,
  );
}

export const hasRole = (s: Session | null, ...roles: string[]): boolean => !!s && s.roles.some((r) => r === 'admin' || roles.includes(r));

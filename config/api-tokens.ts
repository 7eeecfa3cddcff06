import { isRole, type Actor } from '../domain/roles';

/** A static bearer token bound to one actor: development and service-to-service use until real login exists. */
export interface StaticToken {
  token: string;
  actor: Actor;
}

/** Parses `token:userId:role+role:municipality,...`. */
export function parseApiTokens(spec: string): StaticToken[] {
  const entries = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error('ingen nøkler oppgitt');
  return entries.map((entry, i) => {
    const [token, id, roles, municipality] = entry.split(':');
    if (!token || !id || !roles || !municipality) {
      throw new Error(`oppføring ${i + 1} må ha formen nøkkel:bruker:rolle+rolle:kommune`);
    }
    if (token.length < 8) throw new Error(`oppføring ${i + 1}: nøkkelen må ha minst 8 tegn`);
    const parsedRoles = roles.split('+');
    const unknown = parsedRoles.filter((r) => !isRole(r));
    if (unknown.length) throw new Error(`oppføring ${i + 1}: ukjent rolle ${unknown.join(', ')}`);
    return { token, actor: { id, roles: parsedRoles.filter(isRole), municipality } };
  });
}

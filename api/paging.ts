import { z } from 'zod';
import { decodeCursor } from '../db/work-lists';
import { HttpError } from './errors';

/** `limit` and `after` of every paged list: a page is at most 500 rows, 100 unless asked. */
export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: z.string().min(1).max(1000).optional().meta({ description: 'Fortsett etter forrige side (feltet «next» i svaret)' }),
};

export const NextCursor = z.string().optional().meta({ description: 'Finnes når det er flere rader: send den som «after» for neste side' });

/** The sort key a client's cursor names; a cursor this server did not make is refused, not guessed at. */
export function afterKey(after: string | undefined, parts: number): string[] | undefined {
  if (after === undefined) return undefined;
  const key = decodeCursor(after, parts);
  if (!key) throw new HttpError(400, '«after» er ikke en gyldig fortsettelse. Bruk verdien i «next» fra forrige side.');
  return key;
}

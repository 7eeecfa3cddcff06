import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client';

/** The run's real PostgreSQL database (created and migrated by the global setup). */
export function openTestDatabase(): Promise<DatabaseHandle> {
  return openDatabase({ url: inject('databaseUrl'), dataDir: '.data', poolSize: 4 });
}

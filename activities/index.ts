import type { Database } from '../db/client';
import { createTenancyRecordActivities } from './tenancy-records';

export interface ActivityDeps {
  db: Database;
}

/** All activities, built from their clients so tests and the worker wire the same code. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createTenancyRecordActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;

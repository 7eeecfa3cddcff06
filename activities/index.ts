import type { Database } from '../db/client';
import type { Mailer } from '../platform/mailer';
import { createIncidentRecordActivities } from './incident-records';
import { createRoleNotificationActivities } from './role-notifications';
import { createTenancyRecordActivities } from './tenancy-records';

export interface ActivityDeps {
  db: Database;
  /** Absent when SMTP is not configured: notices then wait in the outbox. */
  mailer?: Mailer;
  mailFrom?: string;
}

/** All activities, built from their clients so tests and the worker wire the same code. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createTenancyRecordActivities(deps),
    ...createIncidentRecordActivities(deps),
    ...createRoleNotificationActivities({ db: deps.db, mailer: deps.mailer, from: deps.mailFrom }),
  };
}

export type Activities = ReturnType<typeof createActivities>;

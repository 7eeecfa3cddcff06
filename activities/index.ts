import type { Client } from '@temporalio/client';
import type { Database } from '../db/client';
import type { Mailer } from '../platform/mailer';
import { createCaseLetterActivities } from './case-letters';
import { createCommitteeActivities } from './committee';
import { createIncidentRecordActivities } from './incident-records';
import { createPrivateRentalActivities } from './private-rental-records';
import { createRentLedgerActivities } from './rent-ledger';
import { createRoleNotificationActivities } from './role-notifications';
import { createTenancyRecordActivities } from './tenancy-records';
import { createTenancySignalActivities } from './tenancy-signals';

export interface ActivityDeps {
  db: Database;
  /** For activities that talk to other workflows (an incident reporting to its tenancy). */
  temporal: Client;
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
    ...createTenancySignalActivities(deps),
    ...createRentLedgerActivities(deps),
    ...createCommitteeActivities(deps),
    ...createCaseLetterActivities(deps),
    ...createPrivateRentalActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;

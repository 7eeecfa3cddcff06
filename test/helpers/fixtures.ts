import { DEFAULT_TEMPLATE, fillAgreementRows, type SituationKey } from '../../domain/agreement-template';
import type { Application } from '../../domain/application';
import type { NewIncident } from '../../domain/incidents/incident';
import type { Actor } from '../../domain/roles';
import type { CaseActionPayload } from '../../domain/tenancy/actions';
import { sampleInterview } from '../../scripts/demo-data';

export const officer: Actor = { id: 'kari.nordmann', roles: ['housing_officer'], municipality: 'tynset' };
export const followUpWorker: Actor = { id: 'ola.hansen', roles: ['follow_up_worker'], municipality: 'tynset' };

let counter = 0;
/** A unique case ID in the real format, so tests never collide in the shared database. */
export function testCaseId(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  let n = Date.now() * 1000 + process.pid * 37 + counter++;
  let suffix = '';
  for (let i = 0; i < 6; i++) {
    suffix += alphabet[n % alphabet.length];
    n = Math.floor(n / alphabet.length);
  }
  return `TST-2026-${suffix}`;
}

export function application(overrides: Partial<Application> = {}): Application {
  return {
    municipality: 'tynset',
    applicant: { name: 'Ingrid Bakken', phone: '+47 912 34 567' },
    householdMembers: [{ name: 'Emil Bakken', relation: 'child', birthYear: 2018 }],
    currentHousing: 'Bor midlertidig hos en venn.',
    language: 'norsk',
    needsInterpreter: false,
    receivedDate: '2026-11-23',
    housingOfficerId: 'kari.nordmann',
    ...overrides,
  };
}

export function interview(date: string): Extract<CaseActionPayload, { type: 'recordInterview' }> {
  return sampleInterview(date, 2);
}

/** An incident under the default agreement (weekly visits, 30 minutes' wait, two weeks of deviation) in Tynset. */
export function incidentInput(situation: SituationKey, reportedAt: number, report: Partial<NewIncident['report']> = {}): NewIncident {
  return {
    incidentId: `inc-${situation}`,
    caseId: 'TYN-2027-AAAAAA',
    municipality: 'tynset',
    report: { situation, description: 'Meldt av nabo.', channel: 'neighbour_form', occurredAt: new Date(reportedAt).toISOString(), reportedBy: 'berit', reportedAt, ...report },
    agreementVersion: 1,
    row: fillAgreementRows(DEFAULT_TEMPLATE, [situation], { visitFrequency: { times: 1, per: 'week' }, lockedDoorWaitMinutes: 30, deviationWeeks: 2 }).find((r) => r.key === situation)!,
    deviationWeeks: 2,
    lockedDoorWaitMinutes: 30,
    followUpWorkerId: 'ola.hansen',
    coLocated: false,
  };
}

import type { Application } from '../../domain/application';
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

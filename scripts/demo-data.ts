import type { Client } from '@temporalio/client';
import { saveDwelling } from '../db/dwelling-store';
import { receiveApplication, type IntakeDeps } from '../api/tenancy-intake';
import type { ApplicationData } from '../domain/application';
import { addDays, osloDate } from '../domain/calendar';
import type { Dwelling } from '../domain/dwelling';
import { scopedKey } from '../domain/idempotency';
import { privateRentalWorkflowId, tenancyWorkflowId } from '../domain/ids';
import type { Actor } from '../domain/roles';
import type { PrivateRentalActionPayload } from '../domain/schemas/private-rental';
import type { CaseActionPayload } from '../domain/tenancy/actions';
import { DEFAULT_CHECKLIST_ITEMS } from '../domain/tenancy/policy';
import { caseActionUpdate, privateRentalActionUpdate } from '../workflows/messages';

const officer: Actor = { id: 'kari.nordmann', roles: ['housing_officer'], municipality: 'tynset' };
const followUpWorker: Actor = { id: 'ola.hansen', roles: ['follow_up_worker'], municipality: 'tynset' };

export const DEMO_DWELLINGS: Dwelling[] = [
  { id: 'TYN-0107', address: 'Parkvegen 3A', sizeSqm: 34, rooms: 1, floor: 2, accessible: false, coLocated: false, monthlyRentOre: 780_000, location: 'Tynset sentrum', ownership: 'housing_cooperative' },
  { id: 'TYN-0212', address: 'Storgata 12B', sizeSqm: 58, rooms: 2, floor: 1, accessible: true, coLocated: false, monthlyRentOre: 915_000, location: 'Tynset sentrum', ownership: 'municipal' },
  { id: 'TYN-0304', address: 'Kirkegata 4, leil. 3', sizeSqm: 41, rooms: 2, floor: 0, accessible: true, coLocated: true, monthlyRentOre: 840_000, location: 'Tynset sentrum', ownership: 'section' },
];

export type Step = { as?: 'officer' | 'followUpWorker'; payload: CaseActionPayload };

/** A mapping interview of a single parent who needs `rooms` rooms: also the tests' sample. */
export function sampleInterview(date: string, rooms: number): Extract<CaseActionPayload, { type: 'recordInterview' }> {
  return {
    type: 'recordInterview',
    interview: {
      date,
      hasPropertyOrCapital: false,
      couldRentPrivatelyWithSupport: false,
      couldBuyWithStartUpLoan: false,
      roomsNeeded: rooms,
      childrenInHousehold: rooms - 1,
      ableToLiveIndependently: true,
      needsHousingGuidance: true,
      rentPaymentArrangement: true,
      monthlyIncomeOre: 2_600_000,
    },
  };
}

const interview = (date: string, rooms: number): Step => ({ payload: sampleInterview(date, rooms) });

/** From the decision to an accepted offer of `dwelling`. */
export const allocated = (today: string, dwelling: Dwelling): Step[] => [
  interview(today, dwelling.rooms),
  { payload: { type: 'recordDecision', outcome: 'approved', date: today, reference: 'DEMO-VEDTAK' } },
  { payload: { type: 'offerDwelling', dwelling } },
  { payload: { type: 'answerOffer', accepted: true, date: today } },
];

/** Lease, house rules, checklist, allowance and a signed agreement with weekly visits, then move-in. */
export const movedIn = (today: string): Step[] => [
  { payload: { type: 'signLease', lease: { startDate: today, signedDate: today, depositOre: 2_520_000 } } },
  { payload: { type: 'reviewHouseRules', language: 'norsk', reviewedDate: today } },
  { payload: { type: 'confirmChecklistItems', itemIds: DEFAULT_CHECKLIST_ITEMS.map((i) => i.id), date: today } },
  { payload: { type: 'signChecklist', signedDate: today } },
  { payload: { type: 'recordHousingAllowance', status: 'applied', assignmentDeclarationSigned: true, date: today } },
  {
    payload: {
      type: 'createAgreement',
      terms: { followUpWorkerId: 'ola.hansen', optionalRows: ['locked_door_co_located'], visitFrequency: { times: 1, per: 'week' }, lockedDoorWaitMinutes: 30, deviationWeeks: 2 },
    },
  },
  { payload: { type: 'signAgreement', party: 'tenant', date: today } },
  { as: 'followUpWorker', payload: { type: 'signAgreement', party: 'follow_up_worker', date: today } },
  { payload: { type: 'signAgreement', party: 'housing_officer', date: today } },
  { payload: { type: 'recordMoveIn', moveInDate: today } },
  { as: 'followUpWorker', payload: { type: 'recordVisit', date: today, outcome: 'completed', note: 'Første besøk: alt på plass.' } },
];

const base = { municipality: 'tynset', language: 'norsk', needsInterpreter: false, householdMembers: [] as ApplicationData['householdMembers'] };

function demoCases(today: string): Array<{ key: string; application: ApplicationData; steps: Step[]; privateSteps?: PrivateRentalActionPayload[] }> {
  return [
    { key: 'demo-0001', application: { ...base, applicant: { name: 'Ingrid Bakken' }, currentHousing: 'Bor midlertidig hos en venn.', housingOfficerId: 'kari.nordmann' }, steps: [] },
    {
      key: 'demo-0002',
      application: { ...base, applicant: { name: 'Ahmed Rahimi', phone: '+47 912 34 567' }, language: 'dari', needsInterpreter: true, currentHousing: 'Kommunal hybel, for liten for familien.', householdMembers: [{ name: 'Sara Rahimi', relation: 'partner' }, { name: 'Omid Rahimi', relation: 'child', birthYear: 2019 }] },
      steps: [interview(addDays(today, -10), 3)],
    },
    {
      key: 'demo-0003',
      application: { ...base, applicant: { name: 'Tor Haugen' }, currentHousing: 'Uten fast bolig siden august.' },
      steps: [interview(addDays(today, -9), 1), interview(addDays(today, -2), 1), { payload: { type: 'recordDecision', outcome: 'approved', date: today } }, { payload: { type: 'offerDwelling', dwelling: DEMO_DWELLINGS[0]! } }],
    },
    {
      key: 'demo-0004',
      application: { ...base, applicant: { name: 'Lise Moen' }, currentHousing: 'Leier privat, oppsagt fra 1. januar.' },
      steps: [interview(addDays(today, -5), 2), { payload: { type: 'referElsewhere', outcome: 'start_up_loan', note: 'Kan kjøpe med startlån og bostøtte.' } }],
    },
    { key: 'demo-0005', application: { ...base, applicant: { name: 'Jonas Berg' }, currentHousing: 'Bor på hospits.' }, steps: [...allocated(today, DEMO_DWELLINGS[1]!), { payload: { type: 'signLease', lease: { startDate: addDays(today, 7), signedDate: today } } }] },
    { key: 'demo-0006', application: { ...base, applicant: { name: 'Maria Lunde' }, currentHousing: 'Utskrevet fra institusjon.', housingOfficerId: 'kari.nordmann' }, steps: [...allocated(today, DEMO_DWELLINGS[2]!), ...movedIn(today)] },
    {
      key: 'demo-0007',
      application: { ...base, applicant: { name: 'Kristine Dahl' }, currentHousing: 'Utkastet fra forrige bolig i juni.', housingOfficerId: 'kari.nordmann' },
      steps: [interview(addDays(today, -6), 2), { payload: { type: 'referElsewhere', outcome: 'private_market', note: 'Kan leie privat med garanti og trygghetsplan.' } }],
      privateSteps: [
        { type: 'recordMapping', date: today, challenges: ['evicted_before', 'rent_arrears_before'], followUpNeeded: true, supportExplained: true, ownResponsibilities: 'Søker på finn.no hver uke og går på visninger.' },
        { type: 'holdPlanningMeeting', date: today, participants: ['applicant', 'caseworker', 'procuring_unit'], plan: { searchers: ['applicant', 'procuring_unit'], maxMonthlyRentOre: 1_100_000, area: 'Tynset', minRooms: 2, deadline: addDays(today, 42) } },
        { type: 'addCandidate', source: 'partner_landlord', landlordName: 'Tynset Utleie AS', address: 'Kongsvegen 4, Tynset', monthlyRentOre: 1_050_000, sizeSqm: 52, rooms: 2 },
      ],
    },
  ];
}

/** Cases in every phase, so a new user sees something real. Fixed keys: loading twice changes nothing. */
export async function loadDemoData(deps: IntakeDeps & { temporal: Client }, progress: (line: string) => void): Promise<void> {
  const today = osloDate(Date.now());
  for (const dwelling of DEMO_DWELLINGS) await saveDwelling(deps.db, 'tynset', dwelling);
  const cases = demoCases(today);
  for (const [i, demo] of cases.entries()) {
    const outcome = await receiveApplication(deps, { actor: officer, idempotencyKey: demo.key, input: demo.application });
    const handle = deps.temporal.workflow.getHandle(tenancyWorkflowId(outcome.caseId));
    // Loaded before: its steps ran then, and a closed case takes no more.
    const steps = outcome.kind === 'started' ? demo.steps : [];
    for (const [j, step] of steps.entries()) {
      const idempotencyKey = `${demo.key}-step-${j + 1}`;
      const actor = step.as === 'followUpWorker' ? followUpWorker : officer;
      await handle.executeUpdate(caseActionUpdate, { args: [{ idempotencyKey, actor, payload: step.payload }], updateId: idempotencyKey });
    }
    // A case referred to the private market continues in help to rent privately (seed 004).
    for (const [j, payload] of (outcome.kind === 'started' ? (demo.privateSteps ?? []) : []).entries()) {
      const idempotencyKey = scopedKey('private-rental-action', `${demo.key}-private-${j + 1}`);
      await deps.temporal.workflow.getHandle(privateRentalWorkflowId(outcome.caseId, 1)).executeUpdate(privateRentalActionUpdate, { args: [{ idempotencyKey, actor: officer, payload }], updateId: idempotencyKey });
    }
    progress(`  demo ${i + 1}/${cases.length}: ${demo.application.applicant.name} → ${outcome.caseId}`);
  }
}

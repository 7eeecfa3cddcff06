import type { Client } from '@temporalio/client';
import type { ApplicationData } from '../domain/application';
import type { Actor } from '../domain/roles';
import type { CaseActionPayload } from '../domain/tenancy/actions';
import { tenancyWorkflowId } from '../domain/ids';
import { receiveApplication, type IntakeDeps } from '../api/tenancy-intake';
import { caseActionUpdate } from '../workflows/messages';

const officer: Actor = { id: 'kari.nordmann', roles: ['housing_officer'], municipality: 'tynset' };

interface DemoCase {
  key: string;
  application: ApplicationData;
  actions: CaseActionPayload[];
}

const interview = (date: string, rooms: number): CaseActionPayload => ({
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
  },
});

const base = { municipality: 'tynset', language: 'norsk', needsInterpreter: false, householdMembers: [] as ApplicationData['householdMembers'] };

/** A handful of cases in different phases, so a new user sees something real. Fixed keys: loading twice changes nothing. */
export const DEMO_CASES: DemoCase[] = [
  { key: 'demo-0001', application: { ...base, applicant: { name: 'Ingrid Bakken' }, currentHousing: 'Bor midlertidig hos en venn.', housingOfficerId: 'kari.nordmann' }, actions: [] },
  {
    key: 'demo-0002',
    application: { ...base, applicant: { name: 'Ahmed Rahimi', phone: '+47 912 34 567' }, language: 'dari', needsInterpreter: true, currentHousing: 'Kommunal hybel, for liten for familien.', householdMembers: [{ name: 'Sara Rahimi', relation: 'partner' }, { name: 'Omid Rahimi', relation: 'child', birthYear: 2019 }] },
    actions: [interview('2026-11-10', 3)],
  },
  { key: 'demo-0003', application: { ...base, applicant: { name: 'Tor Haugen' }, currentHousing: 'Uten fast bolig siden august.' }, actions: [interview('2026-11-12', 1), interview('2026-11-19', 1)] },
  { key: 'demo-0004', application: { ...base, applicant: { name: 'Lise Moen' }, currentHousing: 'Leier privat, oppsagt fra 1. januar.' }, actions: [{ type: 'withdrawApplication', reason: 'Fant bolig på det private markedet med startlån.' }] },
];

export async function loadDemoData(deps: IntakeDeps & { temporal: Client }, progress: (line: string) => void): Promise<void> {
  for (const [i, demo] of DEMO_CASES.entries()) {
    const outcome = await receiveApplication(deps, { actor: officer, idempotencyKey: demo.key, input: demo.application });
    const handle = deps.temporal.workflow.getHandle(tenancyWorkflowId(outcome.caseId));
    // Loaded before: its actions ran then, and a closed case takes no more.
    const actions = outcome.kind === 'started' ? demo.actions : [];
    for (const [j, payload] of actions.entries()) {
      const idempotencyKey = `${demo.key}-action-${j + 1}`;
      await handle.executeUpdate(caseActionUpdate, { args: [{ idempotencyKey, actor: officer, payload }], updateId: idempotencyKey });
    }
    progress(`  demo ${i + 1}/${DEMO_CASES.length}: ${demo.application.applicant.name} → ${outcome.caseId}`);
  }
}

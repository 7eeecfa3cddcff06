import { describe, expect, it } from 'vitest';
import { offeredForms, signableParties, type LiveCase } from '../../web/src/live';

const officer = ['housing_officer'];
const worker = ['follow_up_worker'];

/** The case page offers only the steps the live state allows now, for this person's role. */
describe('forms the case page offers', () => {
  it('application: an interview first, then also the decision; nothing for a follow-up worker', () => {
    expect(offeredForms({ phase: 'application', status: 'active', interviews: [] }, officer)).toEqual(['recordInterview']);
    expect(offeredForms({ phase: 'application', status: 'active', interviews: [{}] }, officer)).toEqual(['recordInterview', 'recordDecision']);
    expect(offeredForms({ phase: 'application', status: 'active', interviews: [{}] }, worker)).toEqual([]);
  });

  it('allocation: an offer, or the answer while one is pending', () => {
    const offer = { seq: 1, dwelling: { id: 'TYN-0107' }, offeredDate: '2027-05-15', warnings: [] };
    expect(offeredForms({ phase: 'allocation', status: 'active', offers: [] }, officer)).toEqual(['offerDwelling']);
    expect(offeredForms({ phase: 'allocation', status: 'active', offers: [offer] }, officer)).toEqual(['answerOffer']);
    expect(offeredForms({ phase: 'allocation', status: 'active', offers: [{ ...offer, answer: 'declined' }] }, officer)).toEqual(['offerDwelling']);
  });

  it('lease: the steps not yet done; move-in only when lease, rules, checklist and a signed agreement are in place', () => {
    const draft = { version: 1, status: 'draft' as const, followUpWorkerId: 'ola.hansen', signatures: { tenant: '2027-05-15' }, rows: [] };
    const lease: LiveCase = { phase: 'lease', status: 'active', leases: [{ startDate: '2027-05-15', endDate: '2030-05-14' }], houseRules: { language: 'norsk', reviewedDate: '2027-05-15' }, checklist: { items: [], signedDate: '2027-05-15' }, housingAllowance: { status: 'applied' }, agreements: [draft] };
    expect(offeredForms({ phase: 'lease', status: 'active' }, officer)).toEqual(['signLease', 'reviewHouseRules', 'checklist', 'recordHousingAllowance', 'createAgreement']);
    expect(offeredForms(lease, officer, 'kari.nordmann')).toEqual(['signAgreement']);
    expect(signableParties(lease, officer, 'kari.nordmann')).toEqual(['housing_officer']);
    expect(offeredForms(lease, worker, 'ola.hansen')).toEqual(['signAgreement']);
    expect(offeredForms(lease, worker, 'someone.else')).toEqual([]);
    expect(offeredForms({ ...lease, agreements: [{ ...draft, status: 'active' }] }, officer)).toEqual(['recordMoveIn']);
  });

  it('follow-up: visits only while follow-up is active; incidents; a closed case offers nothing', () => {
    const followUp: LiveCase = { phase: 'follow_up', status: 'active', followUp: { status: 'active', visits: [] } };
    expect(offeredForms(followUp, worker)).toEqual(['recordVisit', 'reportIncident']);
    expect(offeredForms({ ...followUp, followUp: { status: 'declined', visits: [] } }, worker)).toEqual(['reportIncident']);
    expect(offeredForms({ ...followUp, waitingFor: { tasks: [{ id: 'missed-1', kind: 'missed_visit', title: 'Besøk mangler', role: 'follow_up_worker', dueDate: '2027-05-15' }], timers: [] } }, worker)).toEqual([
      'recordVisit',
      'reportIncident',
      'completeTask',
    ]);
    expect(offeredForms({ ...followUp, status: 'closed' }, worker)).toEqual([]);
  });

  it('offers "done, with a note" for every task the domain lets its role tick off (domain/task-closers.ts), and not for tasks with their own action', () => {
    const followUp: LiveCase = { phase: 'follow_up', status: 'active', followUp: { status: 'active', visits: [] } };
    const withTask = (kind: string, role: string): LiveCase => ({ ...followUp, waitingFor: { tasks: [{ id: 't-1', kind, title: 'Oppgave', role, dueDate: '2027-05-15' }], timers: [] } });
    expect(offeredForms(withTask('rent_three_party_meeting', 'follow_up_worker'), worker)).toContain('completeTask');
    expect(offeredForms(withTask('send_letter', 'housing_officer'), officer)).toContain('completeTask');
    expect(offeredForms(withTask('send_letter', 'housing_officer'), worker)).not.toContain('completeTask');
    expect(offeredForms(withTask('rent_warning_letter', 'housing_officer'), officer)).not.toContain('completeTask');
  });

  it('ending: notice, then the move-out inspection, then the deposit settlement, for the housing officer', () => {
    const followUp: LiveCase = { phase: 'follow_up', status: 'active', followUp: { status: 'active', visits: [] } };
    const ending = { givenBy: 'tenant', noticeDate: '2027-05-15', moveOutDate: '2027-08-31' };
    expect(offeredForms(followUp, officer)).toEqual(['giveNotice', 'reportIncident']);
    expect(offeredForms({ ...followUp, ending }, officer)).toEqual(['recordMoveOutInspection', 'reportIncident']);
    expect(offeredForms({ ...followUp, ending: { ...ending, inspection: { date: '2027-08-31', damagesOre: 0 } } }, officer)).toEqual(['settleDeposit', 'reportIncident']);
    expect(offeredForms({ ...followUp, ending }, worker)).toEqual(['recordVisit', 'reportIncident']);
    expect(offeredForms(null, worker)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { offeredAppealForms, offeredArrangementForms, offeredForms, signableParties, type LiveCase } from '../../web/src/live';

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

  it('consent, legal basis and payment: in any phase of an active case, for the roles the rules name; a withdrawal only of what is in force', () => {
    const base: LiveCase = { phase: 'application', status: 'active' };
    expect(offeredArrangementForms(base, officer)).toEqual(['recordConsent', 'recordLegalBasis', 'recordPaymentArrangement']);
    // The legal basis is the housing office's to record; the follow-up worker records consent and payment.
    expect(offeredArrangementForms(base, worker)).toEqual(['recordConsent', 'recordPaymentArrangement']);
    expect(offeredArrangementForms(base, ['committee_member'])).toEqual([]);
    const held: LiveCase = {
      ...base,
      consent: { status: 'given', scope: ['committee'], date: '2027-05-15' },
      payment: { method: 'nav_direct', date: '2027-05-15', authorisation: { grantedTo: 'nav', signedDate: '2027-05-15' } },
    };
    expect(offeredArrangementForms(held, officer)).toEqual(['recordConsent', 'withdrawConsent', 'recordLegalBasis', 'recordPaymentArrangement', 'withdrawPaymentAuthorisation']);
    const withdrawn: LiveCase = { ...held, consent: { ...held.consent!, status: 'withdrawn', withdrawnDate: '2027-06-01' }, payment: { ...held.payment!, authorisation: { ...held.payment!.authorisation!, withdrawnDate: '2027-06-01' } } };
    expect(offeredArrangementForms(withdrawn, officer)).toEqual(['recordConsent', 'recordLegalBasis', 'recordPaymentArrangement']);
    expect(offeredArrangementForms({ ...held, status: 'closed' }, officer)).toEqual([]);
    expect(offeredArrangementForms({ ...held, phase: 'private_rental' }, officer)).toEqual([]);
    expect(offeredArrangementForms(null, officer)).toEqual([]);
  });

  it('appeals: registered on a decision that is not an approval, then the review, then the appeal body only when forwarded; for the housing office only', () => {
    const rejected = { id: 'application', subject: 'application', outcome: 'rejected', date: '2027-05-15', decision: 'Avslag', appealDeadline: '2027-06-10' };
    const approved = { ...rejected, id: 'other', outcome: 'approved' };
    const at = (d: typeof rejected & { appeal?: object }): LiveCase => ({ phase: 'application', status: 'active', individualDecisions: [d, approved] });
    const forms = (live: LiveCase, roles = officer) => offeredAppealForms(live, roles).map((o) => `${o.decision.id}:${o.form}`);
    expect(forms(at(rejected))).toEqual(['application:registerAppeal']);
    expect(forms(at(rejected), worker)).toEqual([]);
    const appeal = { receivedDate: '2027-05-20' };
    expect(forms(at({ ...rejected, appeal }))).toEqual(['application:decideAppeal']);
    expect(forms(at({ ...rejected, appeal: { ...appeal, review: { outcome: 'forwarded', date: '2027-05-25' } } }))).toEqual(['application:decideAppeal']);
    expect(forms(at({ ...rejected, appeal: { ...appeal, review: { outcome: 'reversed', date: '2027-05-25' } } }))).toEqual([]);
    expect(forms(at({ ...rejected, appeal: { ...appeal, review: { outcome: 'forwarded', date: '2027-05-25' }, final: { outcome: 'upheld', date: '2027-07-01' } } }))).toEqual([]);
    expect(forms({ ...at(rejected), status: 'closed' })).toEqual([]);
  });
});

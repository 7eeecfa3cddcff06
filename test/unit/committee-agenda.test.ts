import { describe, expect, it } from 'vitest';
import { osloInstant } from '../../domain/calendar';
import { buildAgenda, composeAgenda, type AgendaContext, type OpenDecision } from '../../domain/committee/agenda';
import { AGENDA_REASON_ORDER, agendaText } from '../../domain/committee/documents';
import { DEFAULT_RENT_LADDER } from '../../domain/rent/ladder';
import type { Actor } from '../../domain/roles';
import { applyAction, rejectReason, type CaseActionPayload } from '../../domain/tenancy/actions';
import { newTenancyState } from '../../domain/tenancy/state';
import { toView, type TenancyView } from '../../domain/tenancy/view';
import { allocated, DEMO_DWELLINGS, movedIn } from '../../scripts/demo-data';
import { application, interview } from '../helpers/fixtures';

const officer: Actor = { id: 'kari.nordmann', roles: ['housing_officer'], municipality: 'tynset' };
const worker: Actor = { id: 'ola.hansen', roles: ['follow_up_worker'], municipality: 'tynset' };
const DAY = '2026-11-02';
const now = osloInstant(DAY, '10:00');

/** The tenant's consent naming the committee: without it (or a legal basis) the committee never sees the case. */
const CONSENT: CaseActionPayload = { type: 'recordConsent', date: DAY, scope: ['housing_office', 'follow_up_service', 'nav', 'committee'] };

/** A case driven through the real case rules, as its workflow would; with the committee's consent unless told otherwise. */
function caseAfter(caseId: string, name: string, steps: Array<{ as?: 'officer' | 'followUpWorker'; payload: CaseActionPayload }>, consent = true): TenancyView {
  const state = newTenancyState({ caseId, application: application({ applicant: { name }, receivedDate: DAY }), now });
  [...(consent ? [{ payload: CONSENT }] : []), ...steps].forEach(({ as, payload }, i) => {
    const action = { idempotencyKey: `${caseId}-${i}`, actor: as === 'followUpWorker' ? worker : officer, payload };
    const reason = rejectReason(state, action, now);
    if (reason) throw new Error(`${payload.type}: ${reason}`);
    applyAction(state, action, now);
  });
  return toView(state);
}

const ctx = (over: Partial<AgendaContext> = {}): AgendaContext => ({
  meetingDate: '2026-11-19',
  previousMeetingDate: '2026-11-05',
  nextMeetingDate: '2026-12-03',
  openDecisions: [],
  ...over,
});

const ids = (cases: TenancyView[], c: AgendaContext = ctx()) => buildAgenda(cases, c).map((i) => i.id);

describe('buildAgenda: which live cases the committee looks at, and why', () => {
  it('puts applications waiting for a decision or a dwelling on the agenda, not those with an offer pending', () => {
    const waitingForDecision = caseAfter('TYN-2026-AAAAAA', 'Ingrid Bakken', [interview(DAY)].map((payload) => ({ payload })));
    const noInterview = caseAfter('TYN-2026-BBBBBB', 'Tor Haugen', []);
    const waitingForDwelling = caseAfter('TYN-2026-CCCCCC', 'Ahmed Rahimi', allocated(DAY, DEMO_DWELLINGS[1]!).slice(0, 2));
    const offerPending = caseAfter('TYN-2026-DDDDDD', 'Lise Moen', allocated(DAY, DEMO_DWELLINGS[1]!).slice(0, 3));
    const items = buildAgenda([waitingForDecision, noInterview, waitingForDwelling, offerPending], ctx());
    expect(items.map((i) => i.id)).toEqual(['application_waiting:TYN-2026-AAAAAA', 'application_waiting:TYN-2026-CCCCCC']);
    expect(items[0]).toMatchObject({
      caseId: 'TYN-2026-AAAAAA',
      title: 'Ingrid Bakken: venter på vedtak',
      why: `Kartleggingssamtale er gjennomført (sist ${DAY}), men det er ikke fattet vedtak.`,
      source: 'auto',
    });
    expect(items[1]).toMatchObject({ title: 'Ahmed Rahimi: venter på tildeling av bolig', why: `Søkeren fikk positivt vedtak ${DAY}, men har ikke noe boligtilbud som venter på svar.` });
  });

  it('shows an offer declined since the previous meeting once, and keeps the applicant waiting for a dwelling', () => {
    const declined = caseAfter('TYN-2026-EEEEEE', 'Jonas Berg', [
      ...allocated(DAY, DEMO_DWELLINGS[0]!).slice(0, 3),
      { payload: { type: 'answerOffer', accepted: false, date: '2026-11-10', reason: 'For langt fra skolen' } },
    ]);
    const items = buildAgenda([declined], ctx());
    expect(items.map((i) => i.id)).toEqual(['application_waiting:TYN-2026-EEEEEE', 'offer_declined:TYN-2026-EEEEEE']);
    expect(items[1]!.why).toBe('Søkeren takket nei til Parkvegen 3A 2026-11-10: «For langt fra skolen».');
    expect(items[0]!.why).toMatch(/1 tilbud er avslått\.$/);
    // At the meeting after, the decline is old news; the applicant still waits.
    expect(ids([declined], ctx({ meetingDate: '2026-12-03', previousMeetingDate: '2026-11-19' }))).toEqual(['application_waiting:TYN-2026-EEEEEE']);
    // `since` (the previous agenda's cut-off) reaches back past the previous meeting day.
    expect(ids([declined], ctx({ previousMeetingDate: '2026-11-12', since: '2026-11-10' }))).toContain('offer_declined:TYN-2026-EEEEEE');
  });

  it('lists tenants who declined follow-up since the previous meeting, and tasks whose deadline passed', () => {
    const declined = caseAfter('TYN-2026-FFFFFF', 'Maria Lunde', [
      ...allocated(DAY, DEMO_DWELLINGS[2]!),
      ...movedIn(DAY),
      { as: 'followUpWorker', payload: { type: 'declineFollowUp', date: '2026-11-12', note: 'Vil klare seg selv' } },
    ]);
    const late = caseAfter('TYN-2026-GGGGGG', 'Kari Vik', []);
    late.tasks = late.tasks.map((t) => ({ ...t, overdue: true }));
    const items = buildAgenda([late, declined], ctx());
    expect(items.map((i) => i.id)).toEqual(['follow_up_declined:TYN-2026-FFFFFF', 'deadline_missed:TYN-2026-GGGGGG']);
    expect(items[0]!.why).toBe('Leietaker takket nei til videre oppfølging 2026-11-12. Leieforholdet fortsetter uten hjemmebesøk.');
    expect(items[1]).toMatchObject({ title: 'Kari Vik: 1 frist er passert' });
    expect(items[1]!.why).toMatch(/^Fristen er passert for «Gjennomfør kartleggingssamtale» \(frist \d{4}-\d{2}-\d{2}, boligkonsulent\)\.$/);
    expect(ids([declined], ctx({ previousMeetingDate: '2026-11-13' }))).toEqual([]);
  });

  it('brings rent arrears to the committee at the ladder step that asks for its decision, and only until it decides', () => {
    const base = caseAfter('TYN-2026-HHHHHH', 'Per Dahl', [...allocated(DAY, DEMO_DWELLINGS[1]!), ...movedIn(DAY)]);
    const episode = { firstMissedDueDate: '2026-08-01', openedDate: '2026-08-07', steps: [], plans: [], warning: { sentDate: '2026-10-01', amountOre: 2_745_000, earliestEvictionRequest: '2026-10-18' } };
    const rent = { ladder: DEFAULT_RENT_LADDER, kid: '1', nextChargePeriod: '2026-12', pastEpisodes: [], balance: { asOf: DAY, balanceOre: 2_745_000, overdueOre: 2_745_000, arrearsAgeDays: 93, monthsInArrears: 3, oldestUnpaidDueDate: '2026-08-01', creditOre: 0, allowanceExcessOre: 0 } };
    const atCommittee: TenancyView = { ...base, rent: { ...rent, step: 'committee', episode: { ...episode, committee: { requestedDate: '2026-10-18' } } } };
    const atWarning: TenancyView = { ...base, caseId: 'TYN-2026-JJJJJJ', rent: { ...rent, step: 'warning', episode } };
    const decided: TenancyView = {
      ...base,
      caseId: 'TYN-2026-KKKKKK',
      rent: { ...rent, step: 'committee', episode: { ...episode, committee: { requestedDate: '2026-10-18', decision: { outcome: 'reject_eviction_request', date: '2026-11-05', byId: 'x' } } } },
    };
    const items = buildAgenda([atCommittee, atWarning, decided], ctx());
    expect(items.filter((i) => i.reason === 'rent_arrears').map((i) => i.id)).toEqual(['rent_arrears:TYN-2026-HHHHHH']);
    expect(items.find((i) => i.reason === 'rent_arrears')!.why).toMatch(/^Restansen er 27 450,00 kr og 93 dager gammel\. Varsel om fravikelse ble sendt 2026-10-01, og ventetiden var over 2026-10-18\. Utvalget må ta stilling til begjæring om fravikelse\.$/);
  });

  it('brings escalated incidents: repeated complaints, the committee task, a caution flag set since the previous meeting', () => {
    const base = caseAfter('TYN-2026-LLLLLL', 'Nils Aas', [...allocated(DAY, DEMO_DWELLINGS[1]!), ...movedIn(DAY)]);
    const complaints: TenancyView = {
      ...base,
      escalationLevel: 1,
      neighbourComplaints: ['2026-10-01', '2026-10-20', '2026-11-08'],
      tasks: [...base.tasks, { id: 'committee-complaints', kind: 'committee_item', title: 'Gjentatte naboklager: ta saken opp i boligutvalget', role: 'housing_office', dueDate: '2026-11-22', createdAt: now }],
    };
    const oldFlag: TenancyView = { ...base, caseId: 'TYN-2026-MMMMMM', cautionFlag: { since: '2026-10-01', incidentId: 'x-H1' } };
    const newFlag: TenancyView = { ...base, caseId: 'TYN-2026-NNNNNN', cautionFlag: { since: '2026-11-06', incidentId: 'x-H2' } };
    const items = buildAgenda([complaints, oldFlag, newFlag], ctx()).filter((i) => i.reason === 'incident_escalated');
    expect(items.map((i) => i.id)).toEqual(['incident_escalated:TYN-2026-LLLLLL', 'incident_escalated:TYN-2026-NNNNNN']);
    expect(items[0]!.why).toBe('Saken er løftet til utvalget etter 3 naboklager på kort tid. Oppgaven «Gjentatte naboklager: ta saken opp i boligutvalget» er åpen (frist 2026-11-22).');
    expect(items[1]!.why).toBe('Det er meldt trusler eller våpen (2026-11-06); alle som besøker leietaker er varslet.');
  });

  it('brings leases ending within three months of the next meeting, renewal assessments and evaluations', () => {
    const base = caseAfter('TYN-2026-PPPPPP', 'Eva Strand', [...allocated(DAY, DEMO_DWELLINGS[1]!), ...movedIn(DAY)]);
    const lease = base.leases!.at(-1)!;
    const endsSoon: TenancyView = { ...base, leases: [{ ...lease, endDate: '2027-02-28' }] };
    const endsLater: TenancyView = { ...base, caseId: 'TYN-2026-QQQQQQ', leases: [{ ...lease, endDate: '2027-03-04' }] };
    const assessing: TenancyView = {
      ...base,
      caseId: 'TYN-2026-RRRRRR',
      tasks: [
        ...base.tasks,
        { id: 'renewal-assessment', kind: 'renewal_assessment', title: 'Vurder fornyelse', role: 'housing_officer', dueDate: '2026-12-01', createdAt: now },
        { id: 'agreement-evaluation', kind: 'agreement_evaluation', title: 'Evaluer oppfølgingsavtalen', role: 'follow_up_worker', dueDate: '2026-12-01', createdAt: now },
      ],
    };
    const items = buildAgenda([endsSoon, endsLater, assessing], ctx());
    expect(items.map((i) => i.id)).toEqual(['renewal_due:TYN-2026-PPPPPP', 'renewal_due:TYN-2026-RRRRRR', 'evaluation_due:TYN-2026-RRRRRR']);
    expect(items[0]).toMatchObject({ title: 'Eva Strand: leiekontrakten utløper 2027-02-28', why: 'Leiekontrakten utløper 2027-02-28. Fornyelsen må vurderes før neste møte (2026-12-03).' });
    expect(items[1]!.why).toMatch(/Vurdering av fornyelse er startet \(frist 2026-12-01\)\.$/);
    expect(items[2]!.why).toBe('Oppfølgingsavtalen skal evalueres før ny leiekontrakt; fristen er 2026-12-01.');
  });

  it('follows up earlier decisions whose deadline passed before the meeting and that nobody reported done, one item per case', () => {
    const c = caseAfter('TYN-2026-SSSSSS', 'Ole Brun', []);
    const decision = (over: Partial<OpenDecision>): OpenDecision => ({ meetingId: 'm-2026-11-05', meetingDate: '2026-11-05', itemId: 'x', caseId: 'TYN-2026-SSSSSS', text: 'Kall inn til trepartsmøte', deadline: '2026-11-12', responsibleName: 'Nina NAV (NAV)', ...over });
    const items = buildAgenda([c], ctx({
      openDecisions: [
        decision({ itemId: 'a' }),
        decision({ itemId: 'b', text: 'Søk om bostøtte', deadline: '2026-11-18' }),
        decision({ itemId: 'c', deadline: '2026-11-19' }), // due on the meeting day: not late yet
        decision({ itemId: 'd', doneAt: now }),
        decision({ itemId: 'e', deadline: undefined }),
        decision({ itemId: 'f', caseId: undefined, itemTitle: 'Rutine for nøkler', text: 'Lag rutine', deadline: '2026-11-10' }),
      ],
    }));
    expect(items.map((i) => i.id)).toEqual(['decision_follow_up:TYN-2026-SSSSSS', 'decision_follow_up:m-2026-11-05~f']);
    expect(items[0]).toMatchObject({ caseId: 'TYN-2026-SSSSSS', title: 'Ole Brun: oppfølging av beslutninger fra 2026-11-05' });
    expect(items[0]!.why).toBe(
      'Utvalget besluttet 2026-11-05: «Kall inn til trepartsmøte». Fristen 2026-11-12 er passert uten at beslutningen er meldt utført. Ansvarlig: Nina NAV (NAV). ' +
        'Utvalget besluttet 2026-11-05: «Søk om bostøtte». Fristen 2026-11-18 er passert uten at beslutningen er meldt utført. Ansvarlig: Nina NAV (NAV).',
    );
    expect(items[1]).toMatchObject({ title: 'Rutine for nøkler: oppfølging av beslutning fra 2026-11-05' });
    expect(items[1]!.caseId).toBeUndefined();
  });

  it('keeps one item per case and reason, in the committee working order, ignores closed cases, and renders as agenda text', () => {
    const a = caseAfter('TYN-2026-TTTTTT', 'Ingrid Bakken', [{ payload: interview(DAY) }]);
    a.tasks = a.tasks.map((t) => ({ ...t, overdue: true }));
    const closed = { ...caseAfter('TYN-2026-UUUUUU', 'Lukket Sak', [{ payload: interview(DAY) }]), status: 'closed' as const };
    const items = buildAgenda([closed, a, a], ctx());
    expect(items.map((i) => i.id)).toEqual(['application_waiting:TYN-2026-TTTTTT', 'deadline_missed:TYN-2026-TTTTTT']);
    const ranks = items.map((i) => AGENDA_REASON_ORDER.indexOf(i.reason));
    expect([...ranks].sort((x, y) => x - y)).toEqual(ranks);
    const text = agendaText({ committeeName: 'Boligutvalget i Tynset', date: '2026-11-19', time: '09:00', location: 'Rådhuset', items, caseLink: (id) => `/api/tenancies/${id}` });
    expect(text).toContain('1. Ingrid Bakken: venter på vedtak\n   Sak: TYN-2026-TTTTTT\n   Hvorfor: Kartleggingssamtale er gjennomført');
  });

  it('composes the sent agenda: built items the secretary did not remove, then the secretary’s own', () => {
    const built = [
      { id: 'a:1', reason: 'application_waiting' as const, title: 'A', why: 'x', source: 'auto' as const },
      { id: 'b:2', reason: 'deadline_missed' as const, title: 'B', why: 'y', source: 'auto' as const },
    ];
    const own = [{ id: 'secretary:1', reason: 'secretary' as const, title: 'Nøkkelrutiner', why: 'Eget punkt', source: 'secretary' as const }];
    expect(composeAgenda(built, own, ['b:2']).map((i) => i.id)).toEqual(['a:1', 'secretary:1']);
  });
});

describe('Consent (seed 002): the committee sees a case only with consent or a recorded legal basis, and the agenda says which', () => {
  const waiting = [{ payload: interview(DAY) }];

  it('leaves out a case without consent, a case whose consent does not name the committee, and one whose consent is withdrawn', () => {
    const none = caseAfter('TYN-2026-NNNNNN', 'Uten Samtykke', waiting, false);
    const notCommittee = caseAfter('TYN-2026-PPPPPP', 'Bare Nav', [{ payload: { type: 'recordConsent', date: DAY, scope: ['housing_office', 'nav'] } }, ...waiting], false);
    const withdrawn = caseAfter('TYN-2026-QQQQQQ', 'Trakk Tilbake', [...waiting, { payload: { type: 'withdrawConsent', date: DAY } }]);
    const expired = caseAfter('TYN-2026-RRRRRR', 'Utløpt Samtykke', [{ payload: { type: 'recordConsent', date: DAY, scope: ['committee'], validUntil: '2026-11-10' } }, ...waiting], false);
    const given = caseAfter('TYN-2026-AAAAAA', 'Ingrid Bakken', waiting);
    const items = buildAgenda([none, notCommittee, withdrawn, expired, given], ctx());
    expect(items.map((i) => i.id)).toEqual(['application_waiting:TYN-2026-AAAAAA']);
    expect(items[0]!.basis).toBe(`Samtykke til samarbeid og informasjonsutveksling (${DAY}).`);
    const text = agendaText({ committeeName: 'Boligutvalget', date: '2026-11-19', time: '09:00', location: 'Rådhuset', items, caseLink: (id) => `/api/tenancies/${id}` });
    expect(text).toContain(`Grunnlag: Samtykke til samarbeid og informasjonsutveksling (${DAY}).`);
    for (const name of ['Uten Samtykke', 'Bare Nav', 'Trakk Tilbake', 'Utløpt Samtykke']) expect(text).not.toContain(name);
  });

  it('shows a case with a recorded legal basis, naming the basis', () => {
    const basis = 'Vedtak om helse- og omsorgstjenester, jf. helse- og omsorgstjenesteloven § 3-2';
    const c = caseAfter('TYN-2026-BBBBBB', 'Per Hjemmel', [{ payload: { type: 'recordLegalBasis', date: DAY, basis } }, ...waiting], false);
    expect(buildAgenda([c], ctx())[0]).toMatchObject({ id: 'application_waiting:TYN-2026-BBBBBB', basis: `Hjemmel: ${basis} (registrert ${DAY}).` });
  });

  it("follows up the committee's own decision on a case whose consent was withdrawn by case ID, without the name", () => {
    const withdrawn = caseAfter('TYN-2026-SSSSSS', 'Trakk Tilbake', [...waiting, { payload: { type: 'withdrawConsent', date: DAY } }]);
    const decision: OpenDecision = { meetingId: 'm-2026-11-05', meetingDate: '2026-11-05', itemId: 'application_waiting:TYN-2026-SSSSSS', caseId: 'TYN-2026-SSSSSS', text: 'Kartlegg på nytt.', deadline: '2026-11-12' };
    const [item] = buildAgenda([withdrawn], ctx({ openDecisions: [decision] }));
    expect(item).toMatchObject({ id: 'decision_follow_up:TYN-2026-SSSSSS', title: 'TYN-2026-SSSSSS: oppfølging av beslutning fra 2026-11-05', basis: expect.stringContaining('Mangler samtykke') });
    expect(JSON.stringify(item)).not.toContain('Trakk Tilbake');
  });
});

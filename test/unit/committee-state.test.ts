import { describe, expect, it } from 'vitest';
import { osloInstant } from '../../domain/calendar';
import {
  applyDecisionDone,
  applyExtraMeeting,
  applyMinutes,
  applyOccurrenceChange,
  applyAddAgendaItem,
  applyRemoveAgendaItem,
  rejectAddAgendaItem,
  rejectDecisionDone,
  rejectExtraMeeting,
  rejectMinutes,
  rejectOccurrenceChange,
  rejectRemoveAgendaItem,
} from '../../domain/committee/actions';
import type { AgendaItem, Member } from '../../domain/committee/documents';
import {
  agendaChangedSinceSent,
  agendaContext,
  agendaOf,
  compactForNewRun,
  currentMeeting,
  dueStep,
  meetingRow,
  newCommitteeState,
  nextStepAt,
  pendingSteps,
  recordAgendaBuilt,
  recordBegun,
  recordDelivery,
  recordInvitationSent,
  retryLater,
  trackedMeeting,
  type CommitteeSettings,
  type CommitteeState,
} from '../../domain/committee/state';
import type { Actor } from '../../domain/roles';

const settings: CommitteeSettings = {
  committeeId: 'tynset-boligutvalg',
  municipality: 'tynset',
  name: 'Boligutvalget i Tynset',
  // Thursdays at 09:00, every 14 days.
  cycle: { firstDate: '2026-12-03', time: '09:00', intervalDays: 14, durationMinutes: 90, location: 'Tynset rådhus, møterom Savalen' },
  reminderDaysBefore: 3,
  agendaCutoffDays: 2,
};
const secretary: Actor = { id: 'siri.servicetorget', roles: ['committee_member'], municipality: 'tynset' };
const stranger: Actor = { id: 'ola.hansen', roles: ['follow_up_worker'], municipality: 'tynset' };
const members: Member[] = [
  { id: 'tore', name: 'Tore Teknisk', email: 'tore@tynset.kommune.no', agency: 'Tekniske tjenester', role: 'chair' },
  { id: 'siri', name: 'Siri Servicetorget', email: 'siri@tynset.kommune.no', agency: 'Servicetorget', role: 'secretary' },
  { id: 'nina', name: 'Nina NAV', email: 'nina@nav.no', agency: 'NAV', role: 'member' },
];
const at = (date: string, time = '00:00') => osloInstant(date, time);
const start = at('2026-11-20', '10:00');
const item = (id: string, caseId?: string): AgendaItem => ({ id, reason: 'application_waiting', ...(caseId ? { caseId } : {}), title: `Sak ${id}`, why: 'Venter', source: 'auto' });
let key = 0;
const act = <P>(payload: P, actor: Actor = secretary) => ({ idempotencyKey: `k-${++key}`, actor, payload });

/** The first meeting with its agenda built and invitations sent, as the workflow's steps leave it. */
function invited(state: CommitteeState, meetingId = 'm-2026-12-03', items = [item('application_waiting:TYN-2026-AAAAAA', 'TYN-2026-AAAAAA')]) {
  const m = currentMeeting(state, meetingId)!;
  recordAgendaBuilt(state, meetingId, items, at('2026-11-30', '08:00'), false);
  recordInvitationSent(state, meetingId, { method: 'REQUEST', sequence: 0, date: m.date, time: m.time, members, itemIds: items.map((i) => i.id) }, { at: 0, kind: 'invite', meetingId }, at('2026-11-30', '08:00'));
}

describe('committee state: timers derived from the cycle and what was done', () => {
  it('schedules the invitation, the cut-off, the day-of reminder and the meeting itself, at Oslo wall-clock times', () => {
    const state = newCommitteeState(settings, start);
    const steps = pendingSteps(state, start).filter((s) => s.meetingId === 'm-2026-12-03');
    expect(steps.map((s) => [s.kind, new Date(s.at).toISOString()])).toEqual([
      ['invite', new Date(at('2026-11-30', '08:00')).toISOString()],
      ['finalAgenda', new Date(at('2026-12-01', '08:00')).toISOString()],
      ['dayOf', new Date(at('2026-12-03', '07:00')).toISOString()],
      ['begin', new Date(at('2026-12-03', '09:00')).toISOString()],
    ]);
    expect(dueStep(state, start)).toBeUndefined();
    expect(nextStepAt(state, start)).toBe(at('2026-11-30', '08:00'));
    expect(dueStep(state, at('2026-11-30', '08:00'))).toMatchObject({ kind: 'invite', meetingId: 'm-2026-12-03' });
  });

  it('moves on to the next meeting once one has begun, and gives the agenda its dates', () => {
    const state = newCommitteeState(settings, start);
    invited(state);
    recordBegun(state, 'm-2026-12-03');
    expect(state.begunThrough).toBe(at('2026-12-03', '09:00'));
    expect(pendingSteps(state, at('2026-12-03', '10:00'))[0]).toMatchObject({ kind: 'invite', meetingId: 'm-2026-12-17', at: at('2026-12-14', '08:00') });
    const ctx = agendaContext(state, currentMeeting(state, 'm-2026-12-17')!);
    expect(ctx).toMatchObject({ meetingDate: '2026-12-17', previousMeetingDate: '2026-12-03', since: '2026-11-30', nextMeetingDate: '2026-12-31' });
  });

  it('a meeting moved after the invitations went out needs an updated invitation at once; one cancelled needs a cancellation', () => {
    const state = newCommitteeState(settings, start);
    invited(state);
    const now = at('2026-12-01', '12:00');
    const move = act({ regularDate: '2026-12-03', action: 'move' as const, date: '2026-12-04', reason: 'Kollisjon med kommunestyret' });
    expect(rejectOccurrenceChange(state, move, now)).toBeUndefined();
    expect(applyOccurrenceChange(state, move).message).toBe('Møtet torsdag 3. desember 2026 er flyttet til fredag 4. desember 2026 kl. 09:00. Medlemmene får oppdatert kalenderinvitasjon.');
    expect(dueStep(state, now)).toMatchObject({ kind: 'update', meetingId: 'm-2026-12-03' });
    expect(trackedMeeting(state, 'm-2026-12-03')).toMatchObject({ date: '2026-12-04', note: 'Kollisjon med kommunestyret' });
    expect(pendingSteps(state, now).find((s) => s.kind === 'dayOf')!.at).toBe(at('2026-12-04', '07:00'));
    recordInvitationSent(state, 'm-2026-12-03', { method: 'REQUEST', sequence: 1, date: '2026-12-04', time: '09:00' }, { at: 0, kind: 'update', meetingId: 'm-2026-12-03' }, now);
    expect(pendingSteps(state, now).some((s) => s.kind === 'update')).toBe(false);

    applyOccurrenceChange(state, act({ regularDate: '2026-12-03', action: 'cancel' as const, reason: 'Få saker' }));
    const steps = pendingSteps(state, now).filter((s) => s.meetingId === 'm-2026-12-03');
    expect(steps.map((s) => s.kind)).toEqual(['update']);
    expect(meetingRow(trackedMeeting(state, 'm-2026-12-03')!).status).toBe('cancelled');
  });

  it('refuses changes that cannot be made, in plain Norwegian, and changes nothing', () => {
    const state = newCommitteeState(settings, start);
    const now = at('2026-12-10', '12:00');
    const refuse = (payload: Parameters<typeof rejectOccurrenceChange>[1]['payload'], actor: Actor = secretary) => rejectOccurrenceChange(state, act(payload, actor), now);
    expect(refuse({ regularDate: '2026-12-17', action: 'move', date: '2026-12-18', reason: 'x' }, stranger)).toMatch(/Bare boligutvalgets medlemmer og boligkontoret/);
    expect(refuse({ regularDate: '2026-12-16', action: 'cancel', reason: 'x' })).toBe('onsdag 16. desember 2026 er ikke en av boligutvalgets faste møtedatoer.');
    expect(refuse({ regularDate: '2026-12-03', action: 'cancel', reason: 'x' })).toMatch(/har allerede begynt eller er holdt/);
    expect(refuse({ regularDate: '2026-12-31', action: 'move', date: '2026-12-25', reason: 'x' })).toBe('fredag 25. desember 2026 er første juledag. Velg en annen dag.');
    expect(refuse({ regularDate: '2026-12-31', action: 'move', date: '2027-01-02', reason: 'x' })).toBe('lørdag 2. januar 2027 er i en helg. Boligutvalget møtes på hverdager.');
    expect(refuse({ regularDate: '2026-12-31', action: 'move', date: '2026-12-17', reason: 'x' })).toBe('Boligutvalget har allerede et møte torsdag 17. desember 2026 kl. 09:00. Velg en annen dag.');
    expect(refuse({ regularDate: '2026-12-31', action: 'move', date: '2026-12-09', reason: 'x' })).toBe('Et møte kan ikke flyttes til et tidspunkt som har passert.');
    expect(rejectExtraMeeting(state, act({ date: '2026-12-17', time: '13:00', reason: 'x' }), now)).toBe('Boligutvalget har allerede et møte torsdag 17. desember 2026 kl. 09:00.');
    expect(state.changes).toEqual([]);
  });

  it('takes extra meetings and the secretary’s own agenda items; removing a built item keeps it off at the next build', () => {
    const state = newCommitteeState(settings, start);
    const extra = act({ date: '2026-12-08', time: '13:00', reason: 'Hastesak' });
    expect(rejectExtraMeeting(state, extra, start)).toBeUndefined();
    expect(applyExtraMeeting(state, extra)).toMatchObject({ meetingId: 'x-2026-12-08-1300' });
    expect(pendingSteps(state, start).filter((s) => s.meetingId === 'x-2026-12-08-1300').map((s) => s.kind)).toEqual(['invite', 'finalAgenda', 'dayOf', 'begin']);

    invited(state, 'm-2026-12-03', [item('a:TYN-2026-AAAAAA', 'TYN-2026-AAAAAA'), item('b:TYN-2026-BBBBBB', 'TYN-2026-BBBBBB')]);
    const own = act({ meetingId: 'm-2026-12-03', title: 'Rutine for nøkler', why: 'Servicetorget ber om en rutine.' });
    expect(rejectAddAgendaItem(state, own)).toBeUndefined();
    expect(applyAddAgendaItem(state, own).itemId).toBe('secretary:1');
    const remove = act({ meetingId: 'm-2026-12-03', itemId: 'b:TYN-2026-BBBBBB' });
    expect(rejectRemoveAgendaItem(state, remove)).toBeUndefined();
    applyRemoveAgendaItem(state, remove);
    recordAgendaBuilt(state, 'm-2026-12-03', [item('a:TYN-2026-AAAAAA', 'TYN-2026-AAAAAA'), item('b:TYN-2026-BBBBBB', 'TYN-2026-BBBBBB')], at('2026-12-01', '08:00'), true);
    expect(agendaOf(trackedMeeting(state, 'm-2026-12-03')!).map((i) => i.id)).toEqual(['a:TYN-2026-AAAAAA', 'secretary:1']);
    expect(agendaChangedSinceSent(trackedMeeting(state, 'm-2026-12-03')!)).toBe(true);
    expect(rejectRemoveAgendaItem(state, act({ meetingId: 'm-2026-12-03', itemId: 'nope' }))).toBe('Saken står ikke på sakslisten til dette møtet.');
  });

  it('records minutes once the meeting has begun; case decisions wait for delivery until the case answers', () => {
    const state = newCommitteeState(settings, start);
    const caseId = 'TYN-2026-AAAAAA';
    invited(state, 'm-2026-12-03', [item(`application_waiting:${caseId}`, caseId), { id: 'secretary:1', reason: 'secretary', title: 'Rutiner', why: 'x', source: 'secretary' }]);
    const minutes = act({
      meetingId: 'm-2026-12-03',
      attendance: [{ memberId: 'tore', present: true }, { memberId: 'siri', present: true }, { memberId: 'nina', present: false }],
      decisions: [
        { itemId: `application_waiting:${caseId}`, text: 'Søkeren tildeles Storgata 12B.', responsibleMemberId: 'siri', effect: { kind: 'allocate_dwelling' as const, dwellingId: 'TYN-0212' } },
        { itemId: 'secretary:1', text: 'Servicetorget lager rutine.', deadline: '2026-12-10' },
      ],
    });
    expect(rejectMinutes(state, minutes, at('2026-12-03', '08:59'))).toBe('Referat kan føres fra møtet begynner (torsdag 3. desember 2026 kl. 09:00).');
    recordBegun(state, 'm-2026-12-03');
    const later = at('2026-12-03', '11:00');
    expect(rejectMinutes(state, { ...minutes, payload: { ...minutes.payload, decisions: [{ itemId: 'x:1', text: 'abc' }] } }, later)).toBe('Sak x:1 står ikke på sakslisten til møtet.');
    expect(rejectMinutes(state, { ...minutes, payload: { ...minutes.payload, attendance: [{ memberId: 'eva', present: true }] } }, later)).toBe('eva var ikke medlem av boligutvalget da møtet ble kalt inn.');
    expect(rejectMinutes(state, { ...minutes, payload: { ...minutes.payload, decisions: [{ itemId: 'secretary:1', text: 'abc', effect: { kind: 'note' as const } }] } }, later)).toMatch(/gjelder ingen enkeltsak/);
    expect(rejectMinutes(state, minutes, later)).toBeUndefined();
    expect(applyMinutes(state, minutes, later).message).toBe('Referatet er ført med 2 beslutninger. Én sendes til sakene de gjelder.');
    expect(rejectMinutes(state, { ...minutes, idempotencyKey: 'other' }, later)).toBe('Referatet fra dette møtet er allerede ført.');
    expect(meetingRow(trackedMeeting(state, 'm-2026-12-03')!)).toMatchObject({ status: 'held', minutes: { attendance: minutes.payload.attendance, recordedBy: 'siri.servicetorget' } });
    expect(state.decisions[0]).toMatchObject({ caseId, responsibleName: 'Siri Servicetorget (Servicetorget)', effect: { kind: 'allocate_dwelling', dwellingId: 'TYN-0212' } });
    expect(state.decisions[1]!.effect).toBeUndefined();

    expect(dueStep(state, later)).toMatchObject({ kind: 'deliver', itemId: `application_waiting:${caseId}` });
    retryLater(state, dueStep(state, later)!, later);
    expect(dueStep(state, later)).toBeUndefined();
    recordDelivery(state, 'm-2026-12-03', `application_waiting:${caseId}`, { status: 'rejected', error: 'Søkeren har allerede et tilbud som venter på svar.' }, later);
    expect(pendingSteps(state, later).some((s) => s.kind === 'deliver')).toBe(false);
    expect(state.decisions[0]!.deliveryError).toBe('Søkeren har allerede et tilbud som venter på svar.');

    const done = act({ meetingId: 'm-2026-12-03', itemId: 'secretary:1' });
    expect(rejectDecisionDone(state, done)).toBeUndefined();
    applyDecisionDone(state, done, later);
    expect(rejectDecisionDone(state, act({ meetingId: 'm-2026-12-03', itemId: 'secretary:1' }))).toBe('Beslutningen er allerede meldt utført.');
  });

  it('hands a new run only what is still in play', () => {
    const state = newCommitteeState(settings, start);
    let d = '2026-12-03';
    for (let i = 0; i < 10; i++) {
      const id = `m-${d}`;
      invited(state, id, [item(`a:${id}`)]);
      recordBegun(state, id);
      d = currentMeeting(state, `m-${d}`)!.date;
      d = new Date(Date.parse(`${d}T12:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
    }
    state.decisions.push({ meetingId: 'm-2026-12-03', meetingDate: '2026-12-03', itemId: 'a:m-2026-12-03', itemTitle: 'A', text: 'Åpen beslutning' });
    state.unsavedMeetings = {};
    state.unsavedDecisions = {};
    const carried = compactForNewRun(state);
    expect(carried.meetings.map((t) => t.id)).toEqual(['m-2026-12-03', ...state.meetings.slice(-6).map((t) => t.id)]);
    expect(carried.decisions).toHaveLength(1);
    expect(pendingSteps(carried, carried.begunThrough)[0]).toMatchObject({ kind: 'invite', meetingId: `m-${d}` });
  });
});

describe('A regular committee meeting that falls on a public holiday is not held on that day', () => {
  // 2027-03-25 is Maundy Thursday (skjærtorsdag), a regular date of the Thursday cycle.
  const holidayMeeting = 'm-2027-03-25';
  const early = at('2027-03-07', '10:00');

  it('asks the secretary two weeks before the invitation would go out, and invites nobody to the holiday', () => {
    const state: CommitteeState = { ...newCommitteeState(settings, early), holidayRule: true };
    const steps = pendingSteps(state, early).filter((s) => s.meetingId === holidayMeeting);
    expect(steps.map((s) => [s.kind, s.at])).toEqual([
      ['holidayNotice', at('2027-03-08', '08:00')],
      ['begin', at('2027-03-25', '09:00')],
    ]);
    // The meeting before it, on a working day, is invited as usual.
    expect(pendingSteps(state, early).filter((s) => s.meetingId === 'm-2027-03-11').map((s) => s.kind)).toEqual(['invite', 'finalAgenda', 'dayOf', 'begin']);
  });

  it('once moved to a working day, the meeting is invited to its new day as usual', () => {
    const state: CommitteeState = { ...newCommitteeState(settings, early), holidayRule: true };
    applyOccurrenceChange(state, act({ regularDate: '2027-03-25', action: 'move', date: '2027-03-23', reason: 'Skjærtorsdag' }));
    const steps = pendingSteps(state, early).filter((s) => s.meetingId === holidayMeeting);
    expect(steps.map((s) => [s.kind, s.at])).toEqual([
      ['invite', at('2027-03-20', '08:00')],
      ['finalAgenda', at('2027-03-21', '08:00')],
      ['dayOf', at('2027-03-23', '07:00')],
      ['begin', at('2027-03-23', '09:00')],
    ]);
  });

  it('runs started before the rule (no holidayRule in their state) keep inviting to the holiday, so they replay', () => {
    const state = newCommitteeState(settings, at('2027-03-21', '10:00'));
    expect(pendingSteps(state, at('2027-03-21', '10:00')).filter((s) => s.meetingId === holidayMeeting).map((s) => s.kind)).toEqual(['invite', 'finalAgenda', 'dayOf', 'begin']);
  });
});

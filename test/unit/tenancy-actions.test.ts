import { describe, expect, it } from 'vitest';
import { osloInstant } from '../../domain/calendar';
import { applyAction, rejectReason, type CaseAction } from '../../domain/tenancy/actions';
import { APPLIED_KEYS_KEPT, markOverdueTasks, newTenancyState, rememberResult } from '../../domain/tenancy/state';
import { nextWakeAt } from '../../domain/tenancy/timers';
import { application, interview, officer } from '../helpers/fixtures';

const t0 = osloInstant('2026-11-23', '09:00');
const fresh = () => newTenancyState({ caseId: 'TYN-2026-AAAAAA', application: application({ receivedDate: '2026-11-23' }), now: t0 });
const act = (payload: CaseAction['payload'], key = 'k-00000001', actor = officer): CaseAction => ({ idempotencyKey: key, actor, payload });

describe('tenancy state machine', () => {
  it('opens with a mapping interview due two weeks after receipt, moved past holidays', () => {
    const state = fresh();
    expect(state.tasks).toEqual([expect.objectContaining({ id: 'mapping-interview', dueDate: '2026-12-07', role: 'housing_officer' })]);
    // Received on 10 December: two weeks lands on Christmas Eve (a business day) ...
    expect(newTenancyState({ caseId: 'X', application: application({ receivedDate: '2026-12-10' }), now: t0 }).tasks[0]!.dueDate).toBe('2026-12-24');
    // ... and on 11 December it lands on Christmas Day, so it moves to 28 December.
    expect(newTenancyState({ caseId: 'X', application: application({ receivedDate: '2026-12-11' }), now: t0 }).tasks[0]!.dueDate).toBe('2026-12-28');
  });

  it('records an interview, replaces the interview task with a decision task, and keeps the result by key', () => {
    const state = fresh();
    const result = applyAction(state, act(interview('2026-11-24')), t0);
    expect(result).toMatchObject({ accepted: true, type: 'recordInterview' });
    expect(state.tasks.map((t) => t.id)).toEqual(['decision']);
    expect(state.applied['k-00000001']).toEqual(result);
    expect(state.unsavedEvents.map((e) => e.kind)).toEqual(['application_received', 'interview_recorded']);
  });

  it('rejects actions by the wrong role and on a closed case', () => {
    const state = fresh();
    expect(rejectReason(state, act(interview('2026-11-24'), 'k', { ...officer, roles: ['follow_up_worker'] }), t0)).toMatch(/rolle/);
    applyAction(state, act({ type: 'withdrawApplication', reason: 'Flytter' }, 'k2'), t0);
    expect(rejectReason(state, act(interview('2026-11-24'), 'k3'), t0)).toBe('Saken er avsluttet og kan ikke endres.');
  });

  it('wakes at the start of the day after a deadline and flags it once', () => {
    const state = fresh();
    expect(nextWakeAt(state)).toBe(osloInstant('2026-12-08'));
    markOverdueTasks(state, osloInstant('2026-12-07', '23:59'));
    expect(state.tasks[0]!.overdue).toBeUndefined();
    markOverdueTasks(state, osloInstant('2026-12-08'));
    markOverdueTasks(state, osloInstant('2026-12-09'));
    expect(state.tasks[0]!.overdue).toBe(true);
    expect(state.unsavedEvents.filter((e) => e.kind === 'deadline_missed')).toHaveLength(1);
    expect(nextWakeAt(state)).toBeUndefined();
  });

  it('keeps a bounded memory of idempotency keys', () => {
    const state = fresh();
    for (let i = 0; i < APPLIED_KEYS_KEPT + 10; i++) rememberResult(state, `key-${i}`, i);
    expect(Object.keys(state.applied)).toHaveLength(APPLIED_KEYS_KEPT);
    expect(state.applied['key-0']).toBeUndefined();
    expect(state.applied[`key-${APPLIED_KEYS_KEPT + 9}`]).toBe(APPLIED_KEYS_KEPT + 9);
  });
});

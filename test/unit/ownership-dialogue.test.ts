import { describe, expect, it } from 'vitest';
import { osloInstant } from '../../domain/calendar';
import { applyAction, rejectReason, type CaseAction } from '../../domain/tenancy/actions';
import { newTenancyState, openTask, type TenancyState } from '../../domain/tenancy/state';
import { application, officer, testCaseId } from '../helpers/fixtures';

const now = osloInstant('2028-06-05', '10:00');

function dialogueDue(): TenancyState {
  const state = newTenancyState({ caseId: testCaseId(), application: application(), now: osloInstant('2028-05-01') });
  state.phase = 'follow_up';
  state.moveInDate = '2028-05-01';
  state.tasks = [];
  openTask(state, now, { id: 'ownership-dialogue', kind: 'ownership_dialogue', title: 'Årlig samtale om overgang til eid bolig (startlån)', role: 'housing_officer', assigneeId: 'kari.nordmann', dueDate: '2028-07-05' });
  return state;
}
const act = (payload: CaseAction['payload'], key: string, actor = officer): CaseAction => ({ idempotencyKey: key, actor, payload });

/** Seed 003: the yearly dialogue about moving on to ownership; «apply for a start-up loan» starts that work. */
describe('ownership dialogue outcome «apply for start-up loan»', () => {
  it('opens the start-up loan assessment task for the housing officer, which is done with a note', () => {
    const state = dialogueDue();
    const result = applyAction(state, act({ type: 'recordOwnershipDialogue', date: '2028-06-05', outcome: 'apply_start_up_loan' }, 'k1'), now);
    expect(result.message).toContain('vurdere startlån');
    expect(state.tasks).toEqual([expect.objectContaining({ id: 'start-up-loan-assessment', role: 'housing_officer', assigneeId: 'kari.nordmann', dueDate: '2028-07-03' })]);
    const done = act({ type: 'completeTask', taskId: 'start-up-loan-assessment', note: 'Søknad om startlån sendt.' }, 'k2');
    expect(rejectReason(state, done, now)).toBeUndefined();
    applyAction(state, done, now);
    expect(state.tasks).toEqual([]);
  });

  it('opens nothing when the outcome is «not now»', () => {
    const state = dialogueDue();
    applyAction(state, act({ type: 'recordOwnershipDialogue', date: '2028-06-05', outcome: 'not_now' }, 'k1'), now);
    expect(state.tasks).toEqual([]);
  });

  it('opens nothing in a run recorded before the correction (patch ownership-start-up-loan-task off)', () => {
    const state = dialogueDue();
    state.features = { ...state.features, 'ownership-start-up-loan-task': false };
    applyAction(state, act({ type: 'recordOwnershipDialogue', date: '2028-06-05', outcome: 'apply_start_up_loan' }, 'k1'), now);
    expect(state.tasks).toEqual([]);
  });
});

import type { IsoDate } from '../calendar';
import { nextDeadline, PHASE_LABELS, type Task, type TenancyState } from './state';
import { pendingTimers } from './timers';

/** What the query returns and the read model stores: the state without bookkeeping, plus what the case waits for. */
export type TenancyView = Omit<TenancyState, 'unsavedEvents' | 'unsavedRecords' | 'applied' | 'appliedOrder' | 'nextEventSeq'> & {
  phaseLabel: string;
  nextDeadline?: IsoDate;
  waitingFor: {
    /** People: each open task with its role, assignee and due date. */
    tasks: Task[];
    /** Time: the next instants at which the case moves by itself. */
    timers: Array<{ at: string; reason: string }>;
  };
};

export function toView(state: TenancyState): TenancyView {
  const { unsavedEvents: _u, unsavedRecords: _r, applied: _a, appliedOrder: _o, nextEventSeq: _n, ...rest } = state;
  return {
    ...rest,
    phaseLabel: PHASE_LABELS[state.phase],
    nextDeadline: nextDeadline(state),
    waitingFor: {
      tasks: [...state.tasks].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0)),
      timers: pendingTimers(state).slice(0, 5).map((t) => ({ at: new Date(t.at).toISOString(), reason: t.reason })),
    },
  };
}

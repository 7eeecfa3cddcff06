import type { IsoDate } from '../calendar';
import { currentLease, nextDeadline, PHASE_LABELS, type Task, type TenancyState } from './state';
import { openEndedFrom, pendingTimers } from './timers';

/** What the query returns and the read model stores: the state without bookkeeping, plus what the case waits for. */
export type TenancyView = Omit<TenancyState, 'unsavedEvents' | 'unsavedRecords' | 'applied' | 'appliedOrder' | 'nextEventSeq'> & {
  phaseLabel: string;
  nextDeadline?: IsoDate;
  /**
   * The current lease's term as the law sees it: its last day, the day it turns open-ended if nobody
   * ends or renews it (three months later), and whether it has (domain-facts, husleieloven).
   */
  leaseTerm?: { endDate: IsoDate; openEndedFrom: IsoDate; openEnded: boolean };
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
    ...leaseTerm(state),
    waitingFor: {
      tasks: [...state.tasks].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0)),
      timers: pendingTimers(state).slice(0, 5).map((t) => ({ at: new Date(t.at).toISOString(), reason: t.reason })),
    },
  };
}

function leaseTerm(state: TenancyState): Pick<TenancyView, 'leaseTerm'> {
  const lease = currentLease(state);
  if (!lease) return {};
  return { leaseTerm: { endDate: lease.endDate, openEndedFrom: openEndedFrom(lease.endDate), openEnded: !!state.renewal?.openEndedSince } };
}

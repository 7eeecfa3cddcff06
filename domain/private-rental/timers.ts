import { addDays, compareDates, osloDate, osloInstant, type IsoDate } from '../calendar';
import { openReviseTask } from './phase-search';
import { addEvent, markOverdueTasks, nextDeadline, PRIVATE_RENTAL_PHASE_LABELS, type PrivateRentalState } from './state';

/**
 * What happens because time passes, derived from state alone (as for the tenancy): the workflow
 * sleeps until `nextPrivateRentalWake` and calls `advancePrivateRentalTime`, so timers carry over
 * continue-as-new with the state.
 */
const dayAfter = (d: IsoDate) => osloInstant(addDays(d, 1));

export function pendingPrivateRentalTimers(s: PrivateRentalState): Array<{ at: number; reason: string }> {
  if (s.status !== 'active') return [];
  const timers = s.tasks.filter((t) => !t.overdue).map((t) => ({ at: dayAfter(t.dueDate), reason: `Frist for «${t.title}» (${t.dueDate})` }));
  if (s.phase === 'finding' && s.plan && !s.plan.deadlineMissed) timers.push({ at: dayAfter(s.plan.deadline), reason: `Fristen i boligplanen (${s.plan.deadline})` });
  if (s.claimDeadline && !s.guaranteeClaim && !s.guaranteeLapsed) timers.push({ at: dayAfter(s.claimDeadline), reason: `Fristen for å kreve garantien (${s.claimDeadline})` });
  return timers.sort((a, b) => a.at - b.at);
}

export function nextPrivateRentalWake(s: PrivateRentalState): number | undefined {
  return pendingPrivateRentalTimers(s)[0]?.at;
}

export function advancePrivateRentalTime(s: PrivateRentalState, now: number): void {
  if (s.status !== 'active') return;
  const today = osloDate(now);
  for (const task of markOverdueTasks(s, now)) {
    // Kontakt innen tre måneder: the housing office hears of a first contact that did not happen.
    if (task.id === 'pr-first-contact') {
      s.unsentNotices.push({
        key: `${s.caseId}#pr-first-contact#${s.moveInDate}`,
        to: 'housing_office',
        subject: `Ingen kontakt etter innflytting (sak ${s.caseId})`,
        body: `Leietaker i sak ${s.caseId} flyttet inn ${s.moveInDate} i privat bolig og er ikke kontaktet innen tre måneder (${task.dueDate}).`,
      });
    }
  }
  if (s.phase === 'finding' && s.plan && !s.plan.deadlineMissed && compareDates(s.plan.deadline, today) < 0) {
    s.plan.deadlineMissed = true;
    addEvent(s, now, { kind: 'pr_plan_deadline_missed', summary: `Fristen i boligplanen (${s.plan.deadline}) er passert uten at en bolig er valgt. Planen må revideres.`, data: { deadline: s.plan.deadline } });
    openReviseTask(s, now, today);
  }
  if (s.claimDeadline && !s.guaranteeClaim && !s.guaranteeLapsed && compareDates(s.claimDeadline, today) < 0) {
    s.guaranteeLapsed = true;
    addEvent(s, now, { kind: 'pr_guarantee_lapsed', summary: `Utleier har ikke krevd garantien innen fristen ${s.claimDeadline}. Garantien er ikke lenger gyldig.` });
  }
}

/** What the query returns and the read model stores: the state without bookkeeping, plus what the case waits for. */
export type PrivateRentalView = Omit<PrivateRentalState, 'unsavedEvents' | 'unsavedRecords' | 'applied' | 'appliedOrder' | 'nextEventSeq' | 'unsentNotices'> & {
  phaseLabel: string;
  nextDeadline?: IsoDate;
  waitingFor: { tasks: PrivateRentalState['tasks']; timers: Array<{ at: string; reason: string }> };
};

export function toPrivateRentalView(s: PrivateRentalState): PrivateRentalView {
  const { unsavedEvents: _u, unsavedRecords: _r, applied: _a, appliedOrder: _o, nextEventSeq: _n, unsentNotices: _s, ...rest } = s;
  return {
    ...rest,
    phaseLabel: PRIVATE_RENTAL_PHASE_LABELS[s.phase],
    nextDeadline: nextDeadline(s),
    waitingFor: {
      tasks: [...s.tasks].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0)),
      timers: pendingPrivateRentalTimers(s).slice(0, 5).map((t) => ({ at: new Date(t.at).toISOString(), reason: t.reason })),
    },
  };
}

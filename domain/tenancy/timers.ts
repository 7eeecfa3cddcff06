import { addBusinessDays, addDays, addMonths, compareDates, daysBetween, deadline, isBusinessDay, osloDate, osloInstant, previousBusinessDay, type IsoDate } from '../calendar';
import { closeAfterAppealDeadline, rejectionCloses } from './decisions';
import { rentWakeDates } from './rent';
import { activeAgreement, addEvent, currentLease, hasFeature, markOverdueTasks, openTask, policyOf, type TenancyState, type VisitWindow } from './state';

/**
 * Everything that happens because time passes, derived from state alone: the workflow sleeps until
 * `nextWakeAt` and then calls `advanceTime`. Because nothing lives in a pending timer object, the
 * timers carry over continue-as-new with the state.
 */
const startOfDay = (d: IsoDate) => osloInstant(d);

/** The next visit window; `every` weeks or months long (absent, and so unchanged, in agreements before it existed). */
function windowAfter(start: IsoDate, per: 'week' | 'month', required: number, every?: number): VisitWindow {
  const n = every ?? 1;
  return { start, end: per === 'week' ? addDays(start, 7 * n) : addMonths(start, n), per, ...(n > 1 ? { every: n } : {}), required, visits: 0 };
}

/** Starts (or restarts) the visit windows at the agreed frequency from `from`. */
export function startFollowUp(state: TenancyState, from: IsoDate): void {
  const agreement = activeAgreement(state);
  if (!state.followUp || !agreement) return;
  state.followUp.window = windowAfter(from, agreement.visitFrequency.per, agreement.visitFrequency.times, agreement.visitFrequency.every);
}

/** When the renewal assessment of the current lease starts (3 months before the end by default). */
export function renewalStart(state: TenancyState): IsoDate | undefined {
  const lease = currentLease(state);
  if (!lease || state.phase !== 'follow_up' || state.ending || state.renewal?.assessmentOpened) return undefined;
  if (!hasFeature(state, 'renewal-from-last-day')) return addMonths(addDays(lease.endDate, 1), -policyOf(state).renewalNoticeMonths);
  return renewalAssessmentDate(lease.endDate, policyOf(state).renewalNoticeMonths);
}

/** Domain-facts (leases): a time-limited lease nobody ended becomes open-ended three months after it expired. */
export const openEndedFrom = (leaseEndDate: IsoDate): IsoDate => addMonths(addDays(leaseEndDate, 1), 3);

/**
 * The renewal assessment starts `months` before the lease's last day (30 April 2031 → 30 January
 * 2031). A day that is not a business day moves to the business day before, so the housing officer
 * keeps the full notice time: a lease not ended turns open-ended three months after it expires.
 */
export function renewalAssessmentDate(leaseEndDate: IsoDate, months: number): IsoDate {
  const date = addMonths(leaseEndDate, -months);
  return isBusinessDay(date) ? date : previousBusinessDay(date);
}

export interface PendingTimer {
  at: number;
  reason: string;
}

/** Every instant at which the case will move by itself, with the reason in plain Norwegian. */
export function pendingTimers(state: TenancyState): PendingTimer[] {
  const timers: PendingTimer[] = state.tasks
    .filter((t) => !t.overdue)
    .map((t) => ({ at: startOfDay(addDays(t.dueDate, 1)), reason: `Frist for «${t.title}» (${t.dueDate})` }));
  const closes = rejectionCloses(state);
  if (closes) timers.push({ at: startOfDay(closes), reason: `Klagefristen for avslaget er ute: saken avsluttes (${closes})` });
  if (state.status === 'active' && state.phase === 'follow_up') {
    const window = state.followUp?.window;
    if (window) timers.push({ at: startOfDay(window.end), reason: `Besøksperioden ${window.start}–${addDays(window.end, -1)} avsluttes (${window.visits} av ${window.required} besøk)` });
    const renewal = renewalStart(state);
    if (renewal) timers.push({ at: startOfDay(renewal), reason: `Vurdering av fornyelse starter (${renewal})` });
    if (state.nextOwnershipDialogue && !state.ending) timers.push({ at: startOfDay(state.nextOwnershipDialogue), reason: 'Årlig samtale om eid bolig' });
    if (state.ending && !state.ending.inspection && !state.tasks.some((t) => t.id === 'move-out-inspection')) {
      timers.push({ at: startOfDay(state.ending.moveOutDate), reason: `Fraflytting ${state.ending.moveOutDate}: utflyttingsbefaring` });
    }
    for (const d of rentWakeDates(state)) timers.push({ at: startOfDay(d.date), reason: d.reason });
    const lease = leaseWatch(state);
    if (lease) timers.push({ at: startOfDay(lease.date), reason: lease.reason });
    const lapse = agreementLapse(state);
    if (lapse) timers.push({ at: startOfDay(lapse.date), reason: lapse.reason });
  }
  return timers.sort((a, b) => a.at - b.at);
}

export function nextWakeAt(state: TenancyState): number | undefined {
  return pendingTimers(state)[0]?.at;
}

export function advanceTime(state: TenancyState, now: number): void {
  const today = osloDate(now);
  markOverdueTasks(state, now);
  const closes = rejectionCloses(state);
  if (closes && compareDates(closes, today) <= 0) closeAfterAppealDeadline(state, now);
  if (state.status !== 'active' || state.phase !== 'follow_up') return;
  closeVisitWindows(state, now, today);
  const renewal = renewalStart(state);
  if (renewal && compareDates(renewal, today) <= 0) openRenewalAssessment(state, now, today);
  if (state.nextOwnershipDialogue && !state.ending && compareDates(state.nextOwnershipDialogue, today) <= 0) {
    openTask(state, now, {
      id: 'ownership-dialogue',
      kind: 'ownership_dialogue',
      title: 'Årlig samtale om overgang til eid bolig (startlån)',
      role: 'housing_officer',
      assigneeId: state.housingOfficerId,
      dueDate: deadline(today, { months: 1 }),
    });
    state.nextOwnershipDialogue = addMonths(state.nextOwnershipDialogue, policyOf(state).ownershipDialogueMonths);
  }
  const lease = leaseWatch(state);
  if (lease && compareDates(lease.date, today) <= 0) lease.act(now, today);
  const lapse = agreementLapse(state);
  if (lapse && compareDates(lapse.date, today) <= 0) lapse.act(now, today);
  if (state.ending && !state.ending.inspection && compareDates(state.ending.moveOutDate, today) <= 0 && !state.tasks.some((t) => t.id === 'move-out-inspection')) {
    openTask(state, now, {
      id: 'move-out-inspection',
      kind: 'move_out_inspection',
      title: 'Gjennomfør utflyttingsbefaring',
      role: 'housing_officer',
      assigneeId: state.housingOfficerId,
      dueDate: addBusinessDays(state.ending.moveOutDate, 5),
    });
  }
}

/** A window with fewer visits than agreed becomes a deviation the follow-up worker must act on. */
function closeVisitWindows(state: TenancyState, now: number, today: IsoDate): void {
  const followUp = state.followUp;
  while (followUp?.window && compareDates(followUp.window.end, today) <= 0) {
    const w = followUp.window;
    if (w.visits < w.required) {
      followUp.missedWindows++;
      addEvent(state, now, {
        kind: 'visit_missed',
        summary: `Avvik: ${w.visits} av ${w.required} avtalte hjemmebesøk gjennomført i perioden ${w.start} til ${addDays(w.end, -1)}.`,
        data: { start: w.start, end: w.end, visits: w.visits, required: w.required },
      });
      openTask(state, now, {
        id: `missed-visit-${w.start}`,
        kind: 'missed_visit',
        title: `Følg opp hjemmebesøk som ikke ble gjennomført (${w.start})`,
        role: 'follow_up_worker',
        assigneeId: state.followUpWorkerId,
        dueDate: addBusinessDays(today, policyOf(state).missedVisitFollowUpBusinessDays),
      });
      if (hasFeature(state, 'missed-visits-reach-housing-office')) reportLongDeviation(state, w, now);
    } else if (hasFeature(state, 'missed-visits-reach-housing-office')) {
      followUp.missedSince = undefined;
      followUp.missedReported = undefined;
    }
    const stop = followUp.status !== 'active' || (state.ending && compareDates(w.end, state.ending.moveOutDate) >= 0);
    // Rolling a window over changes nothing anyone reads, so it is not a new version to persist.
    followUp.window = stop ? undefined : windowAfter(w.end, w.per, w.required, w.every);
  }
}

/**
 * Seed 000 («Oppfølger skal etter {deviationWeeks} uker med avvik gi beskjed til boligkontoret»):
 * visits missed for the agreement's deviation period in a row reach the housing office, once per run.
 */
function reportLongDeviation(state: TenancyState, w: VisitWindow, now: number): void {
  const followUp = state.followUp!;
  followUp.missedSince ??= w.start;
  const weeks = activeAgreement(state)?.deviationWeeks ?? 2;
  if (followUp.missedReported || daysBetween(followUp.missedSince, w.end) < weeks * 7) return;
  followUp.missedReported = true;
  const summary = `Avtalte hjemmebesøk er ikke gjennomført siden ${followUp.missedSince} (${weeks} uker eller mer med avvik). Boligkontoret har fått beskjed.`;
  addEvent(state, now, { kind: 'visit_deviation_reported', summary, data: { since: followUp.missedSince, weeks } });
  (state.unsentNotices ??= []).push({
    key: `${state.caseId}#visits-missed#${followUp.missedSince}`,
    to: 'housing_office',
    subject: `Avvik i oppfølgingen (sak ${state.caseId})`,
    body: `Avtalte hjemmebesøk i sak ${state.caseId} er ikke gjennomført siden ${followUp.missedSince}, i ${weeks} uker eller mer. Oppfølgeren har fått oppgaver for hver periode.`,
  });
}

function openRenewalAssessment(state: TenancyState, now: number, today: IsoDate): void {
  const lease = currentLease(state)!;
  state.renewal = { ...state.renewal, assessmentOpened: today };
  const due = deadline(today, { months: 1 });
  openTask(state, now, {
    id: 'renewal-assessment',
    kind: 'renewal_assessment',
    title: hasFeature(state, 'renewal-from-last-day')
      ? `Vurder fornyelse av leiekontrakten som utløper ${lease.endDate}: forny, overgang til eie, eller avslutt. Uten avgjørelse blir leieforholdet tidsubestemt ${openEndedFrom(lease.endDate)}.`
      : `Vurder fornyelse av leiekontrakten som utløper ${lease.endDate}: forny, overgang til eie, eller avslutt`,
    role: 'housing_officer',
    assigneeId: state.housingOfficerId,
    dueDate: due,
  });
  if (state.followUp?.status === 'active') {
    openTask(state, now, {
      id: 'agreement-evaluation',
      kind: 'agreement_evaluation',
      title: 'Evaluer oppfølgingsavtalen før ny leiekontrakt',
      role: 'follow_up_worker',
      assigneeId: state.followUpWorkerId,
      dueDate: due,
    });
  }
  addEvent(state, now, {
    kind: 'renewal_assessment_started',
    summary: `Leiekontrakten utløper ${lease.endDate}. Vurdering av fornyelse er startet.`,
    data: { leaseSeq: lease.seq, endDate: lease.endDate },
  });
}

interface Watch {
  date: IsoDate;
  reason: string;
  act(now: number, today: IsoDate): void;
}

/**
 * Domain-facts (husleieloven): a fixed-term lease nobody ended becomes open-ended three months after
 * its last day. The day after the last day with no decision, the housing officer is warned with the
 * date; on that date the case records that the lease is open-ended (patched 'lease-open-ended-watch').
 */
function leaseWatch(state: TenancyState): Watch | undefined {
  const lease = currentLease(state);
  if (!lease || !hasFeature(state, 'lease-open-ended-watch') || state.ending || state.renewal?.openEndedSince) return undefined;
  const openEnded = openEndedFrom(lease.endDate);
  if (!state.renewal?.expiredWarned) {
    return {
      date: addDays(lease.endDate, 1),
      reason: `Leiekontrakten utløp ${lease.endDate} (blir tidsubestemt ${openEnded} uten oppsigelse)`,
      act(now, today) {
        state.renewal = { ...state.renewal, expiredWarned: today };
        // A month to act, well before the date: a notice must reach the tenant before the lease turns open-ended.
        const due = deadline(today, { months: 1 });
        openTask(state, now, {
          id: 'lease-expired',
          kind: 'lease_expired',
          title: `Leiekontrakten utløp ${lease.endDate} uten avgjørelse. Forny den eller gi skriftlig oppsigelse før ${openEnded}, ellers blir leieforholdet tidsubestemt.`,
          role: 'housing_officer',
          assigneeId: state.housingOfficerId,
          dueDate: compareDates(due, openEnded) < 0 ? due : previousBusinessDay(openEnded),
        });
        addEvent(state, now, {
          kind: 'lease_expired',
          summary: `Leiekontrakten utløp ${lease.endDate} uten at den er fornyet eller avsluttet. Den blir tidsubestemt ${openEnded} hvis leietaker ikke er bedt om å flytte før det.`,
          data: { leaseSeq: lease.seq, endDate: lease.endDate, openEndedFrom: openEnded },
        });
      },
    };
  }
  return {
    date: openEnded,
    reason: `Leieforholdet blir tidsubestemt ${openEnded}`,
    act(now) {
      state.renewal = { ...state.renewal, openEndedSince: openEnded };
      // Renewal is moot now: the lease runs on until ordinary notice (§§ 9-5 to 9-8).
      state.tasks = state.tasks.filter((t) => t.id !== 'lease-expired' && t.id !== 'renewal-assessment');
      addEvent(state, now, {
        kind: 'lease_open_ended',
        summary: `Leieforholdet er tidsubestemt fra ${openEnded}: leiekontrakten som utløp ${lease.endDate} ble ikke fornyet eller sagt opp. Det kan nå bare avsluttes med ordinær oppsigelse.`,
        data: { leaseSeq: lease.seq, endDate: lease.endDate, openEndedFrom: openEnded },
      });
    },
  };
}

/**
 * Seed 000: the follow-up agreement is valid as long as the lease («gyldig til»). When the active
 * version's last day passes with no new one signed, the case shows it and the housing officer is
 * asked to renew or end it (patched 'agreement-follows-lease').
 */
function agreementLapse(state: TenancyState): Watch | undefined {
  const agreement = activeAgreement(state);
  if (!agreement || agreement.lapsedOn || !hasFeature(state, 'agreement-follows-lease') || state.ending || state.followUp?.status !== 'active') return undefined;
  return {
    date: addDays(agreement.validUntil, 1),
    reason: `Oppfølgingsavtalen gjelder til ${agreement.validUntil}`,
    act(now, today) {
      agreement.lapsedOn = today;
      openTask(state, now, {
        id: 'agreement-lapsed',
        kind: 'agreement_lapsed',
        title: `Oppfølgingsavtalen gjaldt til ${agreement.validUntil}: lag en ny avtale for leieperioden, eller avslutt oppfølgingen med vedtak`,
        role: 'housing_officer',
        assigneeId: state.housingOfficerId,
        dueDate: deadline(today, { weeks: 2 }),
      });
      addEvent(state, now, {
        kind: 'agreement_lapsed',
        summary: `Oppfølgingsavtalen versjon ${agreement.version} gjaldt til ${agreement.validUntil} og er utløpt. Boligkonsulenten har fått oppgaven å fornye eller avslutte den.`,
        data: { version: agreement.version, validUntil: agreement.validUntil },
      });
    },
  };
}

import type { z } from 'zod';
import type { rentPayloads } from '../schemas/case-actions';
import { compareDates, deadline } from '../calendar';
import { formatKroner } from '../rent/ledger';
import { nextPeriod, rentPeriod } from '../rent/schedule';
import type { ActionRule } from './rule';
import { inPhase } from './rule';
import { addEvent, addRecord, closeTask, openTask, type TenancyState } from './state';

type P<T extends string> = Extract<z.infer<(typeof rentPayloads)[number]>, { type: T }>;

const NO_ARREARS = 'Saken har ingen husleierestanse nå.';
const episodeOf = (s: TenancyState) => s.rent?.episode;

export const rentRules: {
  agreePaymentPlan: ActionRule<P<'agreePaymentPlan'>>;
  recordNavNoticeRefusal: ActionRule<P<'recordNavNoticeRefusal'>>;
  recordCommitteeDecision: ActionRule<P<'recordCommitteeDecision'>>;
  fileEvictionRequest: ActionRule<P<'fileEvictionRequest'>>;
  withdrawAssignmentDeclaration: ActionRule<P<'withdrawAssignmentDeclaration'>>;
  recordWarningLetterPosted: ActionRule<P<'recordWarningLetterPosted'>>;
} = {
  agreePaymentPlan: {
    roles: ['housing_officer', 'housing_office', 'follow_up_worker'],
    reject(s, p) {
      const episode = episodeOf(s);
      if (!episode) return NO_ARREARS;
      if (episode.plans.at(-1)?.status === 'active') return 'Det finnes allerede en aktiv betalingsordning.';
      if (episode.evictionRequest) return 'Begjæring om fravikelse er sendt; en betalingsordning må avtales med namsmannen.';
      const dates = p.instalments.map((i) => i.dueDate);
      if (dates.some((d, i) => i > 0 && compareDates(d, dates[i - 1]!) <= 0)) return 'Avdragene må ha stigende datoer.';
      if (compareDates(dates[0]!, p.agreedDate) < 0) return 'Første avdrag kan ikke forfalle før ordningen er avtalt.';
      return undefined;
    },
    apply(state, p, { now, today, actor }) {
      const episode = episodeOf(state)!;
      const arrears = state.rent!.balance?.overdueOre ?? 0;
      episode.plans.push({
        agreedDate: p.agreedDate,
        agreedById: actor.id,
        arrearsAtAgreementOre: arrears,
        instalments: p.instalments.map((i) => ({ ...i })),
        status: 'active',
        ...(p.note ? { note: p.note } : {}),
      });
      const total = p.instalments.reduce((sum, i) => sum + i.amountOre, 0);
      const short = total < arrears ? ` Merk: avdragene (${formatKroner(total)}) dekker ikke hele restansen (${formatKroner(arrears)}).` : '';
      const message = `Betalingsordning avtalt: ${p.instalments.length} avdrag på til sammen ${formatKroner(total)}, siste ${p.instalments.at(-1)!.dueDate}. Hvert avdrag kontrolleres; stigen står stille så lenge ordningen holdes.${short}`;
      addRecord(state, { kind: 'payment_plan', key: `${episode.firstMissedDueDate}#${episode.plans.length}`, data: { ...episode.plans.at(-1)! } });
      addEvent(state, now, { kind: 'payment_plan_agreed', actorId: actor.id, summary: message, data: { instalments: p.instalments, agreedDate: p.agreedDate, today } });
      closeTask(state, 'rent-follow-up');
      return message;
    },
  },
  recordNavNoticeRefusal: {
    roles: ['housing_officer', 'housing_office'],
    reject: (s) => (s.rent ? undefined : 'Saken har ikke husleie i Botrygg ennå.'),
    apply(state, { date, note }, { now, actor }) {
      state.rent!.navNoticeRefusedDate = date;
      const message = `Leietaker har skriftlig reservert seg mot varsel til NAV etter husleieloven § 9-11 (${date}).`;
      addEvent(state, now, { kind: 'nav_notice_refused', actorId: actor.id, summary: message, data: { note } });
      return message;
    },
  },
  recordCommitteeDecision: {
    roles: ['committee_member', 'housing_office'],
    reject(s) {
      const episode = episodeOf(s);
      if (!episode) return NO_ARREARS;
      if (!episode.committee) return 'Saken er ikke lagt fram for boligutvalget: varselets ventetid er ikke over.';
      if (episode.committee.decision) return 'Boligutvalget har allerede fattet vedtak i denne restansesaken.';
      return undefined;
    },
    apply(state, p, { now, today, actor }) {
      const episode = episodeOf(state)!;
      const decision = { outcome: p.outcome, date: p.date, byId: actor.id, ...(p.meetingId ? { meetingId: p.meetingId } : {}), ...(p.note ? { note: p.note } : {}) };
      episode.committee!.decision = decision;
      closeTask(state, 'rent-committee');
      addRecord(state, { kind: 'committee_decision', key: `${episode.firstMissedDueDate}`, data: decision });
      const approve = p.outcome === 'approve_eviction_request';
      openTask(state, now, approve
        ? {
            id: 'rent-eviction-request',
            kind: 'rent_eviction_request',
            title: `Boligutvalget har godkjent begjæring om fravikelse: send den til namsmannen (tidligst ${episode.warning!.earliestEvictionRequest})`,
            role: 'housing_officer',
            ...(state.housingOfficerId ? { assigneeId: state.housingOfficerId } : {}),
            dueDate: deadline(today, { weeks: 2 }),
          }
        : {
            id: 'rent-other-measures',
            kind: 'rent_follow_up',
            title: 'Boligutvalget gikk ikke inn for fravikelse: finn andre tiltak sammen med leietaker',
            role: 'follow_up_worker',
            ...(state.followUpWorkerId ? { assigneeId: state.followUpWorkerId } : {}),
            dueDate: deadline(today, { weeks: 2 }),
          });
      const message = approve
        ? `Boligutvalget vedtok ${p.date} å begjære fravikelse hvis restansen ikke er betalt.`
        : `Boligutvalget vedtok ${p.date} ikke å begjære fravikelse nå.`;
      addEvent(state, now, { kind: 'committee_decision', actorId: actor.id, summary: message, data: decision });
      return message;
    },
  },
  fileEvictionRequest: {
    roles: ['housing_officer', 'housing_office'],
    reject(s, p, { today }) {
      const episode = episodeOf(s);
      if (!episode) return NO_ARREARS;
      if (episode.committee?.decision?.outcome !== 'approve_eviction_request') return 'Begjæring om fravikelse kan ikke sendes uten et vedtak i boligutvalget.';
      if (episode.evictionRequest) return 'Begjæringen er allerede sendt.';
      const earliest = episode.warning!.earliestEvictionRequest;
      if (compareDates(p.date, earliest) < 0 || compareDates(today, earliest) < 0) return `Begjæringen kan tidligst sendes ${earliest} (to uker etter varselet etter § 4-18).`;
      return undefined;
    },
    apply(state, { date, note }, { now, actor }) {
      const episode = episodeOf(state)!;
      episode.evictionRequest = { filedDate: date, byId: actor.id, ...(note ? { note } : {}) };
      closeTask(state, 'rent-eviction-request');
      addRecord(state, { kind: 'eviction_request', key: episode.firstMissedDueDate, data: { ...episode.evictionRequest } });
      const message = `Begjæring om fravikelse er sendt til namsmannen ${date}. Betaler leietaker restansen før fravikelsen, stanser saken.`;
      addEvent(state, now, { kind: 'eviction_request_filed', actorId: actor.id, summary: message });
      return message;
    },
  },
  /**
   * The ladder's § 4-18 warning posted as a letter (registered post, from Botrygg's letters): the
   * eviction request waits the ladder's two weeks from the letter's receipt (assumed from the posting
   * date, or recorded on delivery: a second call with the real date moves it), never less than the
   * ladder already set (the e-mailed warning's assumed receipt, the § 9-11 wait). Closes the task to
   * post the letter.
   */
  recordWarningLetterPosted: {
    roles: ['housing_officer', 'housing_office'],
    reject(s, p, { today }) {
      const warning = episodeOf(s)?.warning;
      if (!warning) return 'Det er ikke sendt noe varsel etter § 4-18 i denne restansesaken.';
      if (episodeOf(s)!.evictionRequest) return 'Begjæringen om fravikelse er allerede sendt.';
      if (compareDates(p.sentDate, warning.sentDate) < 0) return `Brevet kan ikke være sendt før varselet ble laget (${warning.sentDate}).`;
      if (compareDates(p.sentDate, today) > 0) return 'Datoen kan ikke ligge fram i tid.';
      if (compareDates(p.receiptDate, p.sentDate) < 0) return 'Mottaksdatoen kan ikke være før brevet ble sendt.';
      return undefined;
    },
    apply(state, p, { now, actor }) {
      const rent = state.rent!;
      const episode = episodeOf(state)!;
      const warning = episode.warning!;
      const fromLetter = deadline(p.receiptDate, { days: rent.ladder.warning.waitDays });
      warning.postedDate = p.sentDate;
      if (compareDates(fromLetter, warning.earliestEvictionRequest) > 0) warning.earliestEvictionRequest = fromLetter;
      closeTask(state, 'rent-warning-letter');
      addRecord(state, { kind: 'rent_warning', key: episode.firstMissedDueDate, data: { ...warning } });
      const message = `Varselet etter § 4-18 er sendt med post ${p.sentDate} og regnes som mottatt ${p.receiptDate}. Begjæring om fravikelse kan tidligst sendes ${warning.earliestEvictionRequest}.`;
      addEvent(state, now, { kind: 'rent_warning_letter_posted', actorId: actor.id, summary: message, data: { letterId: p.letterId, sentDate: p.sentDate, receiptDate: p.receiptDate, earliestEvictionRequest: warning.earliestEvictionRequest } });
      return message;
    },
  },
  withdrawAssignmentDeclaration: {
    roles: ['housing_officer'],
    reject: (s) =>
      inPhase(s, 'follow_up') && s.housingAllowance?.assignmentDeclarationSigned ? undefined : 'Leietaker har ingen transporterklæring for bostøtte som kan trekkes tilbake.',
    apply(state, { date }, { now, actor }) {
      state.housingAllowance = { ...state.housingAllowance!, assignmentDeclarationSigned: false, date };
      const from = nextPeriod(rentPeriod(date));
      if (state.rent) {
        state.rent.allowanceWithdrawnFrom = from;
        state.rent.checkRequested = true;
      }
      addRecord(state, { kind: 'housing_allowance', key: date, data: { ...state.housingAllowance, withdrawnFrom: from } });
      const message = `Transporterklæringen er trukket tilbake ${date}. Fra ${from} betaler leietaker hele husleien selv, og bostøtten går til leietaker.`;
      addEvent(state, now, { kind: 'assignment_declaration_withdrawn', actorId: actor.id, summary: message });
      return message;
    },
  },
};

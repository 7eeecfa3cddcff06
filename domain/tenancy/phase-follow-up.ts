import type { z } from 'zod';
import type { followUpPayloads } from '../schemas/case-actions';
import { addDays, addMonths, compareDates, deadline, endOfMonth } from '../calendar';
import { formatKroner } from '../dwelling';
import { addLease, leaseEnd } from './phase-move-in';
import { openEndedFrom } from './timers';
import type { ActionRule } from './rule';
import { inPhase } from './rule';
import { FOLLOW_UP_LEGAL_BASIS, recordIndividualDecision } from './decisions';
import { addEvent, addRecord, closeTask, currentLease, hasFeature, hasTask, openTask, type TenancyState } from './state';
import { completeTaskWithNote, refuseTaskCompletion, tenancyTaskIsManual } from '../task-closers';

type P<T extends string> = Extract<z.infer<(typeof followUpPayloads)[number]>, { type: T }>;

/** § 9-6: ordinary notice is three months, counted to the end of a calendar month. */
export const earliestMoveOut = (noticeDate: string) => endOfMonth(addMonths(noticeDate, 3));

const active = (s: TenancyState) => inPhase(s, 'follow_up') && !s.ending;

function startEnding(state: TenancyState, ending: NonNullable<TenancyState['ending']>): void {
  state.ending = ending;
  state.tasks = state.tasks.filter((t) => !['renewal-assessment', 'agreement-evaluation', 'ownership-dialogue', 'lease-expired', 'agreement-lapsed'].includes(t.id));
  addRecord(state, { kind: 'ending', key: 'notice', data: { ...ending } });
}

export const followUpRules: {
  recordVisit: ActionRule<P<'recordVisit'>>;
  requestEvaluation: ActionRule<P<'requestEvaluation'>>;
  recordEvaluation: ActionRule<P<'recordEvaluation'>>;
  decideRenewal: ActionRule<P<'decideRenewal'>>;
  recordOwnershipDialogue: ActionRule<P<'recordOwnershipDialogue'>>;
  declineFollowUp: ActionRule<P<'declineFollowUp'>>;
  endFollowUp: ActionRule<P<'endFollowUp'>>;
  giveNotice: ActionRule<P<'giveNotice'>>;
  recordMoveOutInspection: ActionRule<P<'recordMoveOutInspection'>>;
  settleDeposit: ActionRule<P<'settleDeposit'>>;
  completeTask: ActionRule<P<'completeTask'>>;
} = {
  completeTask: {
    roles: ['follow_up_worker', 'housing_officer', 'housing_office', 'department_head', 'administrative_officer'],
    reject: (s, { taskId }, { actor }) => refuseTaskCompletion(s.tasks, taskId, tenancyTaskIsManual, actor.roles),
    apply: (state, { taskId, note }, { now, actor }) => completeTaskWithNote(state, { taskId, note, now, actorId: actor.id }, { closeTask, addEvent }),
  },
  recordVisit: {
    roles: ['follow_up_worker'],
    reject(s, { date }) {
      if (!inPhase(s, 'follow_up') || s.followUp?.status !== 'active') return 'Hjemmebesøk registreres bare når leietaker har aktiv oppfølging.';
      if (s.moveInDate && compareDates(date, s.moveInDate) < 0) return 'Besøket er datert før innflytting.';
      return undefined;
    },
    apply(state, p, { now, actor }) {
      const followUp = state.followUp!;
      const visit = { seq: followUp.visits.length + 1, date: p.date, outcome: p.outcome, byId: actor.id, note: p.note };
      followUp.visits.push(visit);
      const w = followUp.window;
      if (p.outcome === 'completed' && w && compareDates(p.date, w.start) >= 0 && compareDates(p.date, w.end) < 0) w.visits++;
      addRecord(state, { kind: 'visit', key: String(visit.seq), data: { ...visit } });
      const labels = { completed: 'gjennomført', locked_door: 'låst dør', cancelled: 'avlyst' } as const;
      const message = `Hjemmebesøk ${p.date} registrert: ${labels[p.outcome]}.`;
      addEvent(state, now, { kind: 'visit_recorded', actorId: actor.id, summary: message, data: { outcome: p.outcome, date: p.date } });
      return message;
    },
  },
  requestEvaluation: {
    roles: ['housing_officer', 'follow_up_worker'],
    reject: (s) => (active(s) && s.followUp?.status === 'active' ? undefined : 'Evaluering gjelder en aktiv oppfølgingsavtale.'),
    apply(state, { reason }, { now, today, actor }) {
      openTask(state, now, {
        id: 'agreement-evaluation',
        kind: 'agreement_evaluation',
        title: 'Evaluer oppfølgingsavtalen (trepartssamtale)',
        role: 'follow_up_worker',
        assigneeId: state.followUpWorkerId,
        dueDate: deadline(today, { weeks: 2 }),
      });
      const message = 'Evaluering av oppfølgingsavtalen er bestilt.';
      addEvent(state, now, { kind: 'evaluation_requested', actorId: actor.id, summary: message, data: { reason } });
      return message;
    },
  },
  recordEvaluation: {
    roles: ['housing_officer', 'follow_up_worker'],
    reject: (s) => (inPhase(s, 'follow_up') && hasTask(s, 'agreement-evaluation') ? undefined : 'Det er ingen evaluering som venter.'),
    apply(state, p, { now, today, actor }) {
      (state.evaluations ??= []).push({ date: p.date, outcome: p.outcome, note: p.note, byId: actor.id });
      if (state.renewal?.assessmentOpened) state.renewal.evaluationDone = p.date;
      closeTask(state, 'agreement-evaluation');
      addRecord(state, { kind: 'evaluation', key: String(state.evaluations.length), data: { ...p, byId: actor.id } });
      if (p.outcome === 'revised') {
        openTask(state, now, {
          id: 'revise-agreement',
          kind: 'revise_agreement',
          title: 'Lag revidert oppfølgingsavtale og få den signert',
          role: 'housing_officer',
          assigneeId: state.housingOfficerId,
          dueDate: deadline(today, { weeks: 2 }),
        });
      }
      const message = p.outcome === 'kept' ? 'Avtalen er evaluert og videreføres uendret.' : 'Avtalen er evaluert og skal revideres. En ny versjon må signeres.';
      addEvent(state, now, { kind: 'agreement_evaluated', actorId: actor.id, summary: message, data: { outcome: p.outcome } });
      return message;
    },
  },
  decideRenewal: {
    roles: ['housing_officer'],
    reject(s, p, { today }) {
      if (!active(s) || !hasTask(s, 'renewal-assessment')) return 'Fornyelse vurderes når leiekontrakten nærmer seg slutten.';
      if (p.decision === 'renew') {
        if (s.followUp?.status === 'active' && !s.renewal?.evaluationDone) return 'Oppfølgingsavtalen må evalueres før leiekontrakten fornyes.';
        if (!p.newLease?.signedDate) return 'Oppgi når den nye leiekontrakten ble signert.';
        const start = p.newLease.startDate ?? addDays(currentLease(s)!.endDate, 1);
        const end = leaseEnd(s, { ...p.newLease, signedDate: p.newLease.signedDate, startDate: start });
        return 'error' in end ? end.error : undefined;
      }
      // The lease ends on its last day; a decision taken after that day would give a move-out date in
      // the past. The landlord must then give notice with a new date (the lease turns open-ended three
      // months after it expired if the tenant was not asked to move).
      const endDate = currentLease(s)!.endDate;
      if (compareDates(endDate, today) < 0) {
        return `Leiekontrakten utløp ${endDate}, så flyttedatoen ville ligge i fortiden. Gi skriftlig oppsigelse med ny flyttedato (giveNotice); leieforholdet blir tidsubestemt ${openEndedFrom(endDate)} hvis leietaker ikke er bedt om å flytte før det.`;
      }
      return undefined;
    },
    apply(state, p, ctx) {
      const lease = currentLease(state)!;
      closeTask(state, 'renewal-assessment');
      addRecord(state, { kind: 'renewal', key: String(lease.seq), data: { decision: p.decision, reason: p.reason, by: ctx.actor.id } });
      if (p.decision === 'renew') {
        const terms = { ...p.newLease!, signedDate: p.newLease!.signedDate!, startDate: p.newLease!.startDate ?? addDays(lease.endDate, 1) };
        const end = leaseEnd(state, terms) as { endDate: string };
        addEvent(state, ctx.now, { kind: 'lease_renewed', actorId: ctx.actor.id, summary: 'Leiekontrakten fornyes.', data: { reason: p.reason } });
        const message = addLease(state, terms, end.endDate, ctx);
        if (state.followUp?.status === 'active') {
          openTask(state, ctx.now, {
            id: 'renew-agreement',
            kind: 'renew_agreement',
            title: 'Lag oppfølgingsavtale for den nye leieperioden og få den signert',
            role: 'housing_officer',
            assigneeId: state.housingOfficerId,
            dueDate: deadline(ctx.today, { weeks: 2 }),
          });
        }
        return message;
      }
      const givenBy = p.decision === 'ownership' ? 'ownership' : 'renewal';
      startEnding(state, { givenBy, noticeDate: ctx.today, moveOutDate: lease.endDate, reason: p.reason ?? (p.decision === 'ownership' ? 'Overgang til eid bolig med startlån' : 'Leiekontrakten fornyes ikke') });
      const message =
        p.decision === 'ownership'
          ? `Leietaker går over til eid bolig. Leieforholdet avsluttes ${lease.endDate}.`
          : `Leiekontrakten fornyes ikke og avsluttes ${lease.endDate}. Leietaker skal ha skriftlig beskjed.`;
      addEvent(state, ctx.now, { kind: 'renewal_declined', actorId: ctx.actor.id, summary: message, data: { decision: p.decision } });
      return message;
    },
  },
  recordOwnershipDialogue: {
    roles: ['housing_officer'],
    reject: (s) => (active(s) && hasTask(s, 'ownership-dialogue') ? undefined : 'Det er ingen eierskapssamtale som venter.'),
    apply(state, p, { now, actor }) {
      closeTask(state, 'ownership-dialogue');
      addRecord(state, { kind: 'ownership_dialogue', key: p.date, data: { ...p, by: actor.id } });
      const loan = p.outcome === 'apply_start_up_loan' && hasFeature(state, 'ownership-start-up-loan-task');
      if (loan) {
        // Seed 003: the dialogue's «yes» is where the housing officer's start-up loan work begins.
        openTask(state, now, {
          id: 'start-up-loan-assessment',
          kind: 'start_up_loan_assessment',
          title: 'Vurder startlån sammen med leietaker (søknad til kommunen/Husbanken)',
          role: 'housing_officer',
          ...(state.housingOfficerId ? { assigneeId: state.housingOfficerId } : {}),
          dueDate: deadline(p.date, { weeks: 4 }),
        });
      }
      const message =
        p.outcome === 'apply_start_up_loan'
          ? `Samtale om eierskap: leietaker søker startlån.${loan ? ' Boligkonsulenten har fått oppgaven å vurdere startlån.' : ''}`
          : 'Samtale om eierskap: ikke aktuelt nå. Ny samtale om ett år.';
      addEvent(state, now, { kind: 'ownership_dialogue', actorId: actor.id, summary: message, data: { outcome: p.outcome } });
      return message;
    },
  },
  declineFollowUp: {
    roles: ['follow_up_worker', 'housing_officer'],
    reject: (s) => (inPhase(s, 'follow_up') && s.followUp?.status === 'active' ? undefined : 'Leietaker har ikke aktiv oppfølging.'),
    apply(state, { date, note, reasons }, ctx) {
      const { now, today, actor } = ctx;
      state.followUp!.status = 'declined';
      state.followUp!.declinedDate = date;
      state.followUp!.window = undefined;
      state.tasks = state.tasks.filter((t) => t.kind !== 'missed_visit' && t.id !== 'agreement-lapsed');
      // Seed 000, last row: the follow-up worker informs the housing service.
      openTask(state, now, {
        id: 'follow-up-declined',
        kind: 'follow_up_declined',
        title: 'Leietaker ønsker ikke videre oppfølging: vurder saken',
        role: 'housing_office',
        dueDate: deadline(today, { weeks: 1 }),
      });
      const written = hasFeature(state, 'individual-decisions');
      if (written) {
        // Boligsosial lov § 6: help is not ended without a decision the tenant can appeal.
        recordIndividualDecision(
          state,
          {
            id: `follow-up-ended-${date}`,
            subject: 'follow_up_ended',
            outcome: 'ended',
            date: today,
            decision: `Oppfølgingen etter oppfølgingsavtalen (hjemmebesøk og bistand) avsluttes fra ${date}. Leieforholdet fortsetter som før.`,
            reasons: reasons ?? 'Du har sagt at du ikke ønsker videre oppfølging, og oppfølgingen bygger på at du vil ta imot den. Du kan be om oppfølging igjen når som helst.',
            legalBasis: FOLLOW_UP_LEGAL_BASIS,
            decidedBy: actor.id,
          },
          'Avslutning av oppfølging',
        );
      }
      const message = `Leietaker ønsker ikke videre oppfølging fra ${date}. Boligtjenesten er varslet; leieforholdet fortsetter uten hjemmebesøk.${written ? ' Vedtaket om å avslutte oppfølgingen sendes leietaker skriftlig med klagefrist.' : ''}`;
      addEvent(state, now, { kind: 'follow_up_declined', actorId: actor.id, summary: message, data: { date, note, ...(written ? { decisionId: `follow-up-ended-${date}` } : {}) } });
      return message;
    },
  },
  /**
   * The municipality ends the follow-up (the agreement lapsed and is not renewed, or the help is no
   * longer needed): boligsosial lov § 6, only by an individual decision with reasons, which the tenant
   * gets by letter with the appeal deadline. The tenancy goes on without home visits.
   */
  endFollowUp: {
    roles: ['housing_officer'],
    reject(s, p) {
      if (!inPhase(s, 'follow_up') || s.followUp?.status !== 'active') return 'Leietaker har ikke aktiv oppfølging.';
      if (!hasFeature(s, 'individual-decisions')) return 'Oppfølgingen kan avsluttes når saken har fått vedtaksreglene (ved neste kjøring).';
      if (s.moveInDate && compareDates(p.date, s.moveInDate) < 0) return 'Datoen er før innflytting.';
      return undefined;
    },
    apply(state, { date, reasons }, { now, today, actor }) {
      const followUp = state.followUp!;
      followUp.status = 'ended';
      followUp.window = undefined;
      state.tasks = state.tasks.filter((t) => t.kind !== 'missed_visit' && t.id !== 'agreement-lapsed' && t.id !== 'agreement-evaluation' && t.id !== 'revise-agreement' && t.id !== 'renew-agreement');
      const id = `follow-up-ended-${date}`;
      recordIndividualDecision(
        state,
        { id, subject: 'follow_up_ended', outcome: 'ended', date: today, decision: `Oppfølgingen etter oppfølgingsavtalen (hjemmebesøk og bistand) avsluttes fra ${date}. Leieforholdet fortsetter som før.`, reasons, legalBasis: FOLLOW_UP_LEGAL_BASIS, decidedBy: actor.id },
        'Avslutning av oppfølging',
      );
      const message = `Oppfølgingen avsluttes fra ${date} ved vedtak. Leietaker får vedtaket skriftlig med begrunnelse og klagefrist; leieforholdet fortsetter uten hjemmebesøk.`;
      addEvent(state, now, { kind: 'follow_up_ended', actorId: actor.id, summary: message, data: { date, decisionId: id } });
      return message;
    },
  },
  giveNotice: {
    roles: ['housing_officer'],
    reject(s, p, { today }) {
      if (!active(s)) return 'Oppsigelse kan bare gis i et løpende leieforhold.';
      // Domain-facts (leases): the landlord's end of a lease cannot lie in the past.
      const moveOut = p.moveOutDate ?? earliestMoveOut(p.noticeDate);
      if (p.givenBy === 'landlord' && compareDates(moveOut, today) < 0) {
        return `Flyttedatoen ${moveOut} ligger i fortiden. Oppgi en flyttedato fra i dag (${today}) eller senere.`;
      }
      if (p.givenBy === 'landlord' && p.moveOutDate && compareDates(p.moveOutDate, earliestMoveOut(p.noticeDate)) < 0) {
        return `Utleiers oppsigelse må gi minst tre måneders frist til utgangen av en måned (husleieloven § 9-6): tidligst ${earliestMoveOut(p.noticeDate)}.`;
      }
      return undefined;
    },
    apply(state, p, { now, actor }) {
      const moveOutDate = p.moveOutDate ?? earliestMoveOut(p.noticeDate);
      startEnding(state, { givenBy: p.givenBy, noticeDate: p.noticeDate, moveOutDate, reason: p.reason });
      const message =
        p.givenBy === 'landlord'
          ? `Leieforholdet er sagt opp av kommunen med fraflytting ${moveOutDate}. Leietaker kan protestere skriftlig innen én måned (§ 9-7).`
          : `Leietaker har sagt opp leieforholdet med fraflytting ${moveOutDate}.`;
      addEvent(state, now, { kind: 'notice_given', actorId: actor.id, summary: message, data: { givenBy: p.givenBy, moveOutDate } });
      return message;
    },
  },
  recordMoveOutInspection: {
    roles: ['housing_officer'],
    reject: (s) => (inPhase(s, 'follow_up') && s.ending && !s.ending.inspection ? undefined : 'Utflyttingsbefaring registreres etter oppsigelse.'),
    apply(state, p, { now, today, actor }) {
      state.ending!.inspection = { date: p.date, damagesOre: p.damagesOre, notes: p.notes };
      closeTask(state, 'move-out-inspection');
      openTask(state, now, {
        id: 'settle-deposit',
        kind: 'settle_deposit',
        title: 'Gjør opp depositum og eventuelle skader',
        role: 'housing_officer',
        assigneeId: state.housingOfficerId,
        dueDate: deadline(today, { weeks: 2 }),
      });
      addRecord(state, { kind: 'ending', key: 'inspection', data: { ...state.ending!.inspection } });
      const message = p.damagesOre > 0 ? `Utflyttingsbefaring gjennomført; skader anslått til ${formatKroner(p.damagesOre)}.` : 'Utflyttingsbefaring gjennomført uten skader.';
      addEvent(state, now, { kind: 'move_out_inspected', actorId: actor.id, summary: message });
      return message;
    },
  },
  settleDeposit: {
    roles: ['housing_officer'],
    reject: (s) => (s.ending?.inspection && !s.ending.settlement ? undefined : 'Depositum gjøres opp etter utflyttingsbefaringen.'),
    apply(state, p, { now, actor }) {
      const ending = state.ending!;
      ending.settlement = { date: p.date, depositReturnedOre: p.depositReturnedOre, damagesChargedOre: p.damagesChargedOre };
      addRecord(state, { kind: 'ending', key: 'settlement', data: { ...ending.settlement } });
      const reasons = { tenant: 'moved_out_tenant_notice', landlord: 'moved_out_landlord_notice', renewal: 'moved_out_lease_ended', ownership: 'moved_out_ownership' } as const;
      state.status = 'closed';
      state.phase = 'closed';
      state.closedReason = reasons[ending.givenBy];
      state.tasks = [];
      if (state.followUp) state.followUp.window = undefined;
      const message = `Oppgjøret er registrert (${formatKroner(p.depositReturnedOre)} tilbakebetalt, ${formatKroner(p.damagesChargedOre)} i skader). Saken er avsluttet.`;
      addEvent(state, now, { kind: 'case_closed', actorId: actor.id, summary: message, data: { reason: state.closedReason } });
      return message;
    },
  },
};

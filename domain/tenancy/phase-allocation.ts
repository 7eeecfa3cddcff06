import type { z } from 'zod';
import { deadline } from '../calendar';
import { dwellingFitWarnings, formatKroner } from '../dwelling';
import type { allocationPayloads } from '../schemas/case-actions';
import type { ActionRule } from './rule';
import { inPhase } from './rule';
import { APPLICATION_LEGAL_BASIS, recordIndividualDecision } from './decisions';
import { privateRentalWorkflowId } from '../ids';
import { addEvent, addRecord, closeTask, hasFeature, openTask, policyOf, twoWeeksAfter, type TenancyState } from './state';

type P<T extends string> = Extract<z.infer<(typeof allocationPayloads)[number]>, { type: T }>;

function closeCase(state: TenancyState, reason: string): void {
  state.status = 'closed';
  state.phase = 'closed';
  state.closedReason = reason;
  state.tasks = [];
}

function openOfferTask(state: TenancyState, now: number, today: string, title: string) {
  openTask(state, now, {
    id: 'offer-dwelling',
    kind: 'offer_dwelling',
    title,
    role: 'housing_officer',
    assigneeId: state.housingOfficerId,
    dueDate: deadline(today, { weeks: policyOf(state).decisionWithinWeeks }),
  });
}

export const allocationRules: {
  recordInterview: ActionRule<P<'recordInterview'>>;
  withdrawApplication: ActionRule<P<'withdrawApplication'>>;
  referElsewhere: ActionRule<P<'referElsewhere'>>;
  recordDecision: ActionRule<P<'recordDecision'>>;
  offerDwelling: ActionRule<P<'offerDwelling'>>;
  answerOffer: ActionRule<P<'answerOffer'>>;
} = {
  recordInterview: {
    roles: ['housing_officer'],
    reject: (s) => (inPhase(s, 'application') && !s.decision ? undefined : 'Kartleggingssamtale kan bare registreres før vedtak er fattet.'),
    apply(state, { interview }, { now, today, actor }) {
      state.interviews.push({ ...interview, interviewerId: actor.id });
      closeTask(state, 'mapping-interview');
      openTask(state, now, {
        id: 'decision',
        kind: 'decision',
        title: 'Fatt vedtak om kommunal bolig',
        role: 'housing_officer',
        assigneeId: state.housingOfficerId ?? actor.id,
        dueDate: deadline(today, { weeks: policyOf(state).decisionWithinWeeks }),
      });
      const message = `Kartleggingssamtale nr. ${state.interviews.length} er registrert.`;
      addEvent(state, now, { kind: 'interview_recorded', actorId: actor.id, summary: message });
      addRecord(state, { kind: 'interview', key: String(state.interviews.length), data: { ...interview, interviewerId: actor.id } });
      return message;
    },
  },
  withdrawApplication: {
    roles: ['housing_officer'],
    reject: (s) => (inPhase(s, 'application', 'allocation') ? undefined : 'Søknaden kan ikke trekkes etter at leiekontrakten er inngått.'),
    apply(state, { reason }, { now, actor }) {
      closeCase(state, 'withdrawn');
      const message = 'Søknaden er trukket og saken er avsluttet.';
      addEvent(state, now, { kind: 'case_closed', actorId: actor.id, summary: message, data: { reason } });
      return message;
    },
  },
  referElsewhere: {
    roles: ['housing_officer'],
    reject(s) {
      if (!inPhase(s, 'application') || s.decision) return 'Henvisning kan bare gjøres før vedtak er fattet.';
      if (s.interviews.length === 0) return 'Gjennomfør en kartleggingssamtale før søkeren henvises videre.';
      return undefined;
    },
    apply(state, { outcome, note }, { now, today, actor }) {
      if (outcome === 'private_market' && hasFeature(state, 'private-rental-referral')) {
        // Seed 004: the case continues in the private-rental process (its own workflow, started by
        // the tenancy's workflow) instead of ending; it may come back here.
        const referral = (state.privateRentalReferrals ?? 0) + 1;
        state.privateRentalReferrals = referral;
        state.privateRental = { workflowId: privateRentalWorkflowId(state.caseId, referral), started: false, referredDate: today };
        state.phase = 'private_rental';
        state.tasks = [];
        const message = 'Søkeren er henvist til hjelp til å leie privat bolig. Saken fortsetter i den prosessen.';
        addEvent(state, now, { kind: 'referred_private_rental', actorId: actor.id, summary: message, data: { referral } });
        addRecord(state, { kind: 'decision', key: `referral-${referral}`, data: { outcome, note, by: actor.id } });
        return message;
      }
      closeCase(state, outcome === 'private_market' ? 'referred_private_market' : 'referred_start_up_loan');
      const message =
        outcome === 'private_market'
          ? 'Søkeren er henvist til det private leiemarkedet, og saken er avsluttet.'
          : 'Søkeren er henvist til startlån for å kjøpe egen bolig, og saken er avsluttet.';
      addEvent(state, now, { kind: 'case_closed', actorId: actor.id, summary: message, data: { reason: state.closedReason, note } });
      addRecord(state, { kind: 'decision', key: 'referral', data: { outcome, note, by: actor.id } });
      return message;
    },
  },
  recordDecision: {
    roles: ['housing_officer'],
    reject(s, p) {
      if (!inPhase(s, 'application') || s.decision) return 'Vedtak er allerede fattet i denne saken.';
      if (s.interviews.length === 0) return 'Gjennomfør en kartleggingssamtale før vedtak fattes.';
      // Forvaltningsloven § 24: a refusal must give its reasons; a full approval may do without.
      if (p.outcome === 'rejected' && !p.reasons && hasFeature(s, 'individual-decisions')) return 'Et avslag må begrunnes (forvaltningsloven § 24): skriv begrunnelsen i feltet «reasons».';
      return undefined;
    },
    apply(state, p, { now, today, actor }) {
      state.decision = { outcome: p.outcome, date: p.date, reference: p.reference, note: p.note, decidedBy: actor.id };
      closeTask(state, 'decision');
      addRecord(state, { kind: 'decision', key: 'decision', data: { ...state.decision } });
      const written = hasFeature(state, 'individual-decisions');
      if (written) {
        const d = recordIndividualDecision(
          state,
          {
            id: 'application',
            subject: 'application',
            outcome: p.outcome,
            date: p.date,
            decision: p.outcome === 'approved' ? 'Du får leie en kommunal bolig. Vi tar kontakt med deg når vi har en bolig som passer.' : 'Søknaden din om kommunal bolig er avslått.',
            reasons: p.reasons ?? 'Søknaden er innvilget i sin helhet.',
            legalBasis: p.legalBasis ?? APPLICATION_LEGAL_BASIS,
            decidedBy: actor.id,
          },
          'Søknad om kommunal bolig',
        );
        if (p.outcome === 'rejected') {
          // The case stays open until the appeal deadline has passed, so an appeal can be registered on it.
          state.tasks = [];
          const message = `Avslag er registrert og sendes søkeren skriftlig med begrunnelse. Klagefristen er ${d.appealDeadline}; saken avsluttes etter den hvis ingen klager.`;
          addEvent(state, now, { kind: 'decision_rejected', actorId: actor.id, summary: message, data: { decisionId: d.id, appealDeadline: d.appealDeadline } });
          return message;
        }
      }
      if (p.outcome === 'rejected') {
        closeCase(state, 'rejected');
        const message = 'Avslag er registrert. Søkeren kan klage på vedtaket til Statsforvalteren.';
        addEvent(state, now, { kind: 'decision_rejected', actorId: actor.id, summary: message });
        return message;
      }
      state.phase = 'allocation';
      state.offers = [];
      openOfferTask(state, now, today, 'Tildel en bolig som passer');
      const message = 'Positivt vedtak er registrert. Saken er klar for tildeling av bolig.';
      addEvent(state, now, { kind: 'decision_approved', actorId: actor.id, summary: message, data: { reference: p.reference } });
      return message;
    },
  },
  offerDwelling: {
    roles: ['housing_officer'],
    reject(s) {
      if (!inPhase(s, 'allocation')) return 'Bolig kan bare tilbys etter positivt vedtak og før leiekontrakt.';
      if (s.offers?.some((o) => !o.answer)) return 'Søkeren har allerede et tilbud som venter på svar.';
      return undefined;
    },
    apply(state, { dwelling }, { now, today, actor }) {
      const householdSize = 1 + state.application.householdMembers.length;
      const warnings = dwellingFitWarnings(dwelling, state.interviews.at(-1), householdSize, policyOf(state).maxRentShareOfIncome, {
        fullInterview: hasFeature(state, 'dwelling-fit-full-interview'),
      });
      const offer = { seq: (state.offers?.length ?? 0) + 1, dwelling, offeredDate: today, warnings };
      (state.offers ??= []).push(offer);
      closeTask(state, 'offer-dwelling');
      openTask(state, now, {
        id: 'offer-answer',
        kind: 'offer_answer',
        title: `Registrer svar på tilbud om ${dwelling.address}`,
        role: 'housing_officer',
        assigneeId: state.housingOfficerId ?? actor.id,
        dueDate: deadline(today, { days: policyOf(state).offerAnswerDays }),
      });
      addRecord(state, { kind: 'offer', key: String(offer.seq), data: { ...offer } });
      const message = warnings.length
        ? `Tilbud om ${dwelling.address} er registrert, med ${warnings.length} ${warnings.length === 1 ? 'merknad' : 'merknader'}: ${warnings.join(' ')}`
        : `Tilbud om ${dwelling.address} er registrert. Boligen passer med kartleggingen.`;
      addEvent(state, now, { kind: 'dwelling_offered', actorId: actor.id, summary: message, data: { dwellingId: dwelling.id, warnings } });
      return message;
    },
  },
  answerOffer: {
    roles: ['housing_officer'],
    reject: (s) => (inPhase(s, 'allocation') && s.offers?.some((o) => !o.answer) ? undefined : 'Det finnes ikke noe tilbud som venter på svar.'),
    apply(state, p, { now, today, actor }) {
      const offer = state.offers!.find((o) => !o.answer)!;
      offer.answer = p.accepted ? 'accepted' : 'declined';
      offer.answeredDate = p.date;
      closeTask(state, 'offer-answer');
      addRecord(state, { kind: 'offer', key: String(offer.seq), data: { ...offer } });
      if (!p.accepted) {
        offer.declineReason = p.reason;
        openOfferTask(state, now, today, 'Tilbudet ble avslått: finn en annen bolig');
        const message = `Søkeren takket nei til ${offer.dwelling.address}. Saken går tilbake til tildeling.`;
        addEvent(state, now, { kind: 'offer_declined', actorId: actor.id, summary: message, data: { reason: p.reason } });
        return message;
      }
      state.monthlyRentOre = p.monthlyRentOre ?? offer.dwelling.monthlyRentOre;
      state.phase = 'lease';
      const due = deadline(today, { weeks: policyOf(state).moveInTasksWithinWeeks });
      const officer = state.housingOfficerId ?? actor.id;
      openTask(state, now, { id: 'sign-lease', kind: 'sign_lease', title: 'Inngå leiekontrakt', role: 'housing_officer', assigneeId: officer, dueDate: due });
      openTask(state, now, { id: 'house-rules', kind: 'house_rules', title: 'Gå gjennom husordensreglene med leietaker', role: 'housing_officer', assigneeId: officer, dueDate: due });
      openTask(state, now, { id: 'move-in-checklist', kind: 'move_in_checklist', title: 'Gå gjennom og signer sjekkliste for boligen', role: 'housing_officer', assigneeId: officer, dueDate: due });
      openTask(state, now, { id: 'housing-allowance', kind: 'housing_allowance', title: 'Bistå med søknad om bostøtte og transporterklæring', role: 'housing_officer', assigneeId: officer, dueDate: twoWeeksAfter(state, due) });
      openTask(state, now, { id: 'follow-up-agreement', kind: 'follow_up_agreement', title: 'Avklar oppfølgingsavtale (eller at den ikke trengs)', role: 'housing_officer', assigneeId: officer, dueDate: due });
      const message = `Søkeren takket ja til ${offer.dwelling.address}. Husleien er satt til ${formatKroner(state.monthlyRentOre)} per måned.`;
      addEvent(state, now, { kind: 'offer_accepted', actorId: actor.id, summary: message, data: { dwellingId: offer.dwelling.id, monthlyRentOre: state.monthlyRentOre } });
      return message;
    },
  },
};

/**
 * A private-rental case closed (patched 'private-rental-referral'): back to the municipal process
 * (the application awaits a decision again, with its interviews), or the case closes as referred to
 * the private market. A repeat of the same signal (a retried activity) changes nothing.
 */
export function recordPrivateRentalOutcome(
  state: TenancyState,
  o: { privateRentalWorkflowId: string; outcome: string; date: string },
  now: number,
): void {
  if (state.phase !== 'private_rental' || state.privateRental?.workflowId !== o.privateRentalWorkflowId) return;
  state.privateRental = undefined;
  if (o.outcome === 'municipal_process') {
    state.phase = 'application';
    openTask(state, now, {
      id: 'decision',
      kind: 'decision',
      title: 'Fatt vedtak om kommunal bolig (tilbake fra hjelp til å leie privat)',
      role: 'housing_officer',
      assigneeId: state.housingOfficerId,
      dueDate: deadline(o.date, { weeks: policyOf(state).decisionWithinWeeks }),
    });
    addEvent(state, now, { kind: 'returned_from_private_rental', summary: 'Saken er tilbake i den kommunale prosessen og venter på vedtak.' });
    return;
  }
  closeCase(state, 'referred_private_market');
  addEvent(state, now, { kind: 'case_closed', summary: 'Saken om hjelp til å leie privat er avsluttet, og saken er lukket.', data: { reason: state.closedReason, outcome: o.outcome } });
}

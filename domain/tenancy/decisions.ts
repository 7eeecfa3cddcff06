import type { z } from 'zod';
import type { VisitFrequency } from '../agreement-template';
import { visitsText } from '../agreement-template';
import { addDays, compareDates, deadline, type IsoDate } from '../calendar';
import { assumedReceiptDate } from '../letters/dispatch';
import type { appealPayloads } from '../schemas/case-actions';
import { queueLetter } from './case-letters';
import type { ActionContext, ActionRule } from './rule';
import { addEvent, addRecord, closeTask, hasFeature, openTask, policyOf, type IndividualDecision, type TenancyState } from './state';
import { startFollowUp } from './timers';

type P<T extends string> = Extract<z.infer<(typeof appealPayloads)[number]>, { type: T }>;

/**
 * Individual decisions (enkeltvedtak): forvaltningsloven §§ 24–27 (written, reasoned, the appeal
 * right, the three-week deadline, where to appeal, the right to see the documents: all in the
 * `decision` letter template) and §§ 28–34 (appeal: the municipality reviews first and either
 * reverses or forwards to the Statsforvalteren). Boligsosial lov § 6: help is not reduced or ended
 * without a new decision. Patched 'individual-decisions'.
 */

export const APPLICATION_LEGAL_BASIS = 'Lov om kommunenes ansvar på det boligsosiale feltet § 6 og kommunens retningslinjer for tildeling av kommunal bolig';
export const FOLLOW_UP_LEGAL_BASIS = 'Lov om kommunenes ansvar på det boligsosiale feltet § 6 (individuelt tilpasset bistand)';

/**
 * Three weeks from the letter's assumed receipt (fvl. § 29), counted from the decision's date plus the
 * municipality's default receipt days: the letter is posted the day it is made. A business day.
 */
export function appealDeadlineFor(date: IsoDate): IsoDate {
  return deadline(assumedReceiptDate(date), { weeks: 3 });
}

export const decisionOf = (state: TenancyState, id: string): IndividualDecision | undefined => state.individualDecisions?.find((d) => d.id === id);

/** Records the decision and queues its letter to the tenant: the decision, the reasons, the rules, and how to appeal. */
export function recordIndividualDecision(state: TenancyState, d: Omit<IndividualDecision, 'appealDeadline'>, title: string): IndividualDecision {
  const decision: IndividualDecision = { ...d, appealDeadline: appealDeadlineFor(d.date) };
  state.individualDecisions = [...(state.individualDecisions ?? []).filter((x) => x.id !== d.id), decision];
  addRecord(state, { kind: 'individual_decision', key: decision.id, data: { ...decision } });
  queueLetter(state, {
    key: `${state.caseId}#decision#${decision.id}`,
    kind: 'decision',
    channel: 'post',
    date: decision.date,
    fields: { subject: title, decision: decision.decision, reasons: decision.reasons, legalBasis: decision.legalBasis },
    purpose: { type: 'decision', decisionId: decision.id },
  });
  return decision;
}

/** Visits per year at a frequency: to tell a revision that cuts visits from one that does not. */
function visitsPerYear(f: VisitFrequency): number {
  return (f.times * (f.per === 'week' ? 52 : 12)) / (f.every ?? 1);
}

/** A newly signed agreement version with fewer visits than the one it replaces is a decision reducing the help. */
export function recordReductionIfFewerVisits(state: TenancyState, before: VisitFrequency | undefined, after: VisitFrequency, ctx: ActionContext, version: number, reason: string): void {
  if (!hasFeature(state, 'individual-decisions') || !before || visitsPerYear(after) >= visitsPerYear(before)) return;
  recordIndividualDecision(
    state,
    {
      id: `follow-up-reduced-v${version}`,
      subject: 'follow_up_reduced',
      outcome: 'reduced',
      date: ctx.today,
      decision: `Hjemmebesøkene i oppfølgingsavtalen endres fra ${visitsText(before)} til ${visitsText(after)} fra ${ctx.today}.`,
      reasons: reason,
      legalBasis: FOLLOW_UP_LEGAL_BASIS,
      decidedBy: ctx.actor.id,
    },
    'Endring av oppfølging (færre hjemmebesøk)',
  );
  addEvent(state, ctx.now, {
    kind: 'individual_decision',
    actorId: ctx.actor.id,
    summary: `Vedtak: hjemmebesøkene reduseres fra ${visitsText(before)} til ${visitsText(after)}. Leietaker får vedtaket skriftlig med klagefrist.`,
    data: { decisionId: `follow-up-reduced-v${version}` },
  });
}

/** What a decision reversed on appeal undoes. */
function reverse(state: TenancyState, decision: IndividualDecision, ctx: ActionContext): string {
  if (decision.subject === 'application') {
    state.decision = { ...state.decision!, outcome: 'approved' };
    state.phase = 'allocation';
    state.offers ??= [];
    openTask(state, ctx.now, {
      id: 'offer-dwelling',
      kind: 'offer_dwelling',
      title: 'Klagen på avslaget er tatt til følge: tildel en bolig som passer',
      role: 'housing_officer',
      assigneeId: state.housingOfficerId,
      dueDate: deadline(ctx.today, { weeks: policyOf(state).decisionWithinWeeks }),
    });
    return 'Søknaden er innvilget etter klage. Saken er klar for tildeling av bolig.';
  }
  if (decision.subject === 'follow_up_ended') {
    if (state.followUp && state.followUp.status !== 'none' && state.phase === 'follow_up' && !state.ending) {
      state.followUp.status = 'active';
      state.followUp.declinedDate = undefined;
      closeTask(state, 'follow-up-declined');
      startFollowUp(state, ctx.today);
    }
    return 'Oppfølgingen fortsetter etter klage, med hjemmebesøk som i avtalen.';
  }
  openTask(state, ctx.now, {
    id: 'revise-agreement',
    kind: 'revise_agreement',
    title: 'Klagen er tatt til følge: lag ny oppfølgingsavtale med hjemmebesøk som før, og få den signert',
    role: 'housing_officer',
    assigneeId: state.housingOfficerId,
    dueDate: deadline(ctx.today, { weeks: 2 }),
  });
  return 'Klagen er tatt til følge: en ny avtale med hjemmebesøk som før skal lages og signeres.';
}

function closeRejectedApplication(state: TenancyState): void {
  state.status = 'closed';
  state.phase = 'closed';
  state.closedReason = 'rejected';
  state.tasks = [];
}

/** A rejected application waits for its appeal deadline (the case must still take an appeal); then it closes. */
export function rejectionCloses(state: TenancyState): IsoDate | undefined {
  const d = decisionOf(state, 'application');
  if (state.status !== 'active' || state.phase !== 'application' || d?.outcome !== 'rejected' || d.appeal) return undefined;
  return addDays(d.appealDeadline, 1);
}

export function closeAfterAppealDeadline(state: TenancyState, now: number): void {
  const d = decisionOf(state, 'application')!;
  closeRejectedApplication(state);
  addEvent(state, now, { kind: 'case_closed', summary: `Klagefristen for avslaget gikk ut ${d.appealDeadline} uten klage. Saken er avsluttet.`, data: { reason: 'rejected' } });
}

const APPEAL_ROLES: ActionRule<P<'registerAppeal'>>['roles'] = ['housing_officer', 'housing_office'];

export const appealRules: { registerAppeal: ActionRule<P<'registerAppeal'>>; decideAppeal: ActionRule<P<'decideAppeal'>> } = {
  registerAppeal: {
    roles: APPEAL_ROLES,
    reject(s, p, { today }) {
      const d = decisionOf(s, p.decisionId);
      if (!d) return 'Saken har ikke noe vedtak med denne ID-en.';
      if (d.appeal) return 'Klagen på dette vedtaket er allerede registrert.';
      if (compareDates(p.receivedDate, d.date) < 0) return 'Klagen kan ikke være mottatt før vedtaket ble fattet.';
      if (compareDates(p.receivedDate, today) > 0) return 'Datoen kan ikke ligge fram i tid.';
      return undefined;
    },
    apply(state, p, { now, today, actor }) {
      const d = decisionOf(state, p.decisionId)!;
      d.appeal = { receivedDate: p.receivedDate, registeredBy: actor.id, ...(p.note ? { note: p.note } : {}) };
      // Fvl. § 31: a late appeal may still be heard; the housing officer says so in the review.
      const late = compareDates(p.receivedDate, d.appealDeadline) > 0;
      openTask(state, now, {
        id: `appeal-${d.id}`,
        kind: 'appeal_review',
        title: `Behandle klagen på vedtaket (${d.decision.slice(0, 80)}): omgjør vedtaket, eller send klagen til klageinstansen${late ? '. Klagen kom etter fristen (forvaltningsloven § 31)' : ''}`,
        role: 'housing_officer',
        assigneeId: state.housingOfficerId,
        dueDate: deadline(today, { weeks: 3 }),
      });
      addRecord(state, { kind: 'individual_decision', key: d.id, data: { ...d } });
      const message = `Klage på vedtaket er registrert (mottatt ${p.receivedDate}${late ? ', etter klagefristen' : ''}). Kommunen vurderer den først.`;
      addEvent(state, now, { kind: 'appeal_registered', actorId: actor.id, summary: message, data: { decisionId: d.id, receivedDate: p.receivedDate, late } });
      return message;
    },
  },
  decideAppeal: {
    roles: APPEAL_ROLES,
    reject(s, p) {
      const d = decisionOf(s, p.decisionId);
      if (!d?.appeal) return 'Det er ingen registrert klage på dette vedtaket.';
      if (p.stage === 'review') {
        if (d.appeal.review) return 'Kommunen har allerede behandlet klagen.';
        if (p.outcome === 'upheld') return 'Kommunen kan omgjøre vedtaket eller sende klagen til klageinstansen (forwarded); bare klageinstansen stadfester.';
        return undefined;
      }
      if (d.appeal.review?.outcome !== 'forwarded') return 'Klagen er ikke sendt til klageinstansen.';
      if (d.appeal.final) return 'Klageinstansens avgjørelse er allerede registrert.';
      if (p.outcome === 'forwarded') return 'Klageinstansen stadfester eller omgjør vedtaket.';
      return undefined;
    },
    apply(state, p, ctx) {
      const { now, actor } = ctx;
      const d = decisionOf(state, p.decisionId)!;
      const appeal = d.appeal!;
      let message: string;
      if (p.stage === 'review') {
        appeal.review = { outcome: p.outcome as 'reversed' | 'forwarded', date: p.date, reasons: p.reasons, by: actor.id };
        closeTask(state, `appeal-${d.id}`);
        if (p.outcome === 'reversed') {
          message = `Kommunen har omgjort vedtaket etter klage. ${reverse(state, d, ctx)}`;
        } else {
          openTask(state, now, {
            id: `appeal-body-${d.id}`,
            kind: 'appeal_awaiting',
            title: 'Klagen er sendt til klageinstansen: registrer avgjørelsen når den kommer',
            role: 'housing_officer',
            assigneeId: state.housingOfficerId,
            dueDate: deadline(p.date, { months: 3 }),
          });
          message = 'Kommunen opprettholder vedtaket. Klagen er sendt til klageinstansen, som avgjør den.';
        }
        // Fvl. § 33: the tenant is told in writing what the municipality did with the appeal.
        queueLetter(state, {
          key: `${state.caseId}#decision#${d.id}#review`,
          kind: 'decision',
          channel: 'post',
          date: p.date,
          fields: {
            subject: 'Klagen din',
            decision: p.outcome === 'reversed' ? `Vi har gått gjennom klagen din og endrer vedtaket: ${message}` : 'Vi har gått gjennom klagen din og opprettholder vedtaket. Klagen er sendt videre til klageinstansen, som avgjør den. Du får svar derfra.',
            reasons: p.reasons,
            legalBasis: `${d.legalBasis}; forvaltningsloven § 33`,
          },
        });
      } else {
        appeal.final = { outcome: p.outcome as 'upheld' | 'reversed', date: p.date, reasons: p.reasons, by: actor.id };
        closeTask(state, `appeal-body-${d.id}`);
        if (p.outcome === 'reversed') message = `Klageinstansen har omgjort vedtaket. ${reverse(state, d, ctx)}`;
        else if (d.subject === 'application' && state.phase === 'application') {
          closeRejectedApplication(state);
          message = 'Klageinstansen har stadfestet avslaget. Saken er avsluttet.';
        } else message = 'Klageinstansen har stadfestet vedtaket.';
      }
      addRecord(state, { kind: 'individual_decision', key: d.id, data: { ...d } });
      addEvent(state, now, { kind: 'appeal_decided', actorId: actor.id, summary: message, data: { decisionId: d.id, stage: p.stage, outcome: p.outcome } });
      return message;
    },
  },
};

import type { z } from 'zod';
import type { committeePayloads } from '../schemas/case-actions';
import { deadline } from '../calendar';
import { allocationRules } from './phase-allocation';
import { rentRules } from './phase-rent';
import type { ActionContext, ActionRule } from './rule';
import { addEvent, hasFeature, openTask, type TenancyState } from './state';

export type { CommitteeEffect } from '../schemas/case-actions';

type P = z.infer<(typeof committeePayloads)[number]>;

function evictionPayload(p: P) {
  return {
    type: 'recordCommitteeDecision' as const,
    outcome: p.effect.kind as 'approve_eviction_request' | 'reject_eviction_request',
    date: p.date,
    meetingId: p.meetingId,
    note: p.text,
  };
}

const referralPayload = (p: P) => ({ type: 'referElsewhere' as const, outcome: 'private_market' as const, note: p.text });

const offerPayload = (p: P & { effect: { kind: 'allocate_dwelling' } }) => ({ type: 'offerDwelling' as const, dwelling: p.effect.dwelling });

function committeeTask(state: TenancyState, p: P, ctx: ActionContext, id: string, title: string): void {
  openTask(state, ctx.now, {
    id,
    kind: 'committee_decision',
    title,
    role: 'housing_officer',
    ...(state.housingOfficerId ? { assigneeId: state.housingOfficerId } : {}),
    dueDate: p.deadline ?? deadline(ctx.today, { weeks: 2 }),
  });
}

export const committeeRules: { applyCommitteeDecision: ActionRule<P> } = {
  applyCommitteeDecision: {
    roles: ['committee_member', 'housing_office'],
    reject(s, p, ctx) {
      switch (p.effect.kind) {
        case 'approve_eviction_request':
        case 'reject_eviction_request':
          return rentRules.recordCommitteeDecision.reject(s, evictionPayload(p), ctx);
        case 'allocate_dwelling':
          return allocationRules.offerDwelling.reject(s, offerPayload(p as P & { effect: { kind: 'allocate_dwelling' } }), ctx);
        case 'refer_private_rental':
          if (!hasFeature(s, 'private-rental-referral')) return 'Saken kan ikke henvises til hjelp til å leie privat før den er oppdatert. Prøv igjen senere.';
          return allocationRules.referElsewhere.reject(s, referralPayload(p), ctx);
        case 'return_to_municipal_process':
          if (s.phase !== 'private_rental' || !s.privateRental) return 'Saken følges ikke i prosessen for hjelp til å leie privat.';
          if (s.privateRental.returnRequested) return 'Boligutvalget har allerede bedt om at saken går tilbake til den kommunale prosessen.';
          return undefined;
        default:
          return undefined;
      }
    },
    apply(state, p, ctx) {
      let outcome: string;
      switch (p.effect.kind) {
        case 'approve_eviction_request':
        case 'reject_eviction_request':
          outcome = rentRules.recordCommitteeDecision.apply(state, evictionPayload(p), ctx);
          break;
        case 'allocate_dwelling':
          outcome = allocationRules.offerDwelling.apply(state, offerPayload(p as P & { effect: { kind: 'allocate_dwelling' } }), ctx);
          break;
        case 'call_three_party_meeting':
          committeeTask(state, p, ctx, 'committee-three-party-meeting', `Boligutvalget ba om trepartsmøte: ${p.text}`);
          outcome = 'Trepartsmøte skal kalles inn.';
          break;
        case 'start_up_loan_assessment':
          committeeTask(state, p, ctx, 'committee-start-up-loan', `Boligutvalget ba om vurdering av startlån: ${p.text}`);
          outcome = 'Startlån skal vurderes.';
          break;
        case 'refer_private_rental':
          outcome = allocationRules.referElsewhere.apply(state, referralPayload(p), ctx);
          break;
        case 'return_to_municipal_process':
          // The private-rental workflow decides whether the case can leave now (its open ends), and
          // reports back when it closes; the tenancy's workflow tells it (patched by the effect's novelty).
          state.privateRental!.returnRequested = { date: p.date, text: p.text, meetingId: p.meetingId, itemId: p.itemId, sent: false };
          outcome = 'Saken skal tilbake til den kommunale prosessen.';
          break;
        case 'note':
          outcome = 'Vedtaket er notert i saken.';
      }
      const message = `Boligutvalget (${p.date}): ${p.text}${p.responsible ? ` Ansvarlig: ${p.responsible}.` : ''}${p.deadline ? ` Frist: ${p.deadline}.` : ''} ${outcome}`;
      addEvent(state, ctx.now, { kind: 'committee_decision_received', actorId: ctx.actor.id, summary: message, data: { meetingId: p.meetingId, itemId: p.itemId, effect: p.effect.kind } });
      return message;
    },
  },
};

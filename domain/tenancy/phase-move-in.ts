import { ALLOWANCE_TASK, paidOutOre } from '../rent/allowance';
import { formatKroner } from '../rent/ledger';
import type { z } from 'zod';
import { DEFAULT_TEMPLATE, fillAgreementRows, visitsText, type AgreementTemplate } from '../agreement-template';
import type { AgreementTerms, LeaseTerms, moveInPayloads } from '../schemas/case-actions';
import { addDays, addMonths, addYears, compareDates, deadline } from '../calendar';
import type { ActionContext, ActionRule } from './rule';
import { inPhase } from './rule';
import {
  activeAgreement,
  addEvent,
  addRecord,
  AGREEMENT_PARTIES,
  closeTask,
  currentAgreement,
  currentLease,
  hasFeature,
  hasTask,
  openTask,
  policyOf,
  type AgreementVersion,
  type TenancyState,
} from './state';
import { startRent } from './rent';
import { startFollowUp } from './timers';
import { recordReductionIfFewerVisits } from './decisions';

type P<T extends string> = Extract<z.infer<(typeof moveInPayloads)[number]>, { type: T }>;

/** Validates lease terms against § 9-3 / § 11-1; returns the end date or a reason to refuse. */
export function leaseEnd(state: TenancyState, lease: LeaseTerms): { endDate: string } | { error: string } {
  const standardEnd = addDays(addYears(lease.startDate, policyOf(state).leaseYears), -1);
  const endDate = lease.endDate ?? standardEnd;
  if (compareDates(endDate, lease.startDate) <= 0) return { error: 'Sluttdatoen må være etter startdatoen.' };
  if (compareDates(endDate, standardEnd) < 0 && !lease.shorterTermReason) {
    return { error: `En leiekontrakt kortere enn ${policyOf(state).leaseYears} år krever en begrunnelse (husleieloven § 11-1), og leietaker må få skriftlig beskjed.` };
  }
  return { endDate };
}

export function addLease(state: TenancyState, lease: LeaseTerms, endDate: string, ctx: ActionContext): string {
  const dwellingId = state.offers?.findLast((o) => o.answer === 'accepted')?.dwelling.id ?? currentLease(state)?.dwellingId ?? 'ukjent';
  const entry = {
    seq: (state.leases?.length ?? 0) + 1,
    dwellingId,
    startDate: lease.startDate,
    endDate,
    signedDate: lease.signedDate,
    monthlyRentOre: state.monthlyRentOre ?? 0,
    depositOre: lease.depositOre,
    shorterTermReason: lease.shorterTermReason,
  };
  (state.leases ??= []).push(entry);
  state.renewal = {};
  closeTask(state, 'lease-expired');
  if (hasFeature(state, 'agreement-follows-lease')) agreementFollowsLease(state, entry.seq, endDate);
  addRecord(state, { kind: 'lease', key: String(entry.seq), data: { ...entry } });
  const message = `Leiekontrakt nr. ${entry.seq} er signert for perioden ${entry.startDate} til ${entry.endDate}.`;
  addEvent(state, ctx.now, { kind: 'lease_signed', actorId: ctx.actor.id, summary: message, data: { seq: entry.seq, endDate } });
  return message;
}

/**
 * Seed 000: the agreement is attached to the lease and valid as long («gyldig til»). A draft takes the
 * new lease's last day; so does an agreement signed before the first lease, whose date was provisional.
 * A signed agreement of an earlier lease keeps its date: the renewal asks for a new version.
 */
function agreementFollowsLease(state: TenancyState, leaseSeq: number, endDate: string): void {
  for (const a of state.agreements ?? []) {
    if (a.status === 'superseded' || a.validUntil === endDate) continue;
    if (a.status === 'active' && leaseSeq > 1) continue;
    a.validUntil = endDate;
    addRecord(state, { kind: 'agreement', key: String(a.version), data: { ...a } });
  }
}

/** Drafts a new agreement version from the municipal template; it is valid to the end of the current lease. */
export function draftAgreement(state: TenancyState, terms: AgreementTerms, ctx: ActionContext, template: AgreementTemplate = DEFAULT_TEMPLATE): AgreementVersion {
  const params = { visitFrequency: terms.visitFrequency, lockedDoorWaitMinutes: terms.lockedDoorWaitMinutes, deviationWeeks: terms.deviationWeeks };
  const draft: AgreementVersion = {
    version: (state.agreements?.length ?? 0) + 1,
    templateVersion: template.version,
    rows: fillAgreementRows(template, terms.optionalRows, params),
    optionalRowsChosen: terms.optionalRows,
    ...params,
    followUpWorkerId: terms.followUpWorkerId,
    housingOfficerId: terms.housingOfficerId ?? state.housingOfficerId ?? ctx.actor.id,
    validUntil: currentLease(state)?.endDate ?? addYears(ctx.today, policyOf(state).leaseYears),
    createdDate: ctx.today,
    reason: terms.reason ?? (state.agreements?.length ? 'Revisjon' : 'Ny avtale ved innflytting'),
    signatures: {},
    status: 'draft',
  };
  state.agreements = [...(state.agreements ?? []).filter((a) => a.status !== 'draft'), draft];
  state.followUpNeeded = true;
  state.followUpWorkerId = terms.followUpWorkerId;
  for (const party of AGREEMENT_PARTIES) {
    openTask(state, ctx.now, {
      id: `sign-agreement-${party}`,
      kind: 'sign_agreement',
      title: `Signer oppfølgingsavtale versjon ${draft.version} (${party === 'tenant' ? 'leietaker' : party === 'follow_up_worker' ? 'oppfølger' : 'boligkonsulent'})`,
      role: party === 'tenant' ? 'housing_officer' : party,
      assigneeId: party === 'follow_up_worker' ? draft.followUpWorkerId : party === 'housing_officer' ? draft.housingOfficerId : undefined,
      dueDate: deadline(ctx.today, { weeks: 1 }),
    });
  }
  addRecord(state, { kind: 'agreement', key: String(draft.version), data: { ...draft } });
  return draft;
}

function readyToMoveIn(state: TenancyState): string | undefined {
  if (!currentLease(state)) return 'Leiekontrakten må signeres før innflytting.';
  if (!state.houseRules) return 'Husordensreglene må gjennomgås før innflytting.';
  if (!state.checklist?.signedDate) return 'Sjekklisten for boligen må signeres av leietaker før innflytting.';
  if (state.followUpNeeded === undefined) return 'Avklar om leietaker skal ha oppfølgingsavtale før innflytting.';
  if (state.followUpNeeded && !activeAgreement(state)) return 'Oppfølgingsavtalen må signeres av alle tre parter før innflytting.';
  return undefined;
}

export const moveInRules: {
  signLease: ActionRule<P<'signLease'>>;
  reviewHouseRules: ActionRule<P<'reviewHouseRules'>>;
  confirmChecklistItems: ActionRule<P<'confirmChecklistItems'>>;
  signChecklist: ActionRule<P<'signChecklist'>>;
  recordHousingAllowance: ActionRule<P<'recordHousingAllowance'>>;
  createAgreement: ActionRule<P<'createAgreement'>>;
  signAgreement: ActionRule<P<'signAgreement'>>;
  declareNoFollowUp: ActionRule<P<'declareNoFollowUp'>>;
  recordMoveIn: ActionRule<P<'recordMoveIn'>>;
} = {
  signLease: {
    roles: ['housing_officer'],
    reject(s, { lease }) {
      if (!inPhase(s, 'lease')) return 'Leiekontrakt kan bare signeres etter at et botilbud er akseptert.';
      if (currentLease(s)) return 'Leiekontrakten er allerede signert.';
      const end = leaseEnd(s, lease);
      return 'error' in end ? end.error : undefined;
    },
    apply(state, { lease }, ctx) {
      const end = leaseEnd(state, lease) as { endDate: string };
      closeTask(state, 'sign-lease');
      return addLease(state, lease, end.endDate, ctx);
    },
  },
  reviewHouseRules: {
    roles: ['housing_officer'],
    reject: (s) => (inPhase(s, 'lease') ? undefined : 'Husordensreglene gjennomgås ved innflytting.'),
    apply(state, p, { now, actor }) {
      state.houseRules = { language: p.language, reviewedDate: p.reviewedDate };
      closeTask(state, 'house-rules');
      addRecord(state, { kind: 'house_rules', key: 'house_rules', data: { ...state.houseRules } });
      const message = `Husordensreglene er gjennomgått på ${p.language}.`;
      addEvent(state, now, { kind: 'house_rules_reviewed', actorId: actor.id, summary: message });
      return message;
    },
  },
  confirmChecklistItems: {
    roles: ['housing_officer'],
    reject(s, { itemIds }) {
      if (!inPhase(s, 'lease')) return 'Sjekklisten gjennomgås ved innflytting.';
      if (s.checklist?.signedDate) return 'Sjekklisten er allerede signert.';
      const known = new Set(policyOf(s).checklistItems.map((i) => i.id));
      const unknown = itemIds.filter((id) => !known.has(id));
      return unknown.length ? `Ukjent punkt på sjekklisten: ${unknown.join(', ')}.` : undefined;
    },
    apply(state, { itemIds, date }, { now, actor }) {
      state.checklist ??= { items: policyOf(state).checklistItems.map((i) => ({ ...i })) };
      for (const item of state.checklist.items) if (itemIds.includes(item.id)) item.confirmedDate ??= date;
      const left = state.checklist.items.filter((i) => !i.confirmedDate).length;
      const message = left ? `${itemIds.length} punkt bekreftet; ${left} gjenstår på sjekklisten.` : 'Alle punktene på sjekklisten er bekreftet. Leietaker kan signere.';
      addEvent(state, now, { kind: 'checklist_items_confirmed', actorId: actor.id, summary: message, data: { itemIds } });
      return message;
    },
  },
  signChecklist: {
    roles: ['housing_officer'],
    reject(s) {
      if (!inPhase(s, 'lease')) return 'Sjekklisten signeres ved innflytting.';
      const left = s.checklist?.items.filter((i) => !i.confirmedDate) ?? policyOf(s).checklistItems;
      return left.length ? `Sjekklisten kan ikke signeres før alle punktene er bekreftet. Gjenstår: ${left.map((i) => i.label).join('; ')}.` : undefined;
    },
    apply(state, { signedDate }, { now, actor }) {
      state.checklist!.signedDate = signedDate;
      closeTask(state, 'move-in-checklist');
      addRecord(state, { kind: 'checklist', key: 'move_in', data: { ...state.checklist! } });
      const message = 'Sjekklisten for boligen er signert av leietaker.';
      addEvent(state, now, { kind: 'checklist_signed', actorId: actor.id, summary: message });
      return message;
    },
  },
  recordHousingAllowance: {
    // The housing office checks the allowance decision when Husbanken's payment does not come.
    roles: ['housing_officer', 'housing_office'],
    reject: (s) => (inPhase(s, 'lease', 'follow_up') ? undefined : 'Bostøtte registreres når leieforholdet er etablert.'),
    apply(state, p, { now, actor }) {
      const expected = [...(state.housingAllowance?.expected ?? [])];
      const fromPeriod = p.fromPeriod ?? p.date.slice(0, 7);
      const stopped = (p.status === 'rejected' || p.status === 'not_applicable') && expected.length > 0;
      if (p.monthlyAllowanceOre !== undefined || stopped) expected.push({ fromPeriod, monthlyOre: p.monthlyAllowanceOre ?? 0, date: p.date });
      state.housingAllowance = { status: p.status, assignmentDeclarationSigned: p.assignmentDeclarationSigned, date: p.date, ...(expected.length ? { expected } : {}) };
      if (p.status !== 'applied') closeTask(state, 'housing-allowance');
      if (p.monthlyAllowanceOre !== undefined || stopped) {
        // The decision is checked: the missing-allowance tasks it answers are done, and the rent is checked again.
        state.tasks = state.tasks.filter((t) => !(t.id.startsWith(ALLOWANCE_TASK) && t.id.slice(ALLOWANCE_TASK.length) >= fromPeriod));
        if (state.rent) state.rent.checkRequested = true;
      }
      addRecord(state, { kind: 'housing_allowance', key: p.date, data: { ...state.housingAllowance } });
      const labels = { applied: 'søkt', granted: 'innvilget', rejected: 'avslått', not_applicable: 'ikke aktuell' } as const;
      const amount =
        p.monthlyAllowanceOre === undefined
          ? ''
          : paidOutOre(p.monthlyAllowanceOre) === 0
            ? ` Beløpet (${formatKroner(p.monthlyAllowanceOre)} i måneden fra ${fromPeriod}) er under 300 kr og utbetales ikke av Husbanken: leietaker betaler hele husleien.`
            : ` Ventet bostøtte ${formatKroner(p.monthlyAllowanceOre)} i måneden fra ${fromPeriod}; leietaker betaler resten av husleien på forfallsdagen.`;
      const message = `Bostøtte: ${labels[p.status]}${p.assignmentDeclarationSigned ? ', transporterklæring signert (bostøtten utbetales til kommunen)' : ''}.${amount}`;
      addEvent(state, now, { kind: 'housing_allowance_recorded', actorId: actor.id, summary: message });
      return message;
    },
  },
  createAgreement: {
    roles: ['housing_officer'],
    reject(s) {
      if (inPhase(s, 'lease')) return undefined;
      if (inPhase(s, 'follow_up') && (hasTask(s, 'revise-agreement') || hasTask(s, 'renew-agreement') || hasTask(s, 'agreement-lapsed'))) return undefined;
      return 'En ny versjon av oppfølgingsavtalen lages ved innflytting, etter en evaluering eller ved fornyelse.';
    },
    apply(state, { terms, template }, ctx) {
      const draft = draftAgreement(state, terms, ctx, template);
      closeTask(state, 'revise-agreement');
      closeTask(state, 'renew-agreement');
      const message = `Oppfølgingsavtale versjon ${draft.version} er laget (${draft.rows.length} situasjoner, hjemmebesøk ${visitsText(draft.visitFrequency)}). Den må signeres av leietaker, oppfølger og boligkonsulent.`;
      addEvent(state, ctx.now, { kind: 'agreement_drafted', actorId: ctx.actor.id, summary: message, data: { version: draft.version } });
      return message;
    },
  },
  signAgreement: {
    roles: ['housing_officer', 'follow_up_worker'],
    reject(s, { party }, { actor }) {
      const draft = currentAgreement(s);
      if (!draft || draft.status !== 'draft') return 'Det finnes ingen oppfølgingsavtale som venter på signatur.';
      if (draft.signatures[party]) return 'Denne parten har allerede signert.';
      if (party === 'follow_up_worker' && actor.id !== draft.followUpWorkerId && !actor.roles.includes('admin')) return 'Bare oppfølgeren i avtalen kan signere for oppfølgingstjenesten.';
      return undefined;
    },
    apply(state, { party, date }, ctx) {
      const draft = currentAgreement(state)!;
      draft.signatures[party] = date;
      closeTask(state, `sign-agreement-${party}`);
      if (AGREEMENT_PARTIES.some((p) => !draft.signatures[p])) {
        const message = `Oppfølgingsavtale versjon ${draft.version} er signert av ${party === 'tenant' ? 'leietaker' : party === 'follow_up_worker' ? 'oppfølger' : 'boligkonsulent'}.`;
        addEvent(state, ctx.now, { kind: 'agreement_signed_by_party', actorId: ctx.actor.id, summary: message, data: { party } });
        return message;
      }
      const before = activeAgreement(state);
      for (const a of state.agreements ?? []) if (a.status === 'active') a.status = 'superseded';
      draft.status = 'active';
      closeTask(state, 'follow-up-agreement');
      closeTask(state, 'agreement-lapsed');
      addRecord(state, { kind: 'agreement', key: String(draft.version), data: { ...draft } });
      const message = `Oppfølgingsavtale versjon ${draft.version} er signert av alle tre parter og gjelder til ${draft.validUntil}.`;
      addEvent(state, ctx.now, { kind: 'agreement_signed', actorId: ctx.actor.id, summary: message, data: { version: draft.version } });
      // A revised agreement during follow-up may change the visit frequency: start counting afresh.
      if (inPhase(state, 'follow_up') && state.followUp?.status === 'active') {
        startFollowUp(state, ctx.today);
        // Fewer visits than before reduce the help: an individual decision the tenant can appeal.
        const lastEvaluation = state.evaluations?.at(-1)?.note;
        const reason = draft.reason !== 'Revisjon' ? draft.reason : (lastEvaluation ?? 'Evalueringen av avtalen viste at du trenger færre hjemmebesøk enn før.');
        recordReductionIfFewerVisits(state, before?.visitFrequency, draft.visitFrequency, ctx, draft.version, reason);
      }
      return message;
    },
  },
  declareNoFollowUp: {
    roles: ['housing_officer'],
    reject: (s) => (inPhase(s, 'lease') && !activeAgreement(s) ? undefined : 'Dette avklares før innflytting, og ikke når en avtale er signert.'),
    apply(state, { reason }, { now, actor }) {
      state.followUpNeeded = false;
      state.agreements = (state.agreements ?? []).filter((a) => a.status !== 'draft');
      state.tasks = state.tasks.filter((t) => t.kind !== 'sign_agreement');
      closeTask(state, 'follow-up-agreement');
      const message = 'Det er avklart at leietaker ikke trenger oppfølgingsavtale.';
      addEvent(state, now, { kind: 'no_follow_up_needed', actorId: actor.id, summary: message, data: { reason } });
      return message;
    },
  },
  recordMoveIn: {
    roles: ['housing_officer'],
    reject: (s) => (inPhase(s, 'lease') ? readyToMoveIn(s) : 'Innflytting kan bare registreres når leiekontrakt og avtaler er på plass.'),
    apply(state, { moveInDate }, ctx) {
      state.moveInDate = moveInDate;
      state.phase = 'follow_up';
      state.followUp = { status: state.followUpNeeded ? 'active' : 'none', missedWindows: 0, visits: [] };
      state.nextOwnershipDialogue = addMonths(moveInDate, policyOf(state).ownershipDialogueMonths);
      if (state.followUp.status === 'active') startFollowUp(state, moveInDate);
      if (state.rentEnabled) startRent(state, { moveIn: moveInDate });
      const message = `Leietaker flyttet inn ${moveInDate}. Oppfølgingsfasen har startet.`;
      addEvent(state, ctx.now, { kind: 'moved_in', actorId: ctx.actor.id, summary: message });
      return message;
    },
  },
};

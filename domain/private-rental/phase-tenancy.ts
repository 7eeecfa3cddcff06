import { addBusinessDays, compareDates, deadline, type IsoDate } from '../calendar';
import { formatKroner } from '../dwelling';
import type { Role } from '../roles';
import { checkLandlordNotice, claimDecisionProblem, claimOutcome, guaranteeClaimDeadline } from './rules';
import type { RuleMap } from './rule';
import { addEvent, addRecord, closePrivateRental, closeTask, openTask, type PrivateRentalState } from './state';

/** Phases 4–5: overtakelse og innflytting, oppfølging og utflytting, guarantee and deposit, closing. */

const STAFF: Role[] = ['housing_officer', 'housing_office'];
const inPhase = (s: PrivateRentalState, ...phases: PrivateRentalState['phase'][]) => phases.includes(s.phase);

const followUpRole = (s: PrivateRentalState): Role => (s.followUpWorkerId ? 'follow_up_worker' : 'housing_officer');
const followUpAssignee = (s: PrivateRentalState) => s.followUpWorkerId ?? s.caseworkerId;

/**
 * What still keeps the case open after move-out: a guarantee the landlord may still claim on, a claim
 * not decided, a deposit not settled. Undefined when the case may close.
 */
export function openEnds(s: PrivateRentalState): string | undefined {
  if (s.moveInDate && !s.moveOut) {
    return s.security?.kind === 'guarantee'
      ? 'Garantien løper så lenge leieforholdet varer: registrer oppsigelse og utflytting før saken avsluttes.'
      : undefined;
  }
  if (s.moveOut && s.security?.kind === 'guarantee') {
    if (s.guaranteeClaim && !s.guaranteeClaim.decision) return 'Garantikravet må avgjøres før saken avsluttes.';
    if (!s.guaranteeClaim && !s.guaranteeLapsed) return `Utleier kan kreve garantien til ${s.claimDeadline}. Saken avsluttes når kravet er avgjort eller fristen er ute.`;
  }
  if (s.moveOut && s.security?.kind === 'deposit' && !s.depositSettlement) return 'Depositumet må gjøres opp før saken avsluttes.';
  return undefined;
}

export const tenancyRules: Pick<
  RuleMap,
  'recordTakeover' | 'recordMoveIn' | 'recordContact' | 'recordTermination' | 'recordMoveOut' | 'registerGuaranteeClaim' | 'decideGuaranteeClaim' | 'settleDeposit' | 'closePrivateRental' | 'returnToMunicipalProcess'
> = {
  recordTakeover: {
    roles: STAFF,
    reject: (s) => (inPhase(s, 'move_in') ? undefined : 'Overtakelsen registreres etter at leieavtalen er signert og før innflytting.'),
    apply(state, p, { now, today, actor }) {
      state.takeover = p;
      closeTask(state, 'pr-takeover');
      openTask(state, now, { id: 'pr-move-in', kind: 'pr_move_in', title: 'Registrer innflyttingsdato', role: 'housing_officer', assigneeId: state.caseworkerId, dueDate: deadline(today, { weeks: 2 }) });
      addRecord(state, 'takeover', { ...p });
      const missing = [
        !p.contentsInsurance && 'innboforsikring',
        !p.addressChanged && 'adresseendring',
        !p.housingAllowanceApplied && 'søknad om bostøtte',
      ].filter(Boolean);
      const message = `Overtakelsesprotokollen er registrert (${p.keys} nøkler).${missing.length ? ` Ikke på plass ennå: ${missing.join(', ')}.` : ''}`;
      addEvent(state, now, { kind: 'pr_takeover', actorId: actor.id, summary: message, data: { keys: p.keys, rentPayment: p.rentPayment, missing } });
      return message;
    },
  },
  recordMoveIn: {
    roles: STAFF,
    reject(s) {
      if (!inPhase(s, 'move_in')) return 'Innflytting registreres etter at leieavtalen er signert.';
      if (!s.takeover) return 'Overtakelsen (protokoll, målerstand, nøkler) må registreres før innflytting.';
      return undefined;
    },
    apply(state, p, { now, actor }) {
      state.moveInDate = p.date;
      state.phase = 'follow_up';
      // Kommunen tar kontakt med leietaker (og utleier om avtalt) innen de tre første månedene.
      state.firstContactDue = deadline(p.date, { months: 3 });
      closeTask(state, 'pr-move-in');
      openTask(state, now, { id: 'pr-first-contact', kind: 'pr_first_contact', title: 'Kontakt leietaker innen tre måneder etter innflytting', role: followUpRole(state), assigneeId: followUpAssignee(state), dueDate: state.firstContactDue });
      if (state.safetyAgreement?.landlordContactAgreed) {
        openTask(state, now, { id: 'pr-first-landlord-contact', kind: 'pr_first_contact', title: 'Kontakt utleier innen tre måneder etter innflytting', role: 'housing_officer', assigneeId: state.caseworkerId, dueDate: state.firstContactDue });
      }
      const message = `Innflytting ${p.date} er registrert. Første kontakt med leietaker innen ${state.firstContactDue}.`;
      addEvent(state, now, { kind: 'pr_moved_in', actorId: actor.id, summary: message, data: { moveInDate: p.date } });
      return message;
    },
  },
  recordContact: {
    roles: [...STAFF, 'follow_up_worker'],
    reject(s, p) {
      if (!inPhase(s, 'follow_up')) return 'Oppfølgingskontakt registreres etter innflytting.';
      if (compareDates(p.date, s.moveInDate!) < 0) return `Kontakten kan ikke være før innflyttingen (${s.moveInDate}).`;
      return undefined;
    },
    apply(state, p, { now, actor }) {
      state.contacts.push({ ...p, byId: actor.id });
      if (p.with === 'tenant') {
        closeTask(state, 'pr-first-contact');
        closeTask(state, 'pr-plan-contact');
        if (state.safetyPlan && !state.moveOut) {
          openTask(state, now, { id: 'pr-plan-contact', kind: 'pr_plan_contact', title: 'Kontakt leietaker slik trygghetsplanen sier', role: followUpRole(state), assigneeId: followUpAssignee(state), dueDate: deadline(p.date, { weeks: state.safetyPlan.contactEveryWeeks }) });
        }
      } else {
        closeTask(state, 'pr-first-landlord-contact');
      }
      addRecord(state, `contact-${state.contacts.length}`, { ...p, byId: actor.id });
      const message = `Kontakt med ${p.with === 'tenant' ? 'leietaker' : 'utleier'} ${p.date} er registrert.`;
      addEvent(state, now, { kind: 'pr_contact', actorId: actor.id, summary: message, data: { with: p.with, channel: p.channel } });
      return message;
    },
  },
  recordTermination: {
    roles: STAFF,
    reject(s, p) {
      if (!inPhase(s, 'follow_up')) return 'Oppsigelse registreres etter innflytting.';
      if (s.termination) return 'Leieforholdet er allerede sagt opp.';
      if (p.by === 'landlord' && !p.landlordNotice) return 'Registrer hvordan utleiers oppsigelse er gitt (skriftlig, begrunnet, med rett til å protestere).';
      if (compareDates(p.moveOutDate, p.noticeDate) < 0) return 'Fraflyttingsdatoen kan ikke være før oppsigelsen.';
      return undefined;
    },
    apply(state, p, { now, today, actor }) {
      const check = p.by === 'landlord' ? checkLandlordNotice(p.landlordNotice!, p.noticeDate, p.moveOutDate) : undefined;
      if (check?.problems.length) {
        // § 9-7: a notice without these is void. The tenant is told, and the lease runs on.
        (state.invalidNotices ??= []).push({ noticeDate: p.noticeDate, problems: check.problems });
        openTask(state, now, { id: `pr-invalid-notice-${state.invalidNotices.length}`, kind: 'pr_invalid_notice', title: 'Veiled leietaker: utleiers oppsigelse oppfyller ikke kravene i husleieloven', role: 'housing_officer', assigneeId: state.caseworkerId, dueDate: addBusinessDays(today, 3) });
        addRecord(state, `notice-${state.invalidNotices.length}`, { ...p, valid: false, problems: check.problems });
        const message = `Utleiers oppsigelse er ikke gyldig: ${check.problems.join(' ')} Leieforholdet fortsetter.`;
        addEvent(state, now, { kind: 'pr_notice_invalid', actorId: actor.id, summary: message, data: { problems: check.problems.length } });
        return message;
      }
      state.termination = { by: p.by, noticeDate: p.noticeDate, moveOutDate: p.moveOutDate, ...(check ? { objectionDeadline: check.objectionDeadline } : {}), warnings: [] };
      openTask(state, now, { id: 'pr-move-out', kind: 'pr_move_out', title: 'Gjennomfør utflytting med protokoll (målerstand, nøkler, skader)', role: 'housing_officer', assigneeId: state.caseworkerId, dueDate: addBusinessDays(p.moveOutDate, 5) });
      addRecord(state, 'termination', { ...state.termination });
      const who = p.by === 'tenant' ? 'Leietaker har sagt opp' : p.by === 'landlord' ? 'Utleier har sagt opp' : 'Utkastelse er registrert';
      const message = `${who}; fraflytting ${p.moveOutDate}.${check ? ` Leietaker kan protestere skriftlig til ${check.objectionDeadline}.` : ''}`;
      addEvent(state, now, { kind: 'pr_terminated', actorId: actor.id, summary: message, data: { by: p.by, moveOutDate: p.moveOutDate } });
      return message;
    },
  },
  recordMoveOut: {
    roles: STAFF,
    reject(s) {
      if (!inPhase(s, 'follow_up') || !s.termination) return 'Utflytting registreres etter at leieforholdet er sagt opp.';
      if (s.moveOut) return 'Utflyttingen er allerede registrert.';
      return undefined;
    },
    apply(state, p, { now, today, actor }) {
      state.moveOut = p;
      for (const id of ['pr-move-out', 'pr-plan-contact', 'pr-first-contact', 'pr-first-landlord-contact']) closeTask(state, id);
      const security = state.security;
      if (security?.kind === 'guarantee') state.claimDeadline = guaranteeClaimDeadline(p.date, security.claimDeadlineMonths);
      if (security?.kind === 'deposit') {
        openTask(state, now, { id: 'pr-deposit', kind: 'pr_deposit', title: 'Gjør opp depositumet (frigis til leietaker eller kreves av utleier)', role: 'housing_officer', assigneeId: state.caseworkerId, dueDate: deadline(today, { weeks: 4 }) });
      }
      addRecord(state, 'move-out', { ...p });
      const damagesOre = p.damages.reduce((s, d) => s + d.estimatedOre, 0);
      const message = `Utflyttingsprotokollen er registrert${p.damages.length ? ` med skader for ${formatKroner(damagesOre)}` : ' uten skader'}.${state.claimDeadline ? ` Utleier kan kreve garantien til ${state.claimDeadline}.` : ''}`;
      addEvent(state, now, { kind: 'pr_moved_out', actorId: actor.id, summary: message, data: { damages: p.damages.length, damagesOre } });
      return message;
    },
  },
  registerGuaranteeClaim: {
    roles: STAFF,
    reject(s) {
      if (s.security?.kind !== 'guarantee') return 'Saken har ingen garanti å kreve.';
      if (!s.moveOut) return 'Garantikrav registreres etter utflytting, når protokollen er skrevet.';
      if (s.guaranteeClaim) return 'Et garantikrav er allerede registrert.';
      return undefined;
    },
    apply(state, p, { now, today, actor }) {
      const claim = { receivedDate: p.receivedDate, deadline: state.claimDeadline!, items: p.items };
      state.guaranteeClaim = claim;
      const late = compareDates(p.receivedDate, claim.deadline) > 0;
      openTask(state, now, { id: 'pr-claim-decision', kind: 'pr_claim_decision', title: 'Avgjør garantikravet mot protokollen og leieavtalen', role: 'housing_office', dueDate: deadline(today, { weeks: 2 }) });
      addRecord(state, 'guarantee-claim', { ...claim });
      const total = p.items.reduce((s, i) => s + i.amountOre, 0);
      const message = late
        ? `Garantikravet på ${formatKroner(total)} kom ${p.receivedDate}, etter fristen ${claim.deadline}, og må avslås.`
        : `Garantikravet på ${formatKroner(total)} er registrert innen fristen.`;
      addEvent(state, now, { kind: 'pr_claim_registered', actorId: actor.id, summary: message, data: { claimedOre: total, late } });
      return message;
    },
  },
  decideGuaranteeClaim: {
    roles: STAFF,
    reject(s, p) {
      const claim = s.guaranteeClaim;
      if (!claim || claim.decision) return 'Det finnes ikke noe garantikrav som venter på avgjørelse.';
      const security = s.security as Extract<NonNullable<PrivateRentalState['security']>, { kind: 'guarantee' }>;
      const protocolDamagesOre = (s.moveOut?.damages ?? []).reduce((sum, d) => sum + d.estimatedOre, 0);
      return claimDecisionProblem(claim, p.items, { guaranteeAmountOre: security.amountOre, protocolDamagesOre });
    },
    apply(state, p, { now, actor }) {
      const claim = state.guaranteeClaim!;
      const { outcome, paidOre } = claimOutcome(claim, p.items);
      claim.decision = { date: p.date, outcome, items: p.items, paidOre };
      closeTask(state, 'pr-claim-decision');
      addRecord(state, 'guarantee-claim', { ...claim });
      const label = { paid: 'betalt', partly_paid: 'delvis betalt', refused: 'avslått' }[outcome];
      const message = `Garantikravet er ${label}: ${formatKroner(paidOre)} utbetales.`;
      addEvent(state, now, { kind: 'pr_claim_decided', actorId: actor.id, summary: message, data: { outcome, paidOre } });
      return message;
    },
  },
  settleDeposit: {
    roles: STAFF,
    reject(s, p) {
      if (s.security?.kind !== 'deposit') return 'Saken har ikke noe depositum.';
      if (!s.moveOut) return 'Depositumet gjøres opp etter utflytting.';
      if (s.depositSettlement) return 'Depositumet er allerede gjort opp.';
      if (p.releasedToTenantOre + p.paidToLandlordOre !== s.security.amountOre) return `Frigitt og utbetalt til utleier må til sammen være depositumet (${formatKroner(s.security.amountOre)}).`;
      if (p.paidToLandlordOre > 0 && !p.reason) return 'Oppgi grunnen når utleier får noe av depositumet.';
      return undefined;
    },
    apply(state, p, { now, actor }) {
      state.depositSettlement = p;
      closeTask(state, 'pr-deposit');
      addRecord(state, 'deposit-settlement', { ...p });
      const message = `Depositumet er gjort opp: ${formatKroner(p.releasedToTenantOre)} til leietaker, ${formatKroner(p.paidToLandlordOre)} til utleier.`;
      addEvent(state, now, { kind: 'pr_deposit_settled', actorId: actor.id, summary: message, data: { releasedToTenantOre: p.releasedToTenantOre, paidToLandlordOre: p.paidToLandlordOre } });
      return message;
    },
  },
  closePrivateRental: {
    roles: STAFF,
    reject(s, p) {
      if (inPhase(s, 'move_in')) return 'Leieavtalen er signert: registrer innflytting før saken avsluttes.';
      if (s.moveInDate && !s.moveOut && p.outcome !== 'new_private_lease') return 'Leietaker bor i den private boligen: avslutt med utfallet «ny privat leieavtale», eller registrer utflytting først.';
      return openEnds(s);
    },
    apply(state, p, { now, today, actor }) {
      closePrivateRental(state, p.outcome, today);
      addRecord(state, 'outcome', { outcome: p.outcome, note: p.note, date: today });
      const labels = { new_private_lease: 'ny privat leieavtale', own_home: 'egen eid bolig', municipal_dwelling: 'kommunal bolig', other: 'annet' } as const;
      const message = `Saken om hjelp til å leie privat er avsluttet med utfallet «${labels[p.outcome]}».`;
      addEvent(state, now, { kind: 'pr_closed', actorId: actor.id, summary: message, data: { outcome: p.outcome } });
      return message;
    },
  },
  returnToMunicipalProcess: {
    roles: STAFF,
    reject(s) {
      if (inPhase(s, 'move_in') || (s.moveInDate && !s.moveOut)) return 'Leietaker har en privat leieavtale: saken kan gå tilbake til den kommunale prosessen først etter utflytting.';
      return openEnds(s);
    },
    apply(state, p, { now, today, actor }) {
      closePrivateRental(state, 'municipal_process', today);
      addRecord(state, 'outcome', { outcome: 'municipal_process', reason: p.reason, date: today });
      const message = 'Saken går tilbake til den kommunale prosessen (søknad om kommunal bolig).';
      addEvent(state, now, { kind: 'pr_returned_to_municipal', actorId: actor.id, summary: message });
      return message;
    },
  },
};

/** A landlord's problem report (form): what the case does with it, or why it cannot take it yet. */
export function rejectLandlordReport(s: PrivateRentalState): { notYet?: string; never?: string } | undefined {
  if (s.status === 'closed') return { never: 'Saken er avsluttet og kan ikke ta imot meldinger fra utleier.' };
  if (!s.moveInDate) return { notYet: 'Leietaker har ikke flyttet inn ennå. Meldingen er lagret og registreres etter innflytting.' };
  return undefined;
}

export function acceptLandlordReport(
  s: PrivateRentalState,
  report: { category: 'rent_unpaid' | 'noise' | 'damage' | 'untidy' | 'other'; receivedDate: IsoDate; channel: 'landlord_form' | 'phone' | 'email' },
  now: number,
  today: IsoDate,
): { seq: number; message: string } {
  const seq = s.landlordReports.length + 1;
  s.landlordReports.push({ seq, category: report.category, receivedDate: report.receivedDate, channel: report.channel });
  const role: Role = s.safetyAgreement?.landlordCalls ?? 'housing_officer';
  const assignee = role === 'follow_up_worker' ? s.followUpWorkerId : role === 'housing_officer' ? s.caseworkerId : undefined;
  openTask(s, now, { id: `pr-landlord-report-${seq}`, kind: 'pr_landlord_report', title: 'Følg opp melding fra utleier', role, assigneeId: assignee, dueDate: addBusinessDays(today, 2) });
  const labels = { rent_unpaid: 'husleie ikke betalt', noise: 'støy', damage: 'skade', untidy: 'uorden', other: 'annet' } as const;
  const summary = `Utleier har meldt et problem (${labels[report.category]}).`;
  addEvent(s, now, { kind: 'pr_landlord_report', summary, data: { seq, category: report.category, channel: report.channel } });
  // The notice names the category, never the landlord's free text.
  s.unsentNotices.push({ key: `${s.caseId}#pr-landlord-report#${seq}`, to: 'housing_office', subject: `Melding fra utleier (sak ${s.caseId})`, body: `Utleier i sak ${s.caseId} har meldt et problem: ${labels[report.category]}. Oppgaven er gitt til ${role}.` });
  return { seq, message: 'Meldingen fra utleier er registrert i saken.' };
}

/**
 * The housing committee decided the case goes back to the municipal process. It goes at once when
 * nothing keeps it (a running lease, a guarantee or deposit not settled); otherwise the caseworker
 * gets a task to settle what is open and send it back. A repeat of the same decision changes nothing.
 */
export function committeeReturn(s: PrivateRentalState, d: { date: IsoDate; meetingId: string; itemId: string }, now: number, today: IsoDate): void {
  if (s.status === 'closed') return;
  const taskId = `pr-committee-return-${d.meetingId}-${d.itemId}`;
  if (s.tasks.some((t) => t.id === taskId)) return;
  const actor = { id: 'boligutvalget', roles: ['housing_office' as const], municipality: s.municipality };
  const rule = tenancyRules.returnToMunicipalProcess;
  const payload = { reason: `Boligutvalgets vedtak ${d.date}` };
  const blocked = rule.reject(s, payload, { now, today, actor });
  if (!blocked) {
    rule.apply(s, payload, { now, today, actor });
    return;
  }
  openTask(s, now, { id: taskId, kind: 'pr_committee_return', title: 'Boligutvalget vedtok at saken skal tilbake til den kommunale prosessen: avslutt det som står åpent, og send den tilbake', role: 'housing_officer', assigneeId: s.caseworkerId, dueDate: deadline(today, { weeks: 2 }) });
  addEvent(s, now, { kind: 'pr_committee_return_waiting', summary: `Boligutvalget vedtok ${d.date} at saken skal tilbake til den kommunale prosessen, men det kan ikke skje ennå: ${blocked}`, data: { meetingId: d.meetingId, itemId: d.itemId } });
}

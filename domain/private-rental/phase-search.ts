import { addBusinessDays, deadline } from '../calendar';
import { formatKroner } from '../dwelling';
import { checkLease, securityProblem } from './rules';
import type { PrivateRentalRule, RuleMap } from './rule';
import { addEvent, addRecord, chosenCandidate, closeTask, currentLeaseCheck, openTask, type PrivateRentalState } from './state';

/** Phases 1–3: kartlegging, finne bolig og visning, kontrakt med depositum eller garanti. */

const STAFF = ['housing_officer', 'housing_office'] as const;
const inPhase = (s: PrivateRentalState, ...phases: PrivateRentalState['phase'][]) => phases.includes(s.phase);
const candidateOf = (s: PrivateRentalState, seq: number) => s.candidates.find((c) => c.seq === seq);

function openContractTasks(state: PrivateRentalState, now: number, today: string): void {
  const due = deadline(today, { weeks: 2 });
  const base = { role: 'housing_officer' as const, assigneeId: state.caseworkerId, dueDate: due };
  openTask(state, now, { ...base, id: 'pr-rental-approval', kind: 'pr_rental_approval', title: 'Sjekk at boligen er godkjent for utleie' });
  openTask(state, now, { ...base, id: 'pr-lease-check', kind: 'pr_lease_check', title: 'Kontroller leieavtalen mot husleieloven' });
  if (!state.security) openTask(state, now, { ...base, id: 'pr-security', kind: 'pr_security', title: 'Avklar depositum eller garanti' });
}

export const searchRules: Pick<
  RuleMap,
  'recordMapping' | 'holdPlanningMeeting' | 'agreeSafetyPlan' | 'addCandidate' | 'recordViewing' | 'logLandlordContact' | 'revisePlan' | 'chooseDwelling' | 'recordRentalApproval' | 'checkLease' | 'recordSecurity' | 'signSafetyAgreement' | 'abandonDwelling' | 'recordLeaseSigned'
> = {
  recordMapping: {
    roles: [...STAFF],
    reject: (s) => (inPhase(s, 'mapping') ? undefined : 'Kartleggingen er allerede gjort; endringer gjøres i planen.'),
    apply(state, p, { now, today, actor }) {
      state.mapping = { ...p, byId: actor.id };
      closeTask(state, 'pr-mapping');
      openTask(state, now, {
        id: 'pr-planning-meeting',
        kind: 'pr_planning_meeting',
        title: 'Hold felles planmøte med søker og enheten som skaffer bolig',
        role: 'housing_officer',
        assigneeId: state.caseworkerId ?? actor.id,
        dueDate: deadline(today, { weeks: 2 }),
      });
      addRecord(state, 'mapping', { ...state.mapping });
      const message = 'Kartleggingen er registrert, og søkeren har fått vite hvilken støtte kommunen kan gi.';
      addEvent(state, now, { kind: 'pr_mapping_recorded', actorId: actor.id, summary: message, data: { challenges: p.challenges, followUpNeeded: p.followUpNeeded } });
      return message;
    },
  },
  holdPlanningMeeting: {
    roles: [...STAFF],
    reject(s, p, { today }) {
      if (!s.mapping) return 'Kartleggingen må registreres før planmøtet.';
      if (!inPhase(s, 'mapping')) return 'Planmøtet er allerede holdt; endre planen med «revidere plan».';
      if (!p.participants.includes('applicant') || !p.participants.includes('procuring_unit')) return 'Søkeren og enheten som skaffer bolig må delta i planmøtet.';
      if (p.plan.deadline <= today) return 'Fristen i planen må være etter i dag.';
      return undefined;
    },
    apply(state, p, { now, actor }) {
      state.planningMeeting = { date: p.date, participants: p.participants };
      state.plan = { ...p.plan, revisions: 0 };
      state.phase = 'finding';
      closeTask(state, 'pr-planning-meeting');
      addRecord(state, 'plan', { ...state.plan, meetingDate: p.date, participants: p.participants });
      const message = `Planmøtet er holdt. Boligsøket følges opp mot fristen ${p.plan.deadline}, med husleie opptil ${formatKroner(p.plan.maxMonthlyRentOre)} per måned.`;
      addEvent(state, now, { kind: 'pr_plan_made', actorId: actor.id, summary: message, data: { deadline: p.plan.deadline, participants: p.participants } });
      return message;
    },
  },
  agreeSafetyPlan: {
    roles: [...STAFF],
    reject: (s) => (s.moveInDate ? 'Trygghetsplanen avtales før innflytting.' : undefined),
    apply(state, p, { now, actor }) {
      state.safetyPlan = p;
      if (p.followUpWorkerId) state.followUpWorkerId = p.followUpWorkerId;
      addRecord(state, 'safety-plan', { ...p });
      const message = `Trygghetsplan er avtalt: ${p.measures.length} tiltak, og kontakt med leietaker hver ${p.contactEveryWeeks}. uke etter innflytting.`;
      addEvent(state, now, { kind: 'pr_safety_plan', actorId: actor.id, summary: message, data: { measures: p.measures.length, contactEveryWeeks: p.contactEveryWeeks } });
      return message;
    },
  },
  addCandidate: {
    roles: [...STAFF],
    reject: (s) => (inPhase(s, 'finding') ? undefined : 'Boliger kan bare legges til mens det letes etter bolig.'),
    apply(state, p, { now, actor }) {
      const plan = state.plan!;
      const warnings: string[] = [];
      if (p.monthlyRentOre > plan.maxMonthlyRentOre) warnings.push(`Husleien (${formatKroner(p.monthlyRentOre)}) er høyere enn det husstanden kan bære etter planen (${formatKroner(plan.maxMonthlyRentOre)}).`);
      if (p.rooms < plan.minRooms) warnings.push(`Boligen har ${p.rooms} rom; planen sier minst ${plan.minRooms}.`);
      const candidate = { ...p, seq: state.candidates.length + 1, warnings, viewings: [], contacts: [], status: 'open' as const };
      state.candidates.push(candidate);
      addRecord(state, `candidate-${candidate.seq}`, { ...candidate });
      const message = `Bolig ${candidate.seq} (${p.address}) er lagt til${warnings.length ? `, med merknader: ${warnings.join(' ')}` : '.'}`;
      addEvent(state, now, { kind: 'pr_candidate_added', actorId: actor.id, summary: `Bolig ${candidate.seq} er lagt til (${p.source}).`, data: { candidate: candidate.seq, warnings: warnings.length } });
      return message;
    },
  },
  recordViewing: {
    roles: [...STAFF],
    reject(s, p) {
      if (!inPhase(s, 'finding')) return 'Visninger registreres mens det letes etter bolig.';
      if (candidateOf(s, p.candidate)?.status !== 'open') return `Bolig ${p.candidate} finnes ikke blant boligene som vurderes.`;
      return undefined;
    },
    apply(state, p, { now, actor }) {
      const candidate = candidateOf(state, p.candidate)!;
      candidate.viewings.push({ candidate: p.candidate, date: p.date, attendees: p.attendees, outcome: p.outcome });
      addRecord(state, `candidate-${candidate.seq}`, { ...candidate });
      const message = `Visning av bolig ${candidate.seq} ${p.date} er registrert.`;
      addEvent(state, now, { kind: 'pr_viewing', actorId: actor.id, summary: message, data: { candidate: candidate.seq, outcome: p.outcome } });
      return message;
    },
  },
  logLandlordContact: {
    roles: [...STAFF],
    reject: (s, p) => (candidateOf(s, p.candidate) ? (s.status === 'active' ? undefined : 'Saken er avsluttet.') : `Bolig ${p.candidate} finnes ikke i saken.`),
    apply(state, p, { now, actor }) {
      const candidate = candidateOf(state, p.candidate)!;
      candidate.contacts.push({ date: p.date, channel: p.channel });
      addRecord(state, `candidate-${candidate.seq}`, { ...candidate });
      const message = `Kontakt med utleier av bolig ${candidate.seq} er logget.`;
      addEvent(state, now, { kind: 'pr_landlord_contact', actorId: actor.id, summary: message, data: { candidate: candidate.seq, channel: p.channel } });
      return message;
    },
  },
  revisePlan: {
    roles: [...STAFF],
    reject(s, p, { today }) {
      if (!inPhase(s, 'finding')) return 'Planen kan bare revideres mens det letes etter bolig.';
      if (p.deadline <= today) return 'Den nye fristen må være etter i dag.';
      return undefined;
    },
    apply(state, p, { now, actor }) {
      const plan = state.plan!;
      plan.deadline = p.deadline;
      if (p.maxMonthlyRentOre) plan.maxMonthlyRentOre = p.maxMonthlyRentOre;
      if (p.area) plan.area = p.area;
      plan.deadlineMissed = false;
      plan.revisions++;
      closeTask(state, 'pr-revise-plan');
      addRecord(state, 'plan', { ...plan, revisedReason: p.reason });
      const message = `Planen er revidert (${plan.revisions}. gang). Ny frist er ${p.deadline}.`;
      addEvent(state, now, { kind: 'pr_plan_revised', actorId: actor.id, summary: message, data: { deadline: p.deadline, revisions: plan.revisions } });
      return message;
    },
  },
  chooseDwelling: {
    roles: [...STAFF],
    reject(s, p) {
      if (!inPhase(s, 'finding')) return 'En bolig kan bare velges mens det letes etter bolig.';
      const c = candidateOf(s, p.candidate);
      if (c?.status !== 'open') return `Bolig ${p.candidate} finnes ikke blant boligene som vurderes.`;
      if (!c.viewings.some((v) => v.outcome === 'interested')) return 'Boligen må ha vært på visning, og søkeren må ønske den, før den velges.';
      return undefined;
    },
    apply(state, p, { now, today, actor }) {
      const candidate = candidateOf(state, p.candidate)!;
      candidate.status = 'chosen';
      state.phase = 'contract';
      closeTask(state, 'pr-revise-plan');
      openContractTasks(state, now, today);
      addRecord(state, `candidate-${candidate.seq}`, { ...candidate });
      const message = `Bolig ${candidate.seq} er valgt. Kommunen kontrollerer utleiegodkjenning og leieavtale før kontrakten signeres.`;
      addEvent(state, now, { kind: 'pr_dwelling_chosen', actorId: actor.id, summary: message, data: { candidate: candidate.seq } });
      return message;
    },
  },
  recordRentalApproval: {
    roles: [...STAFF],
    reject: (s) => (inPhase(s, 'contract') ? undefined : 'Utleiegodkjenning sjekkes når en bolig er valgt og før kontrakten signeres.'),
    apply(state, p, { now, actor }) {
      const candidate = chosenCandidate(state)!;
      state.approval = { ...p, candidate: candidate.seq };
      closeTask(state, 'pr-rental-approval');
      addRecord(state, `approval-${candidate.seq}`, { ...state.approval });
      const message = p.approved ? `Bolig ${candidate.seq} er godkjent for utleie.` : `Bolig ${candidate.seq} er ikke godkjent for utleie. Velg en annen bolig.`;
      addEvent(state, now, { kind: 'pr_rental_approval', actorId: actor.id, summary: message, data: { candidate: candidate.seq, approved: p.approved, source: p.source } });
      return message;
    },
  },
  checkLease: {
    roles: [...STAFF],
    reject: (s) => (inPhase(s, 'contract') ? undefined : 'Leieavtalen kontrolleres når en bolig er valgt og før den signeres.'),
    apply(state, p, { now, actor }) {
      const candidate = chosenCandidate(state)!;
      const result = checkLease(p.lease);
      const check = { seq: state.leaseChecks.length + 1, candidate: candidate.seq, date: p.date, lease: p.lease, ...result };
      state.leaseChecks.push(check);
      if (result.accepted) closeTask(state, 'pr-lease-check');
      addRecord(state, `lease-check-${check.seq}`, { ...check });
      const message = result.accepted
        ? `Leieavtalen for bolig ${candidate.seq} er kontrollert og godtatt.${result.warnings.length ? ` ${result.warnings.join(' ')}` : ''}`
        : `Leieavtalen for bolig ${candidate.seq} kan ikke godtas: ${result.problems.join(' ')}`;
      addEvent(state, now, { kind: result.accepted ? 'pr_lease_accepted' : 'pr_lease_rejected', actorId: actor.id, summary: message, data: { candidate: candidate.seq, problems: result.problems.length } });
      return message;
    },
  },
  recordSecurity: {
    roles: [...STAFF],
    reject(s, p) {
      if (!inPhase(s, 'contract')) return 'Depositum eller garanti avklares når en bolig er valgt og før kontrakten signeres.';
      const lease = currentLeaseCheck(s)?.lease;
      const rent = lease?.monthlyRentOre ?? chosenCandidate(s)!.monthlyRentOre;
      const g = p.security;
      if (g.kind === 'guarantee' && g.validUntil && g.validUntil < g.validFrom) return 'Garantien kan ikke slutte å gjelde før den begynner.';
      return securityProblem(p.security, rent);
    },
    apply(state, p, { now, today, actor }) {
      state.security = { ...p.security, recordedDate: today };
      closeTask(state, 'pr-security');
      addRecord(state, 'security', { ...state.security });
      const s = p.security;
      const message =
        s.kind === 'deposit'
          ? `Depositum på ${formatKroner(s.amountOre)} er registrert (${s.source === 'tenant' ? 'betalt av leietaker' : s.source === 'nav_loan' ? 'lånt av NAV' : 'gitt av NAV'}).`
          : `Garanti på ${formatKroner(s.amountOre)} fra ${s.issuer === 'nav' ? 'NAV' : 'kommunen'} er registrert. Krav må komme innen ${s.claimDeadlineMonths} måneder etter at leieforholdet er slutt.`;
      addEvent(state, now, { kind: 'pr_security_recorded', actorId: actor.id, summary: message, data: { kind: s.kind, amountOre: s.amountOre } });
      return message;
    },
  },
  signSafetyAgreement: {
    roles: [...STAFF],
    reject: (s) => (inPhase(s, 'contract', 'move_in', 'follow_up') && !s.moveOut ? undefined : 'Trygghetsavtale med utleier inngås når en bolig er valgt.'),
    apply(state, p, { now, actor }) {
      state.safetyAgreement = p;
      addRecord(state, 'safety-agreement', { ...p });
      const message = `Trygghetsavtale med utleier er inngått. Utleier kontakter ${p.landlordCalls === 'follow_up_worker' ? 'oppfølgeren' : p.landlordCalls === 'housing_office' ? 'boligkontoret' : 'boligkonsulenten'} ved problemer.`;
      addEvent(state, now, { kind: 'pr_safety_agreement', actorId: actor.id, summary: message, data: { landlordCalls: p.landlordCalls } });
      return message;
    },
  },
  abandonDwelling: {
    roles: [...STAFF],
    reject: (s) => (inPhase(s, 'contract') ? undefined : 'Bare en valgt bolig som ikke er leid ennå kan forlates.'),
    apply(state, p, { now, today, actor }) {
      const candidate = chosenCandidate(state)!;
      candidate.status = 'abandoned';
      candidate.abandonReason = p.reason;
      state.approval = undefined;
      state.phase = 'finding';
      for (const id of ['pr-rental-approval', 'pr-lease-check', 'pr-security']) closeTask(state, id);
      // The search goes on against the plan's deadline; one already past gets its revision task back.
      if (state.plan?.deadlineMissed) openReviseTask(state, now, today);
      addRecord(state, `candidate-${candidate.seq}`, { ...candidate });
      const message = `Bolig ${candidate.seq} er forlatt. Boligsøket fortsetter.`;
      addEvent(state, now, { kind: 'pr_dwelling_abandoned', actorId: actor.id, summary: message, data: { candidate: candidate.seq } });
      return message;
    },
  },
  recordLeaseSigned: {
    roles: [...STAFF],
    reject(s) {
      if (!inPhase(s, 'contract')) return 'Leieavtalen signeres når en bolig er valgt og kontrollert.';
      if (!s.approval?.approved) return 'Boligen må være godkjent for utleie før leieavtalen signeres.';
      const check = currentLeaseCheck(s);
      if (!check) return 'Leieavtalen må kontrolleres mot husleieloven før den signeres.';
      if (!check.accepted) return `Leieavtalen ble ikke godtatt ved kontrollen: ${check.problems.join(' ')}`;
      if (!s.security) return 'Depositum eller garanti må være avklart før leieavtalen signeres.';
      return undefined;
    },
    apply(state, p, { now, today, actor }) {
      state.leaseSignedDate = p.date;
      state.phase = 'move_in';
      const due = deadline(today, { weeks: 2 });
      openTask(state, now, { id: 'pr-takeover', kind: 'pr_takeover', title: 'Gjennomfør overtakelse: protokoll, målerstand, nøkler, forsikring, adresse, bostøtte og husleiebetaling', role: 'housing_officer', assigneeId: state.caseworkerId, dueDate: due });
      addRecord(state, 'lease', { ...currentLeaseCheck(state)!.lease, signedDate: p.date });
      const message = `Leieavtalen er signert ${p.date}. Kommunen er ikke part i avtalen.`;
      addEvent(state, now, { kind: 'pr_lease_signed', actorId: actor.id, summary: message, data: { candidate: chosenCandidate(state)!.seq } });
      return message;
    },
  },
};

export function openReviseTask(state: PrivateRentalState, now: number, today: string): void {
  openTask(state, now, {
    id: 'pr-revise-plan',
    kind: 'pr_revise_plan',
    title: `Fristen i boligplanen (${state.plan!.deadline}) er passert uten bolig: revider planen`,
    role: 'housing_officer',
    assigneeId: state.caseworkerId,
    dueDate: addBusinessDays(today, 5),
  });
}

export type { PrivateRentalRule };

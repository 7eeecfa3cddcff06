import { addMonths, compareDates, type IsoDate } from '../calendar';
import { formatKroner } from '../dwelling';
import { stepIndex } from '../rent/ladder';
import { ROLE_LABELS } from '../roles';
import { committeeBasis } from '../tenancy/arrangements';
import type { PrivateRentalView } from '../private-rental/timers';
import type { TenancyView } from '../tenancy/view';
import { privateRentalAgendaItems } from './agenda-private-rental';
import { AGENDA_REASON_ORDER, type AgendaItem, type AgendaReason } from './documents';

/**
 * Which live cases the housing committee (boligutvalget) should look at in a meeting, and why, in
 * plain Norwegian. Pure: the agenda activity reads the cases from the read model and calls this, so
 * the same cases and dates always give the same agenda.
 *
 * The members have need-to-know, so a title names the applicant; health details never appear, only
 * what the case record says happened and when. A case reaches the committee only with the tenant's
 * consent naming the committee, or a recorded legal basis (seed 002), and each item says which.
 */

/** A decision from earlier minutes that is not yet reported done. */
export interface OpenDecision {
  meetingId: string;
  meetingDate: IsoDate;
  itemId: string;
  caseId?: string;
  /** The agenda item's title when the decision was made, for decisions that concern no case. */
  itemTitle?: string;
  text: string;
  deadline?: IsoDate;
  responsibleName?: string;
  doneAt?: number;
}

export interface AgendaContext {
  meetingDate: IsoDate;
  previousMeetingDate?: IsoDate;
  /**
   * "Since the previous meeting" starts here; defaults to `previousMeetingDate`. The workflow passes
   * the day the previous agenda was built, so a change between that cut-off and the meeting itself
   * reaches the next agenda instead of falling between two.
   */
  since?: IsoDate;
  nextMeetingDate: IsoDate;
  openDecisions: OpenDecision[];
}

/** Months before a lease ends that its renewal is a matter for the committee (the tenancy's own assessment starts then too). */
const RENEWAL_MONTHS = 3;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One item per case and reason, ids `${reason}:${caseId}`, in the committee's working order. */
export function buildAgenda(cases: readonly TenancyView[], ctx: AgendaContext, privateRentals: readonly PrivateRentalView[] = []): AgendaItem[] {
  const since = ctx.since ?? ctx.previousMeetingDate;
  const isSince = (d: IsoDate | undefined) => d !== undefined && (since === undefined || compareDates(d, since) >= 0);
  const items: AgendaItem[] = [];
  const basisOf = (c: TenancyView) => committeeBasis(c, ctx.meetingDate);
  const add = (reason: AgendaReason, c: TenancyView, title: string, why: string) =>
    items.push({ id: `${reason}:${c.caseId}`, reason, caseId: c.caseId, title: `${applicantName(c)}: ${title}`, why, basis: basisOf(c)!, source: 'auto' });

  // One view per case (the newest, should a list ever hold two), in case-ID order.
  const byCase = new Map<string, TenancyView>();
  for (const c of cases) {
    const seen = byCase.get(c.caseId);
    if (!seen || (c.version ?? 0) > (seen.version ?? 0)) byCase.set(c.caseId, c);
  }
  const active = [...byCase.values()].filter((c) => c.status === 'active' && basisOf(c) !== undefined).sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));

  for (const c of active) {
    const tasks = c.tasks ?? [];
    const openTask = (id: string) => tasks.find((t) => t.id === id);

    // Søknader som venter på vedtak eller tildeling.
    const interviews = c.interviews ?? [];
    if (c.phase === 'application' && interviews.length > 0 && !c.decision) {
      const last = interviews.at(-1)!;
      add('application_waiting', c, 'venter på vedtak', `${interviews.length === 1 ? 'Kartleggingssamtale er gjennomført' : `${interviews.length} kartleggingssamtaler er gjennomført`} (sist ${last.date}), men det er ikke fattet vedtak.`);
    }
    const offers = c.offers ?? [];
    if (c.phase === 'allocation' && !offers.some((o) => !o.answer)) {
      const declined = offers.filter((o) => o.answer === 'declined').length;
      const decided = c.decision ? `Søkeren fikk positivt vedtak ${c.decision.date}` : 'Søkeren har positivt vedtak';
      add('application_waiting', c, 'venter på tildeling av bolig', `${decided}, men har ikke noe boligtilbud som venter på svar.${declined ? ` ${plural(declined, 'tilbud', 'tilbud')} er avslått.` : ''}`);
    }

    // Boligtilbud avslått siden forrige møte.
    const declinedSince = offers.filter((o) => o.answer === 'declined' && isSince(o.answeredDate));
    if (declinedSince.length > 0) {
      const lines = declinedSince.map((o) => `Søkeren takket nei til ${o.dwelling.address} ${o.answeredDate}${o.declineReason ? `: «${o.declineReason}»` : ''}.`);
      add('offer_declined', c, `takket nei til ${declinedSince.at(-1)!.dwelling.address}`, lines.join(' '));
    }

    // Husleierestanse på trinnet der utvalget skal ta stilling, uten vedtak ennå.
    const rent = c.rent;
    if (rent?.step && rent.ladder) {
      const committeeStep = rent.ladder.steps.findIndex((s) => s.actions.includes('committee_decision'));
      if (committeeStep >= 0 && stepIndex(rent.ladder, rent.step) >= committeeStep && !rent.episode?.committee?.decision) {
        const overdue = rent.balance?.overdueOre;
        const parts = [
          overdue !== undefined ? `Restansen er ${formatKroner(overdue)}${rent.balance?.arrearsAgeDays ? ` og ${rent.balance.arrearsAgeDays} dager gammel` : ''}.` : 'Leietaker har husleierestanse.',
          rent.episode?.warning ? `Varsel om fravikelse ble sendt ${rent.episode.warning.sentDate}, og ventetiden var over ${rent.episode.warning.earliestEvictionRequest}.` : '',
          'Utvalget må ta stilling til begjæring om fravikelse.',
        ];
        add('rent_arrears', c, 'husleierestanse', parts.filter(Boolean).join(' '));
      }
    }

    // Hendelser som er løftet til utvalget.
    const incidentParts: string[] = [];
    if ((c.escalationLevel ?? 0) >= 1) {
      const complaints = c.neighbourComplaints?.length ?? 0;
      incidentParts.push(complaints > 0 ? `Saken er løftet til utvalget etter ${plural(complaints, 'naboklage', 'naboklager')} på kort tid.` : 'Saken er løftet til utvalget etter gjentatte hendelser.');
    }
    const complaintsTask = openTask('committee-complaints');
    if (complaintsTask) incidentParts.push(`Oppgaven «${complaintsTask.title}» er åpen (frist ${complaintsTask.dueDate}).`);
    if (c.cautionFlag && isSince(c.cautionFlag.since)) incidentParts.push(`Det er meldt trusler eller våpen (${c.cautionFlag.since}); alle som besøker leietaker er varslet.`);
    if (incidentParts.length > 0) add('incident_escalated', c, 'hendelser i leieforholdet', incidentParts.join(' '));

    // Leiekontrakter som må fornyes før neste møte, og evalueringer som venter.
    const lease = c.leases?.at(-1);
    const renewalTask = openTask('renewal-assessment');
    const endsSoon = c.phase === 'follow_up' && !c.ending && lease !== undefined && compareDates(lease.endDate, addMonths(ctx.nextMeetingDate, RENEWAL_MONTHS)) <= 0;
    if (renewalTask || endsSoon) {
      const ends = lease ? `Leiekontrakten utløper ${lease.endDate}.` : 'Leiekontrakten nærmer seg slutten.';
      const status = renewalTask ? ` Vurdering av fornyelse er startet (frist ${renewalTask.dueDate}).` : ` Fornyelsen må vurderes før neste møte (${ctx.nextMeetingDate}).`;
      add('renewal_due', c, lease ? `leiekontrakten utløper ${lease.endDate}` : 'leiekontrakten utløper', ends + status);
    }
    const evaluationTask = openTask('agreement-evaluation');
    if (evaluationTask) add('evaluation_due', c, 'evaluering av oppfølgingsavtalen', `Oppfølgingsavtalen skal evalueres før ny leiekontrakt; fristen er ${evaluationTask.dueDate}.`);

    // Leietakere som har takket nei til oppfølging siden forrige møte.
    if (c.followUp?.status === 'declined' && isSince(c.followUp.declinedDate)) {
      add('follow_up_declined', c, 'ønsker ikke oppfølging', `Leietaker takket nei til videre oppfølging ${c.followUp.declinedDate}. Leieforholdet fortsetter uten hjemmebesøk.`);
    }

    // Frister som har gått ut.
    const overdue = tasks.filter((t) => t.overdue);
    if (overdue.length > 0) {
      const lines = overdue.map((t) => `«${t.title}» (frist ${t.dueDate}, ${ROLE_LABELS[t.role]?.toLowerCase() ?? t.role})`);
      add('deadline_missed', c, `${plural(overdue.length, 'frist', 'frister')} er passert`, `Fristen er passert for ${lines.join('; ')}.`);
    }
  }

  // Hjelp til å leie privat: store garantikrav og planer som står fast.
  items.push(...privateRentalAgendaItems(privateRentals));

  // Oppfølging av tidligere beslutninger: fristen er passert før møtet, og ingen har meldt dem utført.
  const followUps = new Map<string, OpenDecision[]>();
  for (const d of ctx.openDecisions) {
    if (d.doneAt !== undefined || d.deadline === undefined || compareDates(d.deadline, ctx.meetingDate) >= 0) continue;
    // `~`, not `/`: the item ID goes into URLs (`…/agenda-items/{itemId}`).
    const key = d.caseId ?? `${d.meetingId}~${d.itemId}`;
    followUps.set(key, [...(followUps.get(key) ?? []), d]);
  }
  for (const [key, decisions] of [...followUps].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const first = decisions[0]!;
    const why = decisions
      .map((d) => `Utvalget besluttet ${d.meetingDate}: «${d.text}». Fristen ${d.deadline} er passert uten at beslutningen er meldt utført.${d.responsibleName ? ` Ansvarlig: ${d.responsibleName}.` : ''}`)
      .join(' ');
    const c = first.caseId ? byCase.get(first.caseId) : undefined;
    const basis = c ? basisOf(c) : undefined;
    // Without consent or a legal basis any more, the committee follows up its own decision by case ID only.
    const subject = c && basis ? applicantName(c) : first.caseId ?? first.itemTitle ?? 'Tidligere sak';
    items.push({
      id: `decision_follow_up:${key}`,
      reason: 'decision_follow_up',
      ...(first.caseId ? { caseId: first.caseId } : {}),
      ...(first.caseId ? { basis: basis ?? 'Mangler samtykke eller hjemmel: bare utvalgets egen beslutning vises.' } : {}),
      title: `${subject}: oppfølging av ${decisions.length === 1 ? 'beslutning' : 'beslutninger'} fra ${first.meetingDate}`,
      why,
      source: 'auto',
    });
  }

  const rank = (r: AgendaReason) => AGENDA_REASON_ORDER.indexOf(r);
  return items.map((item, index) => ({ item, index })).sort((a, b) => rank(a.item.reason) - rank(b.item.reason) || a.index - b.index).map(({ item }) => item);
}

function applicantName(c: TenancyView): string {
  return c.application?.applicant?.name ?? c.caseId;
}

/** The agenda as sent: the built items the secretary has not removed, then the secretary's own. */
export function composeAgenda(autoItems: readonly AgendaItem[], secretaryItems: readonly AgendaItem[], removedItemIds: readonly string[]): AgendaItem[] {
  const removed = new Set(removedItemIds);
  return [...autoItems.filter((i) => !removed.has(i.id)), ...secretaryItems.filter((i) => !removed.has(i.id))];
}

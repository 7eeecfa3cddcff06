import { formatKroner } from '../dwelling';
import type { PrivateRentalView } from '../private-rental/timers';
import type { AgendaItem } from './documents';

/** The default when a case started before the municipality's threshold existed (DEFAULT_POLICY's). */
const DEFAULT_CLAIM_THRESHOLD_ORE = 2_000_000;

/**
 * Private-rental cases (seed 004) the housing committee should look at: a guarantee claim above the
 * municipality's threshold that is not yet decided, and a housing plan stuck past its deadline. One
 * item per case, id `private_rental:${caseId}`; amounts and dates only, never the landlord's words.
 */
export function privateRentalAgendaItems(cases: readonly PrivateRentalView[]): AgendaItem[] {
  const items: AgendaItem[] = [];
  const active = cases.filter((c) => c.status === 'active').sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  for (const c of active) {
    const parts: string[] = [];
    const titles: string[] = [];
    const claim = c.guaranteeClaim;
    if (claim && !claim.decision) {
      const claimed = claim.items.reduce((sum, i) => sum + i.amountOre, 0);
      const threshold = c.committeeClaimThresholdOre ?? DEFAULT_CLAIM_THRESHOLD_ORE;
      if (claimed > threshold) {
        titles.push(`garantikrav på ${formatKroner(claimed)}`);
        parts.push(`Utleier krever ${formatKroner(claimed)} av garantien (mottatt ${claim.receivedDate}, frist ${claim.deadline}), over kommunens grense på ${formatKroner(threshold)}. Utvalget skal ta stilling før kravet avgjøres.`);
      }
    }
    if (c.phase === 'finding' && c.plan?.deadlineMissed) {
      titles.push('boligplanen står fast');
      parts.push(`Fristen i boligplanen (${c.plan.deadline}) er passert uten at en bolig er valgt${c.plan.revisions ? `, etter ${c.plan.revisions} revisjon${c.plan.revisions === 1 ? '' : 'er'}` : ''}. ${c.candidates.length} ${c.candidates.length === 1 ? 'bolig er' : 'boliger er'} vurdert.`);
    }
    if (parts.length === 0) continue;
    items.push({ id: `private_rental:${c.caseId}`, reason: 'private_rental', caseId: c.caseId, title: `${c.applicant.name}: ${titles.join(' og ')}`, why: parts.join(' '), source: 'auto' });
  }
  return items;
}

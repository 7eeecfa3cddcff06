import { z } from 'zod';
import { formatKroner } from './rent/ledger';
import type { MappingInterview } from './tenancy/state';

/** A dwelling in the municipality's register (kommunalt disponert bolig). Money in øre. */
export const Dwelling = z.object({
  id: z.string().trim().min(1).max(60),
  address: z.string().trim().min(3).max(200),
  sizeSqm: z.int().min(5).max(500),
  rooms: z.int().min(1).max(12),
  floor: z.int().min(-1).max(40),
  accessible: z.boolean(),
  coLocated: z.boolean(),
  monthlyRentOre: z.int().min(0).max(10_000_000),
});
export type Dwelling = z.infer<typeof Dwelling>;

export { formatKroner };

/**
 * Checks an offered dwelling against the latest mapping interview. Returns warnings for the
 * caseworker, in Norwegian; a warning does not block the offer (Tynset: "get dwelling and tenant to fit").
 */
export function dwellingFitWarnings(dwelling: Dwelling, interview: MappingInterview | undefined, householdSize: number, maxRentShare: number): string[] {
  const warnings: string[] = [];
  if (!interview) return ['Ingen kartleggingssamtale er registrert, så boligen kan ikke sjekkes mot behovet.'];
  if (dwelling.rooms < interview.roomsNeeded) {
    warnings.push(`Boligen har ${dwelling.rooms} rom, men kartleggingen viser behov for ${interview.roomsNeeded}.`);
  }
  if (dwelling.rooms > interview.roomsNeeded + 1) {
    warnings.push(`Boligen har ${dwelling.rooms} rom, flere enn behovet på ${interview.roomsNeeded}: vurder om en mindre bolig passer bedre.`);
  }
  if (householdSize > dwelling.rooms * 2) {
    warnings.push(`Husstanden har ${householdSize} personer og boligen ${dwelling.rooms} rom.`);
  }
  if (interview.needsAccessibleDwelling && !dwelling.accessible) {
    warnings.push('Søker trenger tilgjengelig bolig, men boligen er ikke tilrettelagt.');
  }
  if (interview.monthlyIncomeOre !== undefined && interview.monthlyIncomeOre > 0) {
    const share = dwelling.monthlyRentOre / interview.monthlyIncomeOre;
    if (share > maxRentShare) {
      warnings.push(
        `Husleien (${formatKroner(dwelling.monthlyRentOre)}) er ${Math.round(share * 100)} % av månedsinntekten, over grensen på ${Math.round(maxRentShare * 100)} %.`,
      );
    }
  }
  if (!interview.ableToLiveIndependently && !dwelling.coLocated) {
    warnings.push('Kartleggingen tilsier at søker ikke kan bo alene uten tett oppfølging; boligen er ikke samlokalisert.');
  }
  return warnings;
}

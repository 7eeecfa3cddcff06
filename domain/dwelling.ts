import { formatKroner } from './rent/ledger';
import type { Dwelling } from './schemas/dwelling';
import type { MappingInterview } from './tenancy/state';

export type { Dwelling } from './schemas/dwelling';

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

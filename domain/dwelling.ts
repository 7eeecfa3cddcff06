import { formatKroner } from './rent/ledger';
import type { Dwelling } from './schemas/dwelling';
import type { MappingInterview } from './tenancy/state';

export type { Dwelling } from './schemas/dwelling';

export { formatKroner };

/**
 * Checks an offered dwelling against the latest mapping interview. Returns warnings for the
 * caseworker, in Norwegian; a warning does not block the offer (Tynset: "get dwelling and tenant to fit").
 */
export function dwellingFitWarnings(
  dwelling: Dwelling,
  interview: MappingInterview | undefined,
  householdSize: number,
  maxRentShare: number,
  /** Patched 'dwelling-fit-full-interview': children and location wishes count too. Offers made before replay without them. */
  opts: { fullInterview?: boolean } = {},
): string[] {
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
  if (opts.fullInterview) warnings.push(...interviewFitWarnings(dwelling, interview));
  return warnings;
}

const sameArea = (a: string, b: string) => a.trim().toLocaleLowerCase('nb') === b.trim().toLocaleLowerCase('nb');

/** Seed 002 fits dwelling and tenant by size, location and economy: what the rest of the interview says about this dwelling. */
function interviewFitWarnings(dwelling: Dwelling, interview: MappingInterview): string[] {
  const warnings: string[] = [];
  // A shared unit for people in drug or psychiatric follow-up is no place to bring children up.
  if (interview.childrenInHousehold > 0 && dwelling.coLocated) {
    warnings.push(`Det er ${interview.childrenInHousehold === 1 ? 'ett barn' : `${interview.childrenInHousehold} barn`} i husstanden, og boligen ligger i et bofellesskap.`);
  }
  const avoid = interview.locationsToAvoid ?? [];
  const preferred = interview.preferredLocations ?? [];
  if (avoid.length + preferred.length === 0) return warnings;
  if (dwelling.location === undefined) {
    warnings.push('Boligregisteret har ikke beliggenhet for boligen, så ønskene om beliggenhet fra kartleggingen kan ikke sjekkes.');
    return warnings;
  }
  const location = dwelling.location;
  if (avoid.some((a) => sameArea(a, location))) {
    warnings.push(`Boligen ligger i ${location}, et område søkeren bør unngå ifølge kartleggingen.`);
  } else if (preferred.length > 0 && !preferred.some((p) => sameArea(p, location))) {
    warnings.push(`Boligen ligger i ${location}; søkeren ønsker ${preferred.join(', ')}.`);
  }
  return warnings;
}

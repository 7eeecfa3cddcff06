import { describe, expect, it } from 'vitest';
import { caseDwellingId } from '../../domain/co-located';
import type { Dwelling } from '../../domain/dwelling';

const dwelling = (id: string): Dwelling => ({ id, address: 'Solvang 1', sizeSqm: 40, rooms: 2, floor: 0, accessible: true, coLocated: true, monthlyRentOre: 840_000 });
const offer = (id: string, answer?: 'accepted' | 'declined') => ({ seq: 1, dwelling: dwelling(id), offeredDate: '2026-11-02', warnings: [], answer });
const lease = (dwellingId: string) => ({ seq: 1, dwellingId, startDate: '2026-12-01', endDate: '2029-11-30', signedDate: '2026-11-20', monthlyRentOre: 840_000 });

/** The dwelling a case is about decides which co-located unit's staff may see it. */
describe('caseDwellingId', () => {
  it('is none before an offer is accepted: an offer alone or a declined one ties the case to no dwelling', () => {
    expect(caseDwellingId({})).toBeNull();
    expect(caseDwellingId({ offers: [offer('A'), offer('B', 'declined')] })).toBeNull();
  });
  it('is the last accepted offer before a lease, and the current lease after', () => {
    expect(caseDwellingId({ offers: [offer('A', 'accepted'), offer('B', 'declined')] })).toBe('A');
    expect(caseDwellingId({ offers: [offer('A', 'accepted'), offer('B', 'accepted')] })).toBe('B');
    expect(caseDwellingId({ offers: [offer('A', 'accepted')], leases: [lease('A'), lease('C')] })).toBe('C');
  });
});

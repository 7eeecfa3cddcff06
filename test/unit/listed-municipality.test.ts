import { describe, expect, it } from 'vitest';
import { listedMunicipality } from '../../api/auth';
import { HttpError } from '../../api/errors';

describe('the municipality a listing covers (statistics, dwellings, rent, ops)', () => {
  it("is the actor's own, whatever is asked for", () => {
    expect(listedMunicipality({ id: 'u1', roles: ['housing_office'], municipality: '0301' }, '4601')).toBe('0301');
    expect(listedMunicipality({ id: 'u1', roles: ['housing_office'], municipality: '0301' }, undefined)).toBe('0301');
  });

  it('is the one asked for by national staff, who must ask for one', () => {
    const national = { id: 'a1', roles: ['admin' as const], municipality: '*' };
    expect(listedMunicipality(national, '4601')).toBe('4601');
    const refused = (() => {
      try {
        listedMunicipality(national, undefined);
      } catch (err) {
        return err;
      }
    })();
    expect(refused).toBeInstanceOf(HttpError);
    expect(refused).toMatchObject({ status: 400, message: 'Oppgi kommune.' });
  });
});

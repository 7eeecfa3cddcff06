import { describe, expect, it } from 'vitest';
import { parseApiTokens } from '../../config/api-tokens';
import { ConfigError, loadConfig } from '../../config/env';

describe('loadConfig', () => {
  it('fills defaults and resolves the data directory', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: 'botrygg-tenancy', NODE_ENV: 'development' });
    expect(config.dataDir).toMatch(/\/\.data$/);
    expect(config.apiTokens.map((t) => t.actor.id)).toContain('kari.nordmann');
  });

  it('names every bad variable in one message', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'tre tusen', DATABASE_URL: 'mysql://x', TEMPORAL_ADDRESS: 'localhost' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT:/m);
    expect(problems).toMatch(/^DATABASE_URL: må være en postgres:\/\/-adresse/m);
    expect(problems).toMatch(/^TEMPORAL_ADDRESS: må være vert:port/m);
  });

  it('treats empty variables as unset, and refuses development tokens in production', () => {
    expect(loadConfig({ DATABASE_URL: '', TEMPORAL_ADDRESS: '' }).DATABASE_URL).toBeUndefined();
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/API_TOKENS: må settes i produksjon/);
  });
});

describe('parseApiTokens', () => {
  it('binds each token to an actor with roles and municipality', () => {
    expect(parseApiTokens('secret-token-1:anne:housing_officer+committee_member:tynset')).toEqual([
      { token: 'secret-token-1', actor: { id: 'anne', roles: ['housing_officer', 'committee_member'], municipality: 'tynset' } },
    ]);
  });

  it('rejects unknown roles, short tokens and malformed entries', () => {
    expect(() => parseApiTokens('secret-token-1:anne:landlord:tynset')).toThrow(/ukjent rolle landlord/);
    expect(() => parseApiTokens('short:anne:admin:*')).toThrow(/minst 8 tegn/);
    expect(() => parseApiTokens('secret-token-1:anne')).toThrow(/nøkkel:bruker:rolle/);
  });
});

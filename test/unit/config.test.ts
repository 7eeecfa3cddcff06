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

  it('leaves metrics, tracing and the ID-porten mapping off unless asked for, and names a bad value', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ METRICS_HOST: '127.0.0.1', OIDC_PROVIDER: 'entra', OIDC_SUBJECT_CLAIM: 'sub' });
    expect(config.METRICS_PORT).toBeUndefined();
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(() => loadConfig({ PORT: '3000', METRICS_PORT: '3000' })).toThrow(/METRICS_PORT: må være en annen port enn PORT/);
    expect(loadConfig({ PORT: '3000', METRICS_PORT: '9464' }).METRICS_PORT).toBe(9464);
    expect(() => loadConfig({ OIDC_PROVIDER: 'feide', OIDC_SUBJECT_CLAIM: 'fnr', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(
      /OIDC_PROVIDER: må være entra eller idporten[\s\S]*OIDC_SUBJECT_CLAIM: må være sub eller pid|OIDC_SUBJECT_CLAIM[\s\S]*OIDC_PROVIDER/,
    );
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', TEMPORAL_ADDRESS: '' }).DATABASE_URL).toBeUndefined();
  });

  it('refuses every static token in production and requires a real OpenID provider over https', () => {
    const oidc = { OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0', OIDC_CLIENT_ID: 'botrygg', OIDC_CLIENT_SECRET: 'hemmelig' };
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/OIDC_ISSUER: må settes i produksjon/);
    expect(() => loadConfig({ NODE_ENV: 'production', ...oidc, API_TOKENS: 'secret-token-1:anne:admin:*' })).toThrow(
      /API_TOKENS: statiske nøkler er ikke tillatt i produksjon/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', ...oidc, OIDC_ISSUER: 'http://idp.example' })).toThrow(/OIDC_ISSUER: må være en https/);
    expect(() => loadConfig({ NODE_ENV: 'production', OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID og OIDC_CLIENT_SECRET/);
    const config = loadConfig({ NODE_ENV: 'production', ...oidc, OIDC_MACHINE_CLIENTS: 'skjema-app:tynset' });
    expect(config.apiTokens).toEqual([]);
    expect(config.machineClients.get('skjema-app')).toBe('tynset');
    // Development keeps its tokens and starts the embedded provider.
    expect(loadConfig({}).OIDC_ISSUER).toBeUndefined();
  });

  it('validates the login variables', () => {
    const problems = (() => {
      try {
        loadConfig({ OIDC_ISSUER: 'ftp://x', OIDC_SCOPES: 'profile', SESSION_IDLE_MINUTES: '0', OIDC_MACHINE_CLIENTS: 'uten-kommune' });
      } catch (err) {
        return (err as ConfigError).problems.join('\n');
      }
      return '';
    })();
    expect(problems).toMatch(/^OIDC_ISSUER: må være en http\(s\):\/\/-adresse/m);
    expect(problems).toMatch(/^OIDC_SCOPES: må inneholde openid/m);
    expect(problems).toMatch(/^SESSION_IDLE_MINUTES:/m);
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

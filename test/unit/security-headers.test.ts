import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { REQUEST_ID_PATTERN, containsNul, isStrictIsoInstant } from '../../api/edge';
import { cspForHtml, CSP_DIRECTIVES } from '../../api/security';
import { isValidIsoDate } from '../../domain/calendar';

describe('edge rules', () => {
  it('allows a printable page exactly its own inline styles, and no script', () => {
    const css = 'body { font-family: serif; }';
    const csp = cspForHtml(`<html><head><style>${css}</style></head><body><script>alert(1)</script></body></html>`);
    expect(csp).toContain(`style-src 'self' 'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('keeps the app-wide policy same-origin for a bundled web app: no inline script or style', () => {
    expect(CSP_DIRECTIVES['script-src']).toEqual(["'self'"]);
    expect(CSP_DIRECTIVES['style-src']).toEqual(["'self'"]);
    expect(CSP_DIRECTIVES['connect-src']).toEqual(["'self'"]);
  });

  it('accepts bounded request IDs only', () => {
    for (const ok of ['3f0c1a9e-0d1b-4c59-9f3e-2a8f7d7c1b11', 'req-12345678', 'trace.id:abc_DEF-123']) expect(REQUEST_ID_PATTERN.test(ok), ok).toBe(true);
    for (const bad of ['', 'kort', 'a'.repeat(65), 'Ingrid Bakken', 'a\nb-12345678', 'æøå-12345678', '-leading-dash']) expect(REQUEST_ID_PATTERN.test(bad), bad).toBe(false);
  });

  it('finds a NUL in values and keys at any depth', () => {
    expect(containsNul({ a: [{ b: 'x\u0000' }] })).toBe(true);
    expect(containsNul({ ['k\u0000']: 1 })).toBe(true);
    expect(containsNul({ a: ['ok', 1, null, { b: 'fine' }] })).toBe(false);
  });

  it('reads only strict ISO 8601 instants', () => {
    for (const ok of ['2026-01-01T10:00Z', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00.5+01:00', '2024-02-29T00:00:00-05:30']) expect(isStrictIsoInstant(ok, isValidIsoDate), ok).toBe(true);
    for (const bad of ['12345', '2026-01-01', '2026-01-01T10:00:00', '2023-02-29T00:00:00Z', '2026-01-01T24:00:00Z', '+012345-01-01T00:00:00Z', '2026-01-01 10:00:00Z', 'March 7, 2026'])
      expect(isStrictIsoInstant(bad, isValidIsoDate), bad).toBe(false);
  });
});

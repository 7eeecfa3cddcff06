import { describe, expect, it } from 'vitest';
import { isValidEmail, notificationMessageId } from '../../activities/notifications';

describe('notification helpers', () => {
  it('derives one Message-ID per dedup key', () => {
    const id = notificationMessageId('tenancy-TYN-2026-ABCDEF#reminder#2026-12');
    expect(id).toMatch(/^<[0-9a-f]{64}@botrygg\.local>$/);
    expect(notificationMessageId('tenancy-TYN-2026-ABCDEF#reminder#2026-12')).toBe(id);
    expect(notificationMessageId('tenancy-TYN-2026-ABCDEF#reminder#2027-01')).not.toBe(id);
  });

  it.each(['ingrid.bakken@example.no', 'a+b@sub.kommune.no', 'ola_nordmann@tynset.kommune.no'])('accepts %s', (a) => {
    expect(isValidEmail(a)).toBe(true);
  });

  it.each(['', 'ingrid', 'ingrid@', '@example.no', 'ingrid@example', 'in grid@example.no', 'a@b@example.no', 'Ingrid <i@example.no>', 'i@example.no\r\nBcc: x@y.no', 'i@example..no'])(
    'rejects %j',
    (a) => {
      expect(isValidEmail(a)).toBe(false);
    },
  );
});

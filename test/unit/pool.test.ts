import { describe, expect, it } from 'vitest';
import { forEachConcurrently } from '../../platform/pool';

describe('forEachConcurrently (signals to the cases a payments file touched)', () => {
  it('calls every item once with no more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    await forEachConcurrently(Array.from({ length: 100 }, (_, i) => i), 8, async (i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 1 + (i % 3)));
      seen.push(i);
      inFlight--;
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(most).toBe(8);
  });

  it('does nothing for no items', async () => {
    await forEachConcurrently([], 8, async () => {
      throw new Error('called');
    });
  });
});

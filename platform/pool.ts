/**
 * Runs `fn` over `items` with at most `limit` calls in flight: enough to hide the round trip of each
 * call (a signal to a workflow takes ~25 ms, nearly all of it waiting), few enough not to flood the
 * server or the connection.
 */
export async function forEachConcurrently<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * Results of applied updates by idempotency key, so a resend gets the first answer. Entity states
 * live for years, so only the newest `kept` keys are remembered.
 */
export interface AppliedResults {
  applied: Record<string, unknown>;
  /** Insertion order of `applied`. */
  appliedOrder: string[];
}

export function rememberResult(holder: AppliedResults, key: string, result: unknown, kept: number): void {
  holder.applied[key] = result;
  holder.appliedOrder.push(key);
  while (holder.appliedOrder.length > kept) {
    const oldest = holder.appliedOrder.shift();
    if (oldest !== undefined) delete holder.applied[oldest];
  }
}

import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import { unscopedKey } from '../domain/idempotency';
import { FailureType } from './messages';

/**
 * Wires a staff action as an update: the validator refuses, with a plain Norwegian reason, what may
 * not happen now (nothing changes and nothing enters history); a repeat of a key returns the first
 * answer, also after continue-as-new, since `applied` travels with the state.
 */
export function setIdempotentUpdateHandler<Arg, Ret>(
  update: UpdateDefinition<Ret, [Arg]>,
  opts: {
    keyOf(arg: Arg): string;
    applied(): Record<string, unknown>;
    /**
     * Whether a result remembered under the unscoped key (before keys were scoped by kind) is this
     * update's own, and so the first answer to a resend. Tells a case action's result from an
     * incident report's, which shared one key space then.
     */
    isOwnLegacyResult?(result: unknown): boolean;
    /** `undefined` when allowed; otherwise the reason and whether the sender may try again later. */
    reject(arg: Arg): { message: string; notYet?: boolean } | undefined;
    apply(arg: Arg): Promise<Ret>;
  },
): void {
  // Only a scoped key has an unscoped form, and scoped keys reach workflows only from API versions
  // that scope them: histories recorded before carry no such key and replay exactly as they did.
  const earlierResult = (arg: Arg): unknown => {
    const applied = opts.applied();
    const key = opts.keyOf(arg);
    if (key in applied) return applied[key];
    const legacy = unscopedKey(key);
    if (legacy === undefined || !(legacy in applied)) return undefined;
    const result = applied[legacy];
    return (opts.isOwnLegacyResult?.(result) ?? true) ? result : undefined;
  };
  setHandler(
    update,
    async (arg) => {
      const earlier = earlierResult(arg);
      return earlier !== undefined ? (earlier as Ret) : opts.apply(arg);
    },
    {
      validator: (arg) => {
        if (earlierResult(arg) !== undefined) return;
        const reason = opts.reject(arg);
        if (reason) {
          throw ApplicationFailure.create({ type: reason.notYet ? FailureType.NotYet : FailureType.InvalidTransition, message: reason.message, nonRetryable: true });
        }
      },
    },
  );
}

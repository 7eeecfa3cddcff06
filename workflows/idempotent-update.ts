import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
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
    /** `undefined` when allowed; otherwise the reason and whether the sender may try again later. */
    reject(arg: Arg): { message: string; notYet?: boolean } | undefined;
    apply(arg: Arg): Promise<Ret>;
  },
): void {
  setHandler(
    update,
    async (arg) => {
      const earlier = opts.applied()[opts.keyOf(arg)];
      return earlier !== undefined ? (earlier as Ret) : opts.apply(arg);
    },
    {
      validator: (arg) => {
        if (opts.keyOf(arg) in opts.applied()) return;
        const reason = opts.reject(arg);
        if (reason) {
          throw ApplicationFailure.create({ type: reason.notYet ? FailureType.NotYet : FailureType.InvalidTransition, message: reason.message, nonRetryable: true });
        }
      },
    },
  );
}

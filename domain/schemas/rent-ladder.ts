import { z } from 'zod';
import { LADDER_ACTIONS } from '../rent/ladder';

const stepKey = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'må være små bokstaver, tall og understrek');

export const LadderStepSchema = z.strictObject({
  key: stepKey,
  label: z.string().trim().min(3).max(200),
  /** Entered when the oldest unpaid rent is this many days past its due date … */
  fromDay: z.int().min(1).max(365).optional(),
  /** … or when more than this many months' rent is overdue. */
  moreThanMonthsOfRent: z.number().min(0.1).max(12).optional(),
  /** Entered when the warning's waiting time is over (the § 4-18 two weeks, § 9-11 too). */
  afterWarningWait: z.boolean().optional(),
  actions: z.array(z.enum(LADDER_ACTIONS)).min(1).max(LADDER_ACTIONS.length),
})
  .refine((s) => s.fromDay !== undefined || s.moreThanMonthsOfRent !== undefined || s.afterWarningWait, {
    message: 'Hvert trinn må si når det inntreffer: fromDay, moreThanMonthsOfRent eller afterWarningWait',
  });

export const RentLadderDefinition = z.strictObject({
  /** Day of month rent falls due; moved to the next business day. */
  dueDay: z.int().min(1).max(28).default(1),
  /** Days after the due date in which nothing happens; the monthly check runs the day after. */
  graceDays: z.int().min(0).max(30).default(5),
  steps: z.array(LadderStepSchema).min(1).max(12),
  paymentPlan: z.strictObject({
      /** An instalment counts as missed this many days after its date. */
      toleranceDays: z.int().min(0).max(30).default(3),
      /** The step a broken plan returns the case to. */
      onBreak: stepKey,
    }),
  warning: z.strictObject({
      /** Tvangsfullbyrdelsesloven § 4-18: an eviction request can be filed this long after the warning. */
      waitDays: z.int().min(14).max(90).default(14),
      /** One source counts from receipt: assume the letter arrives this many days after it is sent. */
      receiptDays: z.int().min(0).max(10).default(3),
      /** Husleieloven § 9-11: wait at least two weeks after notifying NAV. */
      navWaitDays: z.int().min(14).max(90).default(14),
    })
    .default({ waitDays: 14, receiptDays: 3, navWaitDays: 14 }),
})
  .superRefine((ladder, ctx) => {
    const keys = ladder.steps.map((s) => s.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: ['steps'], message: 'Trinnene må ha ulike nøkler' });
    if (!keys.includes(ladder.paymentPlan.onBreak)) {
      ctx.addIssue({ code: 'custom', path: ['paymentPlan', 'onBreak'], message: `Finnes ikke blant trinnene (${keys.join(', ')})` });
    }
    let lastDay = 0;
    ladder.steps.forEach((s, i) => {
      if (s.fromDay === undefined) return;
      if (s.fromDay <= lastDay) ctx.addIssue({ code: 'custom', path: ['steps', i, 'fromDay'], message: 'Trinnene må komme i stigende rekkefølge' });
      lastDay = s.fromDay;
    });
    const warningAt = ladder.steps.findIndex((s) => s.actions.includes('warning_4_18'));
    const committeeAt = ladder.steps.findIndex((s) => s.actions.includes('committee_decision'));
    // No eviction request without a recorded committee decision, and none before the legal warning.
    if (committeeAt < 0) ctx.addIssue({ code: 'custom', path: ['steps'], message: 'Stigen må ende med at boligutvalget tar stilling (committee_decision)' });
    if (warningAt < 0 || (committeeAt >= 0 && warningAt > committeeAt)) {
      ctx.addIssue({ code: 'custom', path: ['steps'], message: 'Varsel etter § 4-18 (warning_4_18) må komme før boligutvalgets behandling' });
    }
  });

export type RentLadderDefinition = z.output<typeof RentLadderDefinition>;
export type LadderStep = RentLadderDefinition['steps'][number];

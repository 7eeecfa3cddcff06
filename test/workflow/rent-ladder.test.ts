import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { asc, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaymentsFile } from '../../api/payment-import';
import { portfolioFigures } from '../../api/routes/rent';
import { caseEvents } from '../../db/schema';
import { notificationContacts } from '../../db/schema-notifications';
import { letterProfiles, letters } from '../../db/schema-letters';
import { addDays, osloDate, osloInstant, type IsoDate } from '../../domain/calendar';
import { tenancyWorkflowId } from '../../domain/ids';
import { policyWith } from '../../domain/tenancy/policy';
import { dueDateFor, nextPeriod, periodLabel, rentPeriod } from '../../domain/rent/schedule';
import type { Actor } from '../../domain/roles';
import type { CaseActionPayload } from '../../domain/tenancy/actions';
import type { TenancyView } from '../../domain/tenancy/view';
import { createSmtpMailer, type Mailer } from '../../platform/mailer';
import { allocated, DEMO_DWELLINGS, movedIn } from '../../scripts/demo-data';
import { caseActionUpdate, tenancyStateQuery } from '../../workflows/messages';
import { tenancyWorkflow } from '../../workflows/tenancy';
import { application, followUpWorker, officer, testCaseId } from '../helpers/fixtures';
import { startSmtpServer, type ReceivedMail, type SmtpHarness } from '../helpers/smtp';
import { recordHistoryIfAsked, untilIdle, useWorkflowTestContext } from '../helpers/temporal';

const PROFILES = ['always_pays', 'pays_late', 'plan_kept', 'plan_broken', 'pays_before_warning'] as const;
type Profile = (typeof PROFILES)[number];

describe('rent ladder: a year of rent for five tenants', () => {
  const received: ReceivedMail[] = [];
  let smtp: SmtpHarness;
  let mailer: Mailer | undefined;
  beforeAll(async () => {
    smtp = await startSmtpServer(received);
    mailer = createSmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'Botrygg <noreply@botrygg.local>' });
  });
  const ctx = useWorkflowTestContext({ mailer: () => mailer });
  afterAll(async () => {
    await mailer?.close();
    await smtp?.stop();
  });

  // A municipality of this run's own: its mailboxes, accounts and figures are this file's alone.
  const municipality = `rent-${randomUUID().slice(0, 8)}`;
  const mailbox = (role: string) => `${role}@${municipality}.kommune.no`;
  const office: Actor = { id: 'berit.boligkontor', roles: ['housing_office'], municipality };
  const committee: Actor = { id: 'boligutvalget', roles: ['committee_member'], municipality };
  const actors = { officer: { ...officer, municipality }, followUpWorker: { ...followUpWorker, municipality } };

  it('catches arrears within days, keeps or breaks payment plans, and never files an eviction request without the committee', { timeout: 240_000 }, async () => {
    const { env, database } = ctx;
    const db = database.db;
    await db.insert(notificationContacts).values(['follow_up_worker', 'nav', 'housing_office'].map((role) => ({ municipality, role, email: mailbox(role) })));
    // The account number the § 4-18 letter prints (issue 16: the ladder makes the letter itself).
    await db.insert(letterProfiles).values({ municipality, municipalityName: 'Testkommune', headerLines: [], language: 'nb', appealBody: 'Statsforvalteren', receiptBusinessDays: 3, rentAccountNumber: '1234.56.78903', updatedBy: 'test' });
    const logger = pino({ level: 'silent' });
    const importDeps = { db, temporal: env.client, logger };

    const now = async () => env.currentTimeMs();
    const today = async () => osloDate(await now());
    const sleepUntil = async (date: IsoDate, time = '12:00') => {
      await untilIdle(env, PROFILES.flatMap((p) => (cases[p] ? [tenancyWorkflowId(cases[p].caseId)] : [])));
      const ms = osloInstant(date, time) - (await now());
      if (ms > 0) await env.sleep(ms);
    };

    // Five tenants move in today.
    const start = await today();
    const cases = {} as Record<Profile, { caseId: string; email: string; view: () => Promise<TenancyView>; act: (p: CaseActionPayload, as?: Actor) => Promise<unknown> }>;
    const handles = {} as Record<Profile, { firstExecutionRunId: string }>;
    for (const profile of PROFILES) {
      const caseId = testCaseId();
      const email = `${profile.replace(/_/g, '-')}@leietaker.example`;
      const handle = await env.client.workflow.start(tenancyWorkflow, {
        workflowId: tenancyWorkflowId(caseId),
        taskQueue: ctx.taskQueue,
        // A low threshold, so that the year crosses continue-as-new with the ladder's state.
        args: [{ caseId, application: application({ municipality, receivedDate: start, applicant: { name: `Leietaker ${profile}`, email } }), policy: { ...policyWith({}), historyEventsBeforeContinueAsNew: 1000 } }],
      });
      const act = (payload: CaseActionPayload, as: Actor = actors.officer) =>
        env.client.workflow.getHandle(handle.workflowId).executeUpdate(caseActionUpdate, { args: [{ idempotencyKey: randomUUID(), actor: as, payload }] });
      for (const step of [...allocated(start, DEMO_DWELLINGS[1]!), ...movedIn(start)]) await act(step.payload, step.as ? actors[step.as] : actors.officer);
      cases[profile] = { caseId, email, view: () => env.client.workflow.getHandle(handle.workflowId).query(tenancyStateQuery), act };
      handles[profile] = handle;
    }
    const rent = (await cases.always_pays.view()).monthlyRentOre!;
    expect(rent).toBe(915_000);
    const kid = async (p: Profile) => (await cases[p].view()).rent!.kid;

    /** The finance system's file for the day: one line per payment, by KID. */
    let fileNo = 0;
    async function pay(date: IsoDate, lines: Array<{ profile: Profile; amountOre: number; type?: 'bostøtte'; period?: string }>) {
      await sleepUntil(date);
      const rows = await Promise.all(
        lines.map(async (l, i) => `T${date.replace(/-/g, '')}-${fileNo}-${i};${date};${(l.amountOre / 100).toFixed(2).replace('.', ',')};${await kid(l.profile)};${l.type ?? 'innbetaling'};${l.period ?? ''}`),
      );
      const content = ['transaksjonsid;dato;beløp;kid;type;periode', ...rows].join('\r\n');
      const outcome = await importPaymentsFile(importDeps, { filename: `innbetalinger-${date}-${fileNo++}.csv`, content }, office);
      expect(outcome.status).toBe('applied');
      const importId = outcome.status === 'applied' ? String(outcome.importId) : '';
      // The signal makes each case a payment can move check at once: wait until it has. The others
      // (nothing overdue: domain/tenancy/payment-wake.ts) see the payment at their next scheduled check.
      const woken = outcome.status === 'applied' ? (outcome.casesSignalled ?? []) : [];
      for (const l of lines.filter((x) => woken.includes(cases[x.profile].caseId))) {
        await expect.poll(async () => { const r = (await cases[l.profile].view()).rent; return r?.lastImportId === importId && !r.checkRequested; }, { timeout: 15_000 }).toBe(true);
      }
    }

    // The move-in month is charged for the days left in it; everyone pays that at once.
    const first = (await cases.always_pays.view()).moveInDate!;
    await expect.poll(async () => (await cases.always_pays.view()).rent?.nextChargePeriod, { timeout: 15_000 }).toBe(nextPeriod(rentPeriod(first)));
    const daysIn = Number(addDays(`${nextPeriod(rentPeriod(first))}-01`, -1).slice(8));
    const prorated = Math.round((rent * (daysIn - Number(first.slice(8)) + 1)) / daysIn);
    await pay(start, PROFILES.map((profile) => ({ profile, amountOre: prorated })));

    // Twelve months of rent, each due the 1st moved to a business day.
    const periods: string[] = [];
    for (let p = nextPeriod(rentPeriod(first)); periods.length < 12; p = nextPeriod(p)) periods.push(p);
    const due = (i: number) => dueDateFor(periods[i]!, 1);
    const half = rent / 2;

    // Every payment of the year, by date; actions (plans, committee) happen between them.
    type Step = { date: IsoDate; run: () => Promise<void> };
    const steps: Step[] = [];
    const payOn = (date: IsoDate, profile: Profile, amountOre: number) => steps.push({ date, run: () => pay(date, [{ profile, amountOre }]) });
    for (let i = 0; i < 12; i++) {
      payOn(due(i), 'always_pays', rent);
      payOn(addDays(due(i), 10), 'pays_late', rent);
      if (i >= 2) {
        payOn(due(i), 'plan_kept', rent);
        payOn(due(i), 'plan_broken', rent);
        payOn(due(i), 'pays_before_warning', rent);
      }
    }
    // Housing allowance for the second month reaches the municipality on the 20th: a settlement follows.
    steps.push({ date: `${periods[1]}-20`, run: () => pay(`${periods[1]}-20`, [{ profile: 'always_pays', amountOre: 250_000, type: 'bostøtte', period: periods[1]! }]) });

    // Two months behind; a plan of four instalments agreed on day 42, before the warning at day 60.
    const planDate = addDays(due(0), 42);
    const instalments = [2, 3, 4, 5].map((i) => ({ dueDate: `${periods[i]}-15`, amountOre: half }));
    const agreePlan = (profile: Profile) => steps.push({ date: planDate, run: async () => {
      await sleepUntil(planDate);
      const v = await cases[profile].view();
      expect(v.rent!.step).toBe('follow_up');
      expect(v.rent!.balance!.overdueOre).toBe(2 * rent);
      await cases[profile].act({ type: 'agreePaymentPlan', agreedDate: planDate, instalments, note: 'Avtalt i trepartsmøte' }, actors.followUpWorker);
    } });
    agreePlan('plan_kept');
    agreePlan('plan_broken');
    for (const inst of instalments) payOn(inst.dueDate, 'plan_kept', inst.amountOre);
    payOn(instalments[0]!.dueDate, 'plan_broken', half);
    // Everything, the day before the § 4-18 warning would go out (day 60).
    payOn(addDays(due(0), 59), 'pays_before_warning', 3 * rent);

    steps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    let evictionChecked = false;
    for (const step of steps) {
      // The broken plan's committee step comes between payments: act on it once it is reached.
      if (!evictionChecked && (await cases.plan_broken.view()).rent?.episode?.warning && step.date >= (await cases.plan_broken.view()).rent!.episode!.warning!.earliestEvictionRequest) {
        await committeeDecides();
        evictionChecked = true;
      }
      await step.run();
    }
    await sleepUntil(addDays(due(11), 20));

    async function committeeDecides() {
      const c = cases.plan_broken;
      const warning = (await c.view()).rent!.episode!.warning!;
      await sleepUntil(warning.earliestEvictionRequest, '09:00');
      await expect.poll(async () => (await c.view()).rent?.step, { timeout: 15_000 }).toBe('committee');
      expect((await c.view()).waitingFor.tasks.map((t) => t.id)).toContain('rent-committee');
      // No eviction request without a recorded decision.
      const refused = await c.act({ type: 'fileEvictionRequest', date: await today() }).then(() => undefined, (e: unknown) => e);
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((refused as WorkflowUpdateFailedError).cause!.message).toBe('Begjæring om fravikelse kan ikke sendes uten et vedtak i boligutvalget.');
      await c.act({ type: 'recordCommitteeDecision', outcome: 'approve_eviction_request', date: await today(), meetingId: 'm-test', note: 'Restansen er ikke betalt etter varsel.' }, committee);
      await c.act({ type: 'fileEvictionRequest', date: await today(), note: 'Sendt namsmannen' }, office);
    }

    const views = Object.fromEntries(await Promise.all(PROFILES.map(async (p) => [p, await cases[p].view()]))) as Record<Profile, TenancyView>;
    const timeline = async (p: Profile) =>
      (await db.select().from(caseEvents).where(eq(caseEvents.caseId, cases[p].caseId)).orderBy(asc(caseEvents.at), asc(caseEvents.id))).map((e) => e.kind);
    const mailsTo = (address: string, subject: string) => received.filter((m) => m.to.includes(address) && m.subject?.includes(subject));
    const ladderSteps = async (p: Profile) =>
      (await db.select().from(caseEvents).where(eq(caseEvents.caseId, cases[p].caseId)).orderBy(asc(caseEvents.at), asc(caseEvents.id))).filter((e) => e.kind === 'rent_ladder_step').map((e) => (e.data as { step: string }).step);

    // 1. Always pays: never on the ladder; the allowance month got a settlement.
    expect(views.always_pays.rent!.pastEpisodes).toEqual([]);
    expect(await ladderSteps('always_pays')).toEqual([]);
    await expect.poll(() => mailsTo(cases.always_pays.email, 'Avregning').length, { timeout: 10_000 }).toBe(1);
    expect(mailsTo(cases.always_pays.email, 'Avregning')[0]!.text).toContain(`Bostøtte for ${periodLabel(periods[1]!)}: 2 500,00 kr`);

    // 2. Pays late every month: a reminder each month, nothing more, and each episode cleared.
    expect(await ladderSteps('pays_late')).toEqual(Array(12).fill('reminder'));
    await expect.poll(() => mailsTo(cases.pays_late.email, 'Påminnelse').length, { timeout: 10_000 }).toBe(12);
    expect(views.pays_late.rent!.step).toBeUndefined();
    expect(views.pays_late.rent!.pastEpisodes.every((e) => e.firstContactDate && e.highestStep === 'reminder')).toBe(true);

    if (process.env.DEBUG_RENT) for (const p of PROFILES) console.log(p, (await db.select().from(caseEvents).where(eq(caseEvents.caseId, cases[p].caseId)).orderBy(asc(caseEvents.at), asc(caseEvents.id))).filter((e) => !/visit|deadline|task/.test(e.kind)).map((e) => `${osloDate(e.at.getTime())} ${e.kind} ${e.summary}`).join('\n'));
    // 3. Two months behind, then a plan kept to the end: the ladder stopped at the follow-up step.
    expect(await ladderSteps('plan_kept')).toEqual(['reminder', 'follow_up']);
    expect(await timeline('plan_kept')).toEqual(expect.arrayContaining(['payment_plan_agreed', 'instalment_kept', 'arrears_cleared']));
    expect(views.plan_kept.rent!.pastEpisodes.at(-1)).toMatchObject({ plansCompleted: 1, plansBroken: 0, highestStep: 'follow_up' });
    expect(mailsTo(mailbox('follow_up_worker'), cases.plan_kept.caseId).length).toBe(1);

    // 4. The broken plan: § 4-18 warning, § 9-11 notice to NAV, the committee's decision, then the request.
    expect(await ladderSteps('plan_broken')).toEqual(['reminder', 'follow_up', 'warning', 'committee']);
    const broken = views.plan_broken.rent!.episode!;
    expect(broken.plans[0]).toMatchObject({ status: 'broken' });
    expect(broken.plans[0]!.instalments.map((i) => i.result)).toEqual(['kept', 'missed', undefined, undefined]);
    expect(broken.committee?.decision?.outcome).toBe('approve_eviction_request');
    expect(broken.evictionRequest?.filedDate).toBeDefined();
    expect(mailsTo(cases.plan_broken.email, '§ 4-18').length).toBe(1);
    expect(mailsTo(cases.plan_broken.email, '§ 4-18')[0]!.text).toContain('Betaler du husleien, renter og kostnader før fravikelsen er gjennomført, stanser saken.');
    expect(mailsTo(mailbox('nav'), cases.plan_broken.caseId).length).toBe(1);
    // Issue 16: the ladder made the § 4-18 letter for registered post and the § 9-11 copy for post.
    // (The first letter of every case is the decision on its application.)
    const brokenLetters = (await db.select().from(letters).where(eq(letters.caseId, cases.plan_broken.caseId)).orderBy(asc(letters.createdAt))).filter((l) => l.kind !== 'decision');
    expect(brokenLetters.map((l) => [l.kind, l.channel, l.createdBy])).toEqual([
      ['eviction_warning', 'registered_post', 'botrygg'],
      ['nav_notice_copy', 'post', 'botrygg'],
    ]);
    expect(brokenLetters[0]!.content.paragraphs.join(' ')).toContain('Betal til konto 1234.56.78903');
    expect(broken.warning!.letterId).toBe(brokenLetters[0]!.letterId);
    expect((await db.select().from(letters).where(eq(letters.caseId, cases.pays_before_warning.caseId))).map((l) => l.kind)).toEqual(['decision']);

    // 5. Paid everything the day before the warning: no warning, no NAV notice, ladder reset.
    expect(await ladderSteps('pays_before_warning')).toEqual(['reminder', 'follow_up']);
    expect(mailsTo(cases.pays_before_warning.email, '§ 4-18')).toEqual([]);
    expect(mailsTo(mailbox('nav'), cases.pays_before_warning.caseId)).toEqual([]);
    expect(views.pays_before_warning.rent!.step).toBeUndefined();
    expect(views.pays_before_warning.rent!.pastEpisodes.at(-1)!.closedDate).toBe(addDays(due(0), 59));

    const brokenHandle = env.client.workflow.getHandle(tenancyWorkflowId(cases.plan_broken.caseId));
    // The first run holds move-in, the reminder, the follow-up step and the plan; the replay suite keeps it.
    expect((await brokenHandle.describe()).runId).not.toBe(handles.plan_broken.firstExecutionRunId);
    await recordHistoryIfAsked(env, brokenHandle.workflowId, handles.plan_broken.firstExecutionRunId, 'rent-plan-broken-first-run');
    const figures = await portfolioFigures(db, municipality, await today());
    console.log(`Rent figures for the test portfolio:\n${JSON.stringify(figures, null, 2)}`);
    expect(figures.tenancies).toBe(5);
    expect(figures.perStep).toMatchObject({ none: 4, committee: 1 });
    expect(figures.tenanciesInArrears).toBe(1);
    expect(figures.paymentPlans).toEqual({ active: 0, completed: 1, broken: 1 });
    expect(figures.daysToFirstContact.median).toBeLessThanOrEqual(7);
  });
});

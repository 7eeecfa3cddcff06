import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities';
import type { DatabaseHandle } from '../../db/client';
import { caseEvents, caseTasks, incidents } from '../../db/schema';
import { notificationContacts } from '../../db/schema-notifications';
import { DEFAULT_TEMPLATE, fillAgreementRows, SITUATION_KEYS, type SituationKey } from '../../domain/agreement-template';
import type { IncidentActionPayload } from '../../domain/incidents/actions';
import type { IncidentReport } from '../../domain/incidents/incident';
import type { Actor } from '../../domain/roles';
import { createSmtpMailer, type Mailer } from '../../platform/mailer';
import { osloDate } from '../../domain/calendar';
import { tenancyWorkflowId } from '../../domain/ids';
import { incidentWorkflow } from '../../workflows/incident';
import { tenancyWorkflow } from '../../workflows/tenancy';
import { incidentActionUpdate, incidentStateQuery } from '../../workflows/messages';
import { openTestDatabase } from '../helpers/database';
import { application, followUpWorker, testCaseId } from '../helpers/fixtures';
import { startSmtpServer, type ReceivedMail, type SmtpHarness } from '../helpers/smtp';
import { Worker } from '@temporalio/worker';
import { createTimeSkippingEnv, recordHistoryIfAsked, taskQueueFor, workflowBundle } from '../helpers/temporal';

const housingOffice: Actor = { id: 'berit.boligkontor', roles: ['housing_office'], municipality: 'tynset' };
const departmentHead: Actor = { id: 'anne.avdelingsleder', roles: ['department_head'], municipality: 'tynset' };
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('incidentWorkflow: every row of the follow-up agreement, from report to close', () => {
  let env: TestWorkflowEnvironment;
  let database: DatabaseHandle;
  let smtp: SmtpHarness;
  let mailer: Mailer;
  const received: ReceivedMail[] = [];
  // A municipality of this run's own, so its team mailboxes are the ones this file set.
  const municipality = `inc-${randomUUID().slice(0, 8)}`;
  const BOLIGKONTORET = `boligkontoret@${municipality}.kommune.no`;
  const OPPFOLGING = `oppfolging@${municipality}.kommune.no`;

  beforeAll(async () => {
    [env, database, smtp] = await Promise.all([createTimeSkippingEnv(), openTestDatabase(), startSmtpServer(received)]);
    mailer = createSmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'Botrygg <noreply@botrygg.local>' });
    await database.db.insert(notificationContacts).values([
      { municipality, role: 'housing_office', email: BOLIGKONTORET },
      { municipality, role: 'follow_up_worker', email: OPPFOLGING },
    ]);
  });
  afterAll(async () => {
    await env?.teardown();
    await mailer?.close();
    await smtp?.stop();
    await database?.close();
  });
  // One worker for the whole file, and no workflow terminated: each test's tenancy and incident keep
  // being served while later tests skip weeks, so no timer ever fires on a queue nobody polls.
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = taskQueueFor('incidents');
  beforeAll(async () => {
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: createActivities({ db: database.db, mailer, temporal: env.client }),
    });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
  });
  const withWorker = <T>(_title: string, test: (taskQueue: string) => Promise<T>) => test(taskQueue);

  /** The agreement version 3 as signed: every optional row kept unless told otherwise. */
  function agreementRow(situation: SituationKey, without: SituationKey[] = []) {
    const optional = SITUATION_KEYS.filter((k) => !without.includes(k));
    const rows = fillAgreementRows(DEFAULT_TEMPLATE, optional, { visitFrequency: { times: 1, per: 'week' }, lockedDoorWaitMinutes: 30, deviationWeeks: 2 });
    return rows.find((r) => r.key === situation);
  }

  async function report(
    taskQueue: string,
    situation: SituationKey,
    extra: Partial<IncidentReport> & { coLocated?: boolean; without?: SituationKey[] } = {},
  ) {
    const { coLocated = false, without = [], ...details } = extra;
    const caseId = testCaseId();
    const now = await env.currentTimeMs();
    // The tenancy the incident reports back to (its outcome signal needs a receiver).
    await env.client.workflow.start(tenancyWorkflow, {
        workflowId: tenancyWorkflowId(caseId),
        taskQueue,
        args: [{ caseId, application: application({ municipality, receivedDate: osloDate(now) }) }],
      });
    const handle = await env.client.workflow.start(incidentWorkflow, {
        workflowId: `incident-${caseId}-1`,
        taskQueue,
        args: [
          {
            incidentId: `${caseId}-H1`,
            caseId,
            municipality,
            report: { situation, description: 'Meldt i testen', channel: 'staff_app', occurredAt: new Date(now).toISOString(), ...details, reportedBy: 'ola.hansen', reportedAt: now },
            agreementVersion: 3,
            row: agreementRow(situation, without),
            deviationWeeks: 2,
            lockedDoorWaitMinutes: 30,
            followUpWorkerId: 'ola.hansen',
            coLocated,
            tenancyWorkflowId: tenancyWorkflowId(caseId),
          },
        ],
      });
    const view = () => handle.query(incidentStateQuery);
    const act = (payload: IncidentActionPayload, actor: Actor = followUpWorker) =>
      handle.executeUpdate(incidentActionUpdate, { args: [{ idempotencyKey: randomUUID(), actor, payload }] });
    const open = async () => (await view()).tasks.filter((t) => t.status === 'open').map((t) => `${t.id.replace(`${caseId}-H1-`, '')}:${t.role}`);
    const mailsFor = (subjectPart: string) => received.filter((m) => m.subject?.includes(caseId) && m.subject.includes(subjectPart));
    const taskId = (short: string) => `${caseId}-H1-${short}`;
    return { caseId, handle, view, act, open, mailsFor, taskId };
  }

  const waitForMail = async (mails: () => ReceivedMail[], n = 1) => expect.poll(() => mails().length, { timeout: 10_000 }).toBe(n);

  it('untidy home with damage: housing office told at once; after 2 weeks of deviation, escalation and a three-party meeting that revises the agreement', async () => {
    await withWorker('untidy home', async (tq) => {
      const c = await report(tq, 'untidy_home', { damage: true });
      expect(await c.open()).toEqual(['motivate:follow_up_worker', 'damage:housing_office']);
      expect((await c.view()).agreementVersion).toBe(3);
      await waitForMail(() => c.mailsFor('Skade på boligen'));
      expect(c.mailsFor('Skade på boligen')[0]!.to).toEqual([BOLIGKONTORET]);

      await env.sleep(13 * DAY);
      expect((await c.view()).escalations).toBe(0);
      await env.sleep(1 * DAY + MINUTE);
      const v = await c.view();
      expect(v.escalations).toBe(1);
      expect(await c.open()).toEqual(['motivate:follow_up_worker', 'damage:housing_office', 'meeting:housing_office', 'assess-nav:follow_up_worker']);
      await waitForMail(() => c.mailsFor('Avvik har vart i to uker'));

      await c.act({ type: 'completeMeasure', taskId: c.taskId('motivate'), note: 'Ryddet sammen med leietaker.' });
      await c.act({ type: 'completeMeasure', taskId: c.taskId('damage'), note: 'Vaktmester har tettet hullet.' }, housingOffice);
      await c.act({ type: 'recordAssessment', taskId: c.taskId('assess-nav'), decision: 'yes', note: 'Søknad om støtte til container sendt NAV.' });
      await expect(c.act({ type: 'recordMeetingOutcome', taskId: c.taskId('meeting'), outcome: 'kept', note: 'x' }, housingOffice)).rejects.toThrow();
      await c.act({ type: 'proposeMeeting', taskId: c.taskId('meeting'), proposedTimes: ['2026-12-14T10:00:00+01:00'], participants: ['tenant', 'follow_up_worker', 'housing_service'] }, housingOffice);
      // Issue 11: the participants are invited through the outbox, with the time; the tenant (no e-mail here) by post.
      await waitForMail(() => c.mailsFor('Innkalling til trepartssamtale'), 2);
      expect(c.mailsFor('Innkalling til trepartssamtale').flatMap((m) => m.to).sort()).toEqual([BOLIGKONTORET, OPPFOLGING]);
      expect(c.mailsFor('Innkalling til trepartssamtale')[0]!.text).toContain('Tidspunkt: 14. desember 2026 kl. 10:00.');
      expect(await c.open()).toContain('meeting-letter-1:housing_office');
      const last = await c.act({ type: 'recordMeetingOutcome', taskId: c.taskId('meeting'), outcome: 'revised', note: 'Besøk to ganger i uka.' }, housingOffice);
      expect(last.status).toBe('closed');
      expect((await c.view()).revisionRequested).toBe(true);
      expect(await c.handle.result()).toMatchObject({ status: 'closed' });
      await recordHistoryIfAsked(env, c.handle.workflowId, c.handle.firstExecutionRunId, 'incident-untidy-home');
      await recordHistoryIfAsked(env, tenancyWorkflowId(c.caseId), '', 'tenancy-with-incident-signals');
      const [row] = await database.db.select().from(incidents).where(eq(incidents.caseId, c.caseId));
      expect(row).toMatchObject({ status: 'closed', situation: 'untidy_home', agreementVersion: 3, escalations: 1 });
      expect(await database.db.select().from(caseTasks).where(eq(caseTasks.source, `${c.caseId}-H1`))).toEqual([]);
      const kinds = (await database.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.caseId))).map((e) => e.kind);
      expect(kinds).toEqual(expect.arrayContaining(['incident_reported', 'incident_escalated', 'meeting_proposed', 'meeting_held', 'incident_closed']));
    });
  });

  it('untidy home put right within two weeks: no escalation', async () => {
    await withWorker('untidy resolved', async (tq) => {
      const c = await report(tq, 'untidy_home');
      await env.sleep(5 * DAY);
      await c.act({ type: 'resolve', note: 'Leiligheten er i orden.' });
      await c.act({ type: 'completeMeasure', taskId: c.taskId('motivate'), note: 'Fulgt opp.' });
      expect((await c.view()).status).toBe('closed');
      expect((await c.view()).escalations).toBe(0);
      expect(c.mailsFor('Avvik har vart i to uker')).toEqual([]);
    });
  });

  it('locked door: after the agreed wait, unlocking is allowed, the housing office is told, entry and police are assessed; every step is timestamped', async () => {
    await withWorker('locked door', async (tq) => {
      const c = await report(tq, 'locked_door');
      expect(await c.open()).toEqual(['keep-trying:follow_up_worker']);
      await env.sleep(29 * MINUTE);
      expect((await c.view()).escalations).toBe(0);
      await c.act({ type: 'recordStep', text: 'Ringte leietaker; ikke svar.' });
      await env.sleep(2 * MINUTE);
      expect(await c.open()).toEqual(['keep-trying:follow_up_worker', 'may-unlock:follow_up_worker', 'assess-entry:housing_office', 'assess-police:housing_office']);
      await waitForMail(() => c.mailsFor('Ingen kontakt ved låst dør'));
      await c.act({ type: 'recordStep', text: 'Låste oss inn sammen med boligkontoret; leietaker sov.' });
      await c.act({ type: 'completeMeasure', taskId: c.taskId('may-unlock'), note: 'Låst inn kl. 10.40.' });
      await c.act({ type: 'recordAssessment', taskId: c.taskId('assess-entry'), decision: 'yes', note: 'Fare for helse vurdert.' }, housingOffice);
      await c.act({ type: 'recordAssessment', taskId: c.taskId('assess-police'), decision: 'no', note: 'Ikke nødvendig.' }, housingOffice);
      await c.act({ type: 'completeMeasure', taskId: c.taskId('keep-trying'), note: 'Kontakt oppnådd.' });
      const v = await c.view();
      expect(v.status).toBe('closed');
      const steps = v.steps.filter((s) => s.byId !== 'botrygg');
      expect(steps.map((s) => s.text)).toEqual(['Ringte leietaker; ikke svar.', 'Låste oss inn sammen med boligkontoret; leietaker sov.']);
      expect(steps[1]!.at - steps[0]!.at).toBeGreaterThanOrEqual(2 * MINUTE);
    });
  });

  it('locked door in a co-located flat: the follow-up worker may unlock for medicine distribution', async () => {
    await withWorker('locked co-located', async (tq) => {
      const c = await report(tq, 'locked_door_co_located', { coLocated: true });
      expect(await c.open()).toEqual(['unlock:follow_up_worker']);
      const done = await c.act({ type: 'completeMeasure', taskId: c.taskId('unlock'), note: 'Medisiner delt ut.' });
      expect(done.status).toBe('closed');
    });
  });

  it('an optional row removed from the agreement: the housing office assesses measures', async () => {
    await withWorker('row removed', async (tq) => {
      const c = await report(tq, 'locked_door_co_located', { without: ['locked_door_co_located'] });
      expect((await c.view()).row).toBeUndefined();
      expect(await c.open()).toEqual(['assess:housing_office']);
      await waitForMail(() => c.mailsFor('Hendelse uten avtalte tiltak'));
      expect((await c.act({ type: 'recordAssessment', taskId: c.taskId('assess'), decision: 'no', note: 'Ikke aktuelt.' }, housingOffice)).status).toBe('closed');
    });
  });

  it('visible drug use: talk and motivate, and an assessment of telling the housing office', async () => {
    await withWorker('drug use', async (tq) => {
      const c = await report(tq, 'drug_use');
      expect(await c.open()).toEqual(['talk:follow_up_worker', 'assess-notify:follow_up_worker']);
      await expect(c.act({ type: 'completeMeasure', taskId: c.taskId('assess-notify'), note: 'Feil handling' })).rejects.toThrow();
      await c.act({ type: 'completeMeasure', taskId: c.taskId('talk'), note: 'Snakket om kriseplanen.' });
      expect((await c.act({ type: 'recordAssessment', taskId: c.taskId('assess-notify'), decision: 'no', note: 'Følges opp internt.' })).status).toBe('closed');
    });
  });

  it('intoxicated visitors: appointment cancellation assessed, others staying reported, meeting assessed', async () => {
    await withWorker('intoxicated', async (tq) => {
      const c = await report(tq, 'intoxicated_visitors', { othersStaying: true });
      expect(await c.open()).toEqual(['assess-cancel:follow_up_worker', 'assess-meeting:housing_office']);
      await waitForMail(() => c.mailsFor('Andre oppholder seg i boligen'));
      await c.act({ type: 'recordAssessment', taskId: c.taskId('assess-cancel'), decision: 'yes', note: 'Avtalen avlyst.' });
      // «Vurdere trepartssamtale» = yes calls the meeting: the incident stays open until it is held.
      expect((await c.act({ type: 'recordAssessment', taskId: c.taskId('assess-meeting'), decision: 'yes', note: 'Innkalles.' }, housingOffice)).status).toBe('open');
      expect(await c.open()).toEqual(['meeting:housing_office']);
      await c.act({ type: 'proposeMeeting', taskId: c.taskId('meeting'), proposedTimes: ['2026-12-10T09:00:00+01:00'], participants: ['tenant', 'follow_up_worker', 'housing_service'] }, housingOffice);
      expect((await c.act({ type: 'recordMeetingOutcome', taskId: c.taskId('meeting'), outcome: 'kept', note: 'Besøksregler avtalt.' }, housingOffice)).status).toBe('closed');
    });
  });

  it('threats or weapons: the worker leaves, the housing office is told at once, three assessments follow', async () => {
    await withWorker('threats', async (tq) => {
      const c = await report(tq, 'threats_or_weapons');
      expect((await c.view()).steps[0]!.text).toMatch(/forlot boligen/);
      expect(await c.open()).toEqual(['assess-damage-report:follow_up_worker', 'assess-police:follow_up_worker', 'assess-meeting:follow_up_worker']);
      await waitForMail(() => c.mailsFor('Trusler eller våpen'));
      for (const id of ['assess-damage-report', 'assess-police', 'assess-meeting']) {
        await c.act({ type: 'recordAssessment', taskId: c.taskId(id), decision: id === 'assess-police' ? 'yes' : 'no', note: 'Vurdert med leder.' });
      }
      expect((await c.view()).status).toBe('closed');
    });
  });

  it('burglary or damaged inventory: the tenant is reminded of the contents insurance, and again after two weeks', async () => {
    await withWorker('burglary', async (tq) => {
      const c = await report(tq, 'burglary_or_damage');
      await c.act({ type: 'completeMeasure', taskId: c.taskId('insurance'), note: 'Informert.' });
      expect((await c.view()).status).toBe('open');
      await env.sleep(14 * DAY + MINUTE);
      expect(await c.open()).toEqual(['insurance-followup:follow_up_worker']);
      expect((await c.act({ type: 'completeMeasure', taskId: c.taskId('insurance-followup'), note: 'Meldt til forsikringen.' })).status).toBe('closed');
    });
  });

  it('missing rent: the housing office informs and calls a meeting; in co-located housing the department head does', async () => {
    await withWorker('missing rent', async (tq) => {
      const ordinary = await report(tq, 'missing_rent');
      expect(await ordinary.open()).toEqual(['inform:housing_office', 'meeting:housing_office', 'assess-measures:housing_office']);
      const coLocated = await report(tq, 'missing_rent', { coLocated: true });
      expect(await coLocated.open()).toEqual(['inform:department_head', 'meeting:department_head', 'assess-measures:department_head']);
      await coLocated.act({ type: 'completeMeasure', taskId: coLocated.taskId('inform'), note: 'Hentet fra regnskap.' }, departmentHead);
      await coLocated.act({ type: 'proposeMeeting', taskId: coLocated.taskId('meeting'), proposedTimes: ['2026-12-10T09:00:00+01:00'], participants: ['tenant', 'follow_up_worker', 'housing_service', 'nav'] }, departmentHead);
      await coLocated.act({ type: 'recordMeetingOutcome', taskId: coLocated.taskId('meeting'), outcome: 'other_measures', note: 'Betalingsplan.' }, departmentHead);
      expect((await coLocated.act({ type: 'recordAssessment', taskId: coLocated.taskId('assess-measures'), decision: 'yes', note: 'Betalingsplan avtalt.' }, departmentHead)).status).toBe('closed');
    });
  });

  it('neighbour complaint from the form: the follow-up worker is told, a three-party meeting is called and measures assessed', async () => {
    await withWorker('neighbour', async (tq) => {
      const c = await report(tq, 'neighbour_complaints', { channel: 'neighbour_form', complainant: 'Nabo i 2. etasje' });
      expect(await c.open()).toEqual(['tell-tenant:housing_office', 'meeting:housing_office', 'assess-measures:housing_office']);
      await waitForMail(() => c.mailsFor('Naboklage'));
      await c.act({ type: 'completeMeasure', taskId: c.taskId('tell-tenant'), note: 'Brev sendt til leietaker.' }, housingOffice);
      expect(c.mailsFor('Naboklage')[0]!.to).toEqual([OPPFOLGING]);
      await c.act({ type: 'proposeMeeting', taskId: c.taskId('meeting'), proposedTimes: ['2026-12-10T09:00:00+01:00', '2026-12-11T13:00:00+01:00'], participants: ['tenant', 'follow_up_worker', 'housing_service'] }, housingOffice);
      await c.act({ type: 'recordMeetingOutcome', taskId: c.taskId('meeting'), outcome: 'kept', note: 'Leietaker informert om klagene.' }, housingOffice);
      expect((await c.act({ type: 'recordAssessment', taskId: c.taskId('assess-measures'), decision: 'no', note: 'Ingen nye tiltak nå.' }, housingOffice)).status).toBe('closed');
    });
  });

  it('tenant declines further follow-up: the housing service is informed and the incident closes', async () => {
    await withWorker('declines', async (tq) => {
      const c = await report(tq, 'declines_follow_up');
      expect(await c.handle.result()).toMatchObject({ status: 'closed' });
      await waitForMail(() => c.mailsFor('ønsker ikke videre oppfølging'));
      expect(c.mailsFor('ønsker ikke videre oppfølging')[0]!.to).toEqual([BOLIGKONTORET]);
    });
  });
});

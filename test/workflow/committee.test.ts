import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { UpdateDefinition } from '@temporalio/common';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMinutes } from '../../api/committee-minutes';
import { saveDwelling } from '../../db/dwelling-store';
import { findCommittee, replaceMembers } from '../../db/committee-store';
import { caseEvents } from '../../db/schema';
import { committeeDecisions, committeeMeetings, committees } from '../../db/schema-committee';
import { addDays, daysBetween, isBusinessDay, isoWeekday, nextBusinessDay, norwegianPublicHolidays, osloDate, osloInstant, type IsoDate } from '../../domain/calendar';
import type { CommitteeAction, CommitteeActionResult } from '../../domain/committee/actions';
import { norwegianDate, type Member } from '../../domain/committee/documents';
import type { CommitteeSettings } from '../../domain/committee/state';
import { committeeWorkflowId, tenancyWorkflowId } from '../../domain/ids';
import type { Actor } from '../../domain/roles';
import type { CaseActionPayload } from '../../domain/tenancy/actions';
import { createSmtpMailer, type Mailer } from '../../platform/mailer';
import { allocated, DEMO_DWELLINGS, movedIn, type Step } from '../../scripts/demo-data';
import { committeeWorkflow } from '../../workflows/committee';
import {
  caseActionUpdate,
  changeOccurrenceUpdate,
  committeeStateQuery,
  markDecisionDoneUpdate,
  recordMinutesUpdate,
  tenancyStateQuery,
} from '../../workflows/messages';
import { tenancyWorkflow } from '../../workflows/tenancy';
import { application, followUpWorker, officer, testCaseId } from '../helpers/fixtures';
import { startSmtpServer, type ReceivedMail, type SmtpHarness } from '../helpers/smtp';
import { recordHistoryIfAsked, untilIdle, useWorkflowTestContext } from '../helpers/temporal';

/**
 * Tynset's boligutvalg (seed 002): five members from five services, a meeting every 14 days. Three
 * meetings over six weeks on the time-skipping server, one of them moved off a public holiday after
 * the invitations went out, against live tenancy workflows, PostgreSQL and a real SMTP server.
 */

/** A weekday public holiday at least five weeks ahead, with business days two weeks either side and soon after. */
function holidayAhead(today: IsoDate): { holiday: IsoDate; name: string; movedTo: IsoDate } {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1, year + 2]) {
    for (const [holiday, name] of [...norwegianPublicHolidays(y)].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (daysBetween(today, holiday) < 36 || isoWeekday(holiday) > 5) continue;
      if (!isBusinessDay(addDays(holiday, -14)) || !isBusinessDay(addDays(holiday, 14))) continue;
      const movedTo = nextBusinessDay(addDays(holiday, 1));
      if (daysBetween(holiday, movedTo) <= 4) return { holiday, name, movedTo };
    }
  }
  throw new Error('no suitable holiday found');
}

const compact = (d: IsoDate) => d.replace(/-/g, '');

describe('committeeWorkflow: Tynset’s boligutvalg through three meetings', () => {
  const received: ReceivedMail[] = [];
  let smtp: SmtpHarness;
  let mailer: Mailer;
  beforeAll(async () => {
    smtp = await startSmtpServer(received);
    mailer = createSmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'Botrygg <noreply@botrygg.local>' });
  });
  afterAll(async () => {
    await mailer?.close();
    await smtp?.stop();
  });
  const ctx = useWorkflowTestContext({ mailer: () => mailer });

  // A municipality of this run's own: the agenda reads every live case of the municipality.
  const municipality = `bu-${randomUUID().slice(0, 8)}`;
  const committeeId = `${municipality}-boligutvalg`;
  const members: Member[] = [
    { id: 'tore.teknisk', name: 'Tore Haugen', email: 'tore.haugen@tynset.kommune.no', agency: 'Tekniske tjenester', role: 'chair' },
    { id: 'siri.service', name: 'Siri Moen', email: 'siri.moen@tynset.kommune.no', agency: 'Servicetorget', role: 'secretary' },
    { id: 'oda.okonomi', name: 'Oda Lien', email: 'oda.lien@tynset.kommune.no', agency: 'Økonomiavdelingen', role: 'member' },
    { id: 'nils.nav', name: 'Nils Bakke', email: 'nils.bakke@nav.no', agency: 'NAV Nord-Østerdal', role: 'member' },
    { id: 'berit.bolig', name: 'Berit Sætre', email: 'berit.saetre@tynset.kommune.no', agency: 'Boligansvarlig, psykiatri- og rustjenesten', role: 'member' },
  ];
  const secretary: Actor = { id: 'siri.service', roles: ['committee_member'], municipality };
  const memberEmails = members.map((m) => m.email).sort();

  it('builds agendas from live cases, invites with ICS, follows a moved meeting, and delivers decisions to the cases', { timeout: 90_000 }, async () => {
    const { env, database } = ctx;
    const db = database.db;
    const { holiday, name: holidayName, movedTo } = holidayAhead(osloDate(await env.currentTimeMs()));
    const first = addDays(holiday, -14);
    const third = addDays(holiday, 14);
    // Every workflow of the test: time is skipped only once they are all at rest.
    const watched: string[] = [];
    const sleepUntil = async (date: IsoDate, time: string) => {
      await untilIdle(env, watched);
      const target = osloInstant(date, time);
      const now = await env.currentTimeMs();
      if (target > now) await env.sleep(target - now);
    };

    // Three weeks before the first meeting: three live cases in the municipality.
    await sleepUntil(addDays(first, -21), '10:00');
    const today = osloDate(await env.currentTimeMs());
    await saveDwelling(db, municipality, DEMO_DWELLINGS[1]!);
    async function startCase(name: string, steps: Step[]) {
      const caseId = testCaseId();
      const handle = await env.client.workflow.start(tenancyWorkflow, {
        workflowId: tenancyWorkflowId(caseId),
        taskQueue: ctx.taskQueue,
        args: [{ caseId, application: application({ municipality, receivedDate: today, applicant: { name } }) }],
      });
      watched.push(handle.workflowId);
      // Seed 002: the committee sees a case only with the tenant's consent (or a legal basis).
      const consent: Step = { payload: { type: 'recordConsent', date: today, scope: ['housing_office', 'follow_up_service', 'nav', 'committee'] } };
      for (const { as, payload } of [consent, ...steps]) {
        await handle.executeUpdate(caseActionUpdate, { args: [{ idempotencyKey: randomUUID(), actor: as === 'followUpWorker' ? followUpWorker : officer, payload }] });
      }
      return { caseId, handle };
    }
    // Approved, waiting for a dwelling; moved in and declined follow-up; nobody has acted (deadline passes).
    const waiting = await startCase('Ingrid Bakken', allocated(today, DEMO_DWELLINGS[1]!).slice(0, 2));
    const declined = await startCase('Maria Lunde', [
      ...allocated(today, DEMO_DWELLINGS[1]!),
      ...movedIn(today),
      { as: 'followUpWorker', payload: { type: 'declineFollowUp', date: today, note: 'Ønsker å klare seg selv.' } },
    ]);
    const late = await startCase('Tor Haugen', []);
    // Nobody has acted on this one either, but the tenant has not consented: the committee never sees it.
    const withoutConsent = testCaseId();
    const privateCase = await env.client.workflow.start(tenancyWorkflow, {
      workflowId: tenancyWorkflowId(withoutConsent),
      taskQueue: ctx.taskQueue,
      args: [{ caseId: withoutConsent, application: application({ municipality, receivedDate: today, applicant: { name: 'Anne Uten Samtykke' } }) }],
    });
    watched.push(privateCase.workflowId);

    // The committee: five members, every 14 days on the holiday's weekday at 09:00, started as the API does.
    const settings: CommitteeSettings = {
      committeeId,
      municipality,
      name: 'Boligutvalget i Tynset',
      cycle: { firstDate: first, time: '09:00', intervalDays: 14, durationMinutes: 90, location: 'Tynset rådhus, møterom Savalen' },
      reminderDaysBefore: 3,
      agendaCutoffDays: 2,
      // Small, so the committee hands its state to a new run during the test (the default is 2,000 events).
      historyEventsBeforeContinueAsNew: 150,
    };
    await db.insert(committees).values({ id: committeeId, municipality, name: settings.name, cycle: settings.cycle, createdBy: 'berit.boligkontor' });
    await replaceMembers(db, committeeId, members, new Date(await env.currentTimeMs()));
    const committee = await env.client.workflow.start(committeeWorkflow, {
      workflowId: committeeWorkflowId(committeeId),
      taskQueue: ctx.taskQueue,
      args: [{ settings }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    watched.push(committee.workflowId);
    const act = <P>(update: UpdateDefinition<CommitteeActionResult, [CommitteeAction<P>]>, payload: P) =>
      committee.executeUpdate(update, { args: [{ idempotencyKey: randomUUID(), actor: secretary, payload }] });
    const meetingRow = async (meetingId: string) =>
      (await db.select().from(committeeMeetings).where(and(eq(committeeMeetings.committeeId, committeeId), eq(committeeMeetings.meetingId, meetingId))))[0];
    const agendaIds = async (meetingId: string) => (await meetingRow(meetingId))?.agenda.map((i) => i.id) ?? [];
    const mails = (subject: string, bodyPart?: string) => received.filter((m) => m.subject?.startsWith(subject) && (!bodyPart || m.text?.includes(bodyPart)));
    const expectMails = async (subject: string, bodyPart: string | undefined, n: number) => {
      await expect.poll(() => mails(subject, bodyPart).length, { timeout: 15_000 }).toBe(n);
      expect(mails(subject, bodyPart).flatMap((m) => m.to).sort()).toEqual(memberEmails);
      return mails(subject, bodyPart);
    };
    const ics = (m: ReceivedMail) => {
      const a = m.attachments.find((x) => x.filename === 'boligutvalg.ics');
      expect(a?.contentType).toBe('text/calendar');
      return a!.content.replace(/\r\n[ \t]/g, '');
    };

    // ---- Meeting 1 ---------------------------------------------------------------------------
    // Three days before, 08:00: the agenda from the live cases, to all five members with the invitation.
    await sleepUntil(addDays(first, -3), '08:30');
    const m1 = `m-${first}`;
    const invitations1 = await expectMails('Saksliste:', norwegianDate(first), 5);
    for (const mail of invitations1) {
      const cal = ics(mail);
      expect(cal).toContain('METHOD:REQUEST');
      expect(cal).toContain('SEQUENCE:0');
      expect(cal).toContain(`UID:${m1}.${committeeId}@botrygg`);
      expect(cal).toContain(`DTSTART;TZID=Europe/Oslo:${compact(first)}T090000`);
      expect(cal.split('\r\n').filter((l) => l.startsWith('ATTENDEE'))).toHaveLength(5);
      expect(cal).not.toContain('Ingrid Bakken');
      expect(cal).toContain(`/api/committees/${committeeId}/meetings/${m1}`);
    }
    // Agenda and reminder mails carry no names, no incident details and no free text: a link to the
    // meeting in Botrygg (behind login) and the number of items.
    const agendaItems1 = (await meetingRow(m1))!.agenda;
    for (const mail of invitations1) {
      expect(mail.text).toContain(`Sakslisten har ${agendaItems1.length} saker. Les den i Botrygg (krever innlogging):\n/api/committees/${committeeId}/meetings/${m1}`);
      for (const name of ['Ingrid Bakken', 'Maria Lunde', 'Tor Haugen', 'venter på tildeling', 'Ønsker å klare seg selv', 'takket nei']) expect(mail.text).not.toContain(name);
      for (const item of agendaItems1) expect(mail.text).not.toContain(item.caseId!);
    }
    // Seed 002's rule for holidays: the regular meeting two weeks on falls on a public holiday. Its
    // secretary is asked now, two weeks before its invitation would go out, to move it.
    await expect.poll(() => received.filter((m) => m.subject?.startsWith('Flytt møtet:')).length, { timeout: 15_000 }).toBe(1);
    const holidayNotices = received.filter((m) => m.subject?.startsWith('Flytt møtet:'));
    expect(holidayNotices.map((m) => m.to)).toEqual([['siri.moen@tynset.kommune.no']]);
    expect(holidayNotices[0]!.subject).toBe(`Flytt møtet: Boligutvalget i Tynset ${norwegianDate(holiday)} er ${holidayName.toLowerCase()}`);
    expect(holidayNotices[0]!.text).toContain(`/api/committees/${committeeId}/meetings/m-${holiday}`);
    const agenda1 = await agendaIds(m1);
    expect(agenda1).toEqual(
      expect.arrayContaining([`application_waiting:${waiting.caseId}`, `follow_up_declined:${declined.caseId}`, `deadline_missed:${late.caseId}`]),
    );
    expect(agenda1).not.toContain(`application_waiting:${late.caseId}`);
    expect(agenda1.filter((id) => id.endsWith(withoutConsent))).toEqual([]);
    // Each item says why the committee may see the case.
    expect((await meetingRow(m1))!.agenda.every((i) => i.basis === `Samtykke til samarbeid og informasjonsutveksling (${today}).`)).toBe(true);
    expect((await meetingRow(m1))!.status).toBe('agenda_sent');
    const invitationText = invitations1[0]!.text!;

    // The meeting day, 07:00: a reminder to each member.
    await sleepUntil(first, '07:30');
    for (const mail of await expectMails('I dag:', norwegianDate(first), 5)) {
      expect(mail.text).toContain(`Sakslisten har ${agendaItems1.length} saker.`);
      expect(mail.text).not.toContain('Ingrid Bakken');
    }

    // After the meeting: minutes with an allocation, a follow-up with a deadline, a refused decision and a note.
    await sleepUntil(first, '11:00');
    const followUpDeadline = addDays(first, 3);
    const recorded = await act(recordMinutesUpdate, {
      meetingId: m1,
      attendance: members.map((m) => ({ memberId: m.id, present: m.id !== 'oda.okonomi' })),
      approvedBy: 'tore.teknisk',
      decisions: [
        { itemId: `application_waiting:${waiting.caseId}`, text: 'Søkeren tilbys Storgata 12B (2 rom, tilrettelagt).', responsibleMemberId: 'berit.bolig', effect: { kind: 'allocate_dwelling', dwellingId: DEMO_DWELLINGS[1]!.id } },
        { itemId: `follow_up_declined:${declined.caseId}`, text: 'NAV og boligansvarlig kaller inn til trepartsmøte om husleie og oppfølging.', responsibleMemberId: 'nils.nav', deadline: followUpDeadline, effect: { kind: 'call_three_party_meeting' } },
        { itemId: `deadline_missed:${declined.caseId}`, text: 'Begjæring om fravikelse godkjennes.', effect: { kind: 'approve_eviction_request' } },
        { itemId: `deadline_missed:${late.caseId}`, text: 'Boligkonsulenten gjennomfører kartleggingssamtalen <innen én uke> & melder tilbake til utvalget.', responsibleMemberId: 'siri.service' },
      ],
    });
    expect(recorded.message).toBe('Referatet er ført med 4 beslutninger. 4 sendes til sakene de gjelder.');

    // The allocation reaches the waiting case: it now has an offer, and the decision is on its timeline.
    await expect.poll(async () => (await waiting.handle.query(tenancyStateQuery)).offers?.length, { timeout: 15_000 }).toBe(1);
    const offered = await waiting.handle.query(tenancyStateQuery);
    expect(offered.phase).toBe('allocation');
    expect(offered.offers![0]).toMatchObject({ dwelling: { id: DEMO_DWELLINGS[1]!.id }, offeredDate: first });
    expect(offered.offers![0]!.answer).toBeUndefined();
    await expect
      .poll(async () => (await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, waiting.caseId), eq(caseEvents.kind, 'committee_decision_received')))).length, { timeout: 15_000 })
      .toBe(1);
    const decisionRows = async () => db.select().from(committeeDecisions).where(and(eq(committeeDecisions.committeeId, committeeId), eq(committeeDecisions.meetingId, m1)));
    await expect.poll(async () => (await decisionRows()).filter((d) => d.deliveredAt || d.deliveryError).length, { timeout: 15_000 }).toBe(4);
    const byItem = new Map((await decisionRows()).map((d) => [d.itemId, d]));
    expect(byItem.get(`application_waiting:${waiting.caseId}`)).toMatchObject({ effectKind: 'allocate_dwelling', deliveryError: null });
    expect(byItem.get(`follow_up_declined:${declined.caseId}`)).toMatchObject({ effectKind: 'call_three_party_meeting', deadline: followUpDeadline, deliveryError: null });
    expect(byItem.get(`deadline_missed:${late.caseId}`)).toMatchObject({ effectKind: 'note', deliveryError: null });
    // The case refuses an eviction decision it has not asked for; the refusal is kept, in the case's own words.
    const refused = byItem.get(`deadline_missed:${declined.caseId}`)!;
    expect(refused.deliveredAt).toBeNull();
    expect(refused.deliveryError).toMatch(/^(Saken er ikke lagt fram for boligutvalget|Saken har ingen husleierestanse)/);
    expect((await declined.handle.query(tenancyStateQuery)).tasks.map((t) => t.id)).toContain('committee-three-party-meeting');
    expect((await meetingRow(m1))!.status).toBe('held');

    // ---- Meeting 2, moved off the public holiday ---------------------------------------------
    const m2 = `m-${holiday}`;
    expect((await committee.query(committeeStateQuery)).meetings.find((m) => m.id === m2)).toMatchObject({ holidayNoticeSent: true });
    const moved = await act(changeOccurrenceUpdate, { regularDate: holiday, action: 'move', date: movedTo, reason: holidayName });
    expect(moved.message).toBe(`Møtet ${norwegianDate(holiday)} er flyttet til ${norwegianDate(movedTo)} kl. 09:00.`);
    expect((await committee.query(committeeStateQuery)).upcoming.find((m) => m.id === m2)).toMatchObject({ date: movedTo, regularDate: holiday, status: 'scheduled' });
    // Nobody was invited to the holiday; the invitation goes out before the day it was moved to.
    await sleepUntil(addDays(holiday, -3), '08:30');
    expect(mails('Saksliste:', norwegianDate(holiday))).toHaveLength(0);
    await sleepUntil(addDays(movedTo, -3), '08:30');
    for (const mail of await expectMails('Saksliste:', norwegianDate(movedTo), 5)) {
      const cal = ics(mail);
      expect(cal).toContain('SEQUENCE:0');
      expect(cal).toContain(`UID:${m2}.${committeeId}@botrygg`);
      expect(cal).toContain(`DTSTART;TZID=Europe/Oslo:${compact(movedTo)}T090000`);
    }
    expect(received.filter((m) => m.subject?.startsWith('Flytt møtet:'))).toHaveLength(1);
    const agenda2 = await agendaIds(m2);
    // The follow-up decision's deadline passed and nobody reported it done.
    expect(agenda2).toContain(`decision_follow_up:${declined.caseId}`);
    // The waiting applicant has an offer now, so she is no longer waiting for one.
    expect(agenda2).not.toContain(`application_waiting:${waiting.caseId}`);
    const followUpItem = (await meetingRow(m2))!.agenda.find((i) => i.id === `decision_follow_up:${declined.caseId}`)!;
    expect(followUpItem.why).toContain(`Fristen ${followUpDeadline} er passert`);
    expect(followUpItem.why).toContain('Ansvarlig: Nils Bakke (NAV Nord-Østerdal)');
    await expect.poll(async () => (await meetingRow(m2))?.date).toBe(movedTo);

    // No reminder on the holiday; one on the day it was moved to.
    await sleepUntil(holiday, '08:00');
    expect(mails('I dag:', norwegianDate(holiday))).toHaveLength(0);
    await sleepUntil(movedTo, '07:30');
    await expectMails('I dag:', norwegianDate(movedTo), 5);

    await sleepUntil(movedTo, '11:00');
    await act(recordMinutesUpdate, {
      meetingId: m2,
      attendance: members.map((m) => ({ memberId: m.id, present: true })),
      decisions: [{ itemId: `decision_follow_up:${declined.caseId}`, text: 'Trepartsmøtet er holdt. Saken følges opp av NAV.' }],
    });
    await act(markDecisionDoneUpdate, { meetingId: m1, itemId: `follow_up_declined:${declined.caseId}`, note: 'Møtet ble holdt.' });
    // The applicant turns the offer down.
    const answer: CaseActionPayload = { type: 'answerOffer', accepted: false, date: movedTo, reason: 'For langt fra barnehagen' };
    await waiting.handle.executeUpdate(caseActionUpdate, { args: [{ idempotencyKey: randomUUID(), actor: officer, payload: answer }] });

    // ---- Meeting 3, moved after the invitations went out ---------------------------------------
    await sleepUntil(addDays(third, -3), '08:30');
    const m3 = `m-${third}`;
    await expectMails('Saksliste:', norwegianDate(third), 5);
    const agenda3 = await agendaIds(m3);
    expect(agenda3).toEqual(expect.arrayContaining([`offer_declined:${waiting.caseId}`, `application_waiting:${waiting.caseId}`]));
    expect(agenda3).not.toContain(`decision_follow_up:${declined.caseId}`);
    expect(agenda3).not.toContain(`follow_up_declined:${declined.caseId}`);
    // After the cut-off the secretary moves it a day: calendars are updated, the reason (free text) stays in Botrygg.
    await sleepUntil(addDays(third, -2), '12:00');
    const thirdMovedTo = nextBusinessDay(addDays(third, 1));
    const reason = 'Leder er bortreist (Tore Haugen)';
    const movedThird = await act(changeOccurrenceUpdate, { regularDate: third, action: 'move', date: thirdMovedTo, reason });
    expect(movedThird.message).toBe(`Møtet ${norwegianDate(third)} er flyttet til ${norwegianDate(thirdMovedTo)} kl. 09:00. Medlemmene får oppdatert kalenderinvitasjon.`);
    for (const mail of await expectMails('Møtet er flyttet:', undefined, 5)) {
      const cal = ics(mail);
      expect(cal).toContain('SEQUENCE:1');
      expect(cal).toContain(`UID:${m3}.${committeeId}@botrygg`);
      expect(cal).toContain(`DTSTART;TZID=Europe/Oslo:${compact(thirdMovedTo)}T090000`);
      expect(mail.text).toContain(`er flyttet til ${norwegianDate(thirdMovedTo)} kl. 09:00.`);
      expect(mail.text).not.toContain('bortreist');
      expect(mail.text).not.toContain('Ingrid Bakken');
    }
    await sleepUntil(thirdMovedTo, '11:00');
    await expectMails('I dag:', norwegianDate(thirdMovedTo), 5);
    await act(recordMinutesUpdate, { meetingId: m3, attendance: members.map((m) => ({ memberId: m.id, present: m.id !== 'nils.nav' })), decisions: [] });

    // Three meetings, each held once; everything sent once per member.
    const rows = await db.select().from(committeeMeetings).where(eq(committeeMeetings.committeeId, committeeId));
    expect(rows.map((r) => [r.meetingId, r.date, r.status]).sort()).toEqual([
      [m1, first, 'held'],
      [m2, movedTo, 'held'],
      [m3, thirdMovedTo, 'held'],
    ]);
    expect(received.filter((m) => m.subject?.startsWith('Saksliste:'))).toHaveLength(15);
    expect(received.filter((m) => m.subject?.startsWith('I dag:'))).toHaveLength(15);

    // The committee continued as new on the way, carrying its meetings, decisions and timers.
    const latest = await committee.describe();
    expect(latest.runId).not.toBe(committee.firstExecutionRunId);
    expect(latest.status.name).toBe('RUNNING');
    await recordHistoryIfAsked(env, committeeWorkflowId(committeeId), committee.firstExecutionRunId, 'committee-first-run');
    await recordHistoryIfAsked(env, committeeWorkflowId(committeeId), latest.runId, 'committee-last-run');

    // The minutes of the first meeting as the API serves them (and a copy to look at, when asked for).
    const minutes = (await renderMinutes(db, (await findCommittee(db, committeeId))!, m1))!;
    expect(minutes.html).toContain('Referat fra møte i Boligutvalget i Tynset');
    expect(minutes.html).toContain('&lt;innen én uke&gt; &amp; melder tilbake');
    expect(minutes.html).toContain('Søkeren tilbys bolig');
    expect(minutes.html).toContain('Oda Lien (Økonomiavdelingen, medlem)');
    expect(minutes.html).toMatch(/class="delivery-error"><span class="label">Overført til saken:<\/span> Nei, det oppstod en feil: Saken/);
    if (process.env.MINUTES_EXAMPLE) {
      fs.writeFileSync(process.env.MINUTES_EXAMPLE, minutes.html);
      fs.writeFileSync(`${process.env.MINUTES_EXAMPLE}.agenda.txt`, invitationText);
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { osloInstant } from '../../domain/calendar';
import type { Actor, Role } from '../../domain/roles';
import { PRIVATE_RENTAL_TASK_CLOSERS, TENANCY_TASK_CLOSERS, type TaskCloser } from '../../domain/task-closers';
import { applyAction, CASE_ACTION_TYPES, rejectReason } from '../../domain/tenancy/actions';
import { newTenancyState, openTask } from '../../domain/tenancy/state';
import { applyPrivateRentalAction, PRIVATE_RENTAL_ACTION_TYPES, rejectPrivateRentalAction } from '../../domain/private-rental/actions';
import { acceptLandlordReport } from '../../domain/private-rental/phase-tenancy';
import { newPrivateRentalState, openTask as openPrivateRentalTask } from '../../domain/private-rental/state';
import { application } from '../helpers/fixtures';

/**
 * Issue 11, «Steps nobody can finish»: every task has a way to be completed, "done, with a note" by
 * its role or the specific action that closes it. The table in domain/task-closers.ts names it; this
 * test reads which task kinds the processes can open from their source, so a new kind without an
 * entry fails here, and drives completeTask for every kind the table says may be ticked off.
 */

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (dir: string) =>
  fs
    .readdirSync(path.join(root, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: `${dir}/${f}`, text: fs.readFileSync(path.join(root, dir, f), 'utf8') }));

interface Opened {
  file: string;
  kind: string;
  id: string;
  roles: Role[];
}

/** Every openTask call: its kind(s), the literal start of its id, and its role when written literally. */
function openedTasks(dirs: string[]): Opened[] {
  const opened: Opened[] = [];
  for (const { file, text } of dirs.flatMap(read)) {
    for (const m of text.matchAll(/openTask\((?:state|s), [^,]+, /g)) {
      const window = text.slice(m.index, text.indexOf('});', m.index) + 3);
      const kinds = [...window.matchAll(/kind: '([a-z_]+)'/g)].map((k) => k[1]!);
      const ids = [...window.matchAll(/id: (?:'([^']+)'|`\$\{(\w+)\}|`([^`$]*)|(\w+))/g)].map((k) => k[1] ?? k[2] ?? k[3] ?? k[4]!);
      const roles = [...window.matchAll(/role: '([a-z_]+)'/g)].map((k) => k[1] as Role);
      kinds.forEach((kind, i) => opened.push({ file, kind, id: ids[i] ?? '', roles: kinds.length === 1 ? roles : roles[i] ? [roles[i]] : [] }));
    }
  }
  return opened;
}

const tenancyOpened = openedTasks(['domain/tenancy', 'domain/rent']);
const privateRentalOpened = openedTasks(['domain/private-rental']);

/** The text of each action rule (`  name: {` at the rule map's indentation) and of each named function. */
function blocks(dirs: string[]): { rules: Map<string, string>; functions: Map<string, string> } {
  const rules = new Map<string, string>();
  const functions = new Map<string, string>();
  for (const { text } of dirs.flatMap(read)) {
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      const rule = /^ {2}(\w+): \{$/.exec(line);
      const fn = /^(?:export )?function (\w+)\(/.exec(line);
      if (!rule && !fn) return;
      const end = lines.findIndex((l, j) => j > i && (rule ? /^ {2}\},?$/.test(l) : /^\}$/.test(l)));
      const body = lines.slice(i, end + 1).join('\n');
      if (rule) rules.set(rule[1]!, (rules.get(rule[1]!) ?? '') + body);
      else functions.set(fn![1]!, body);
    });
  }
  return { rules, functions };
}

/** The rule's text with the text of the domain functions it calls, two calls deep. */
function expanded(name: string, { rules, functions }: ReturnType<typeof blocks>): string {
  let text = rules.get(name) ?? '';
  for (let depth = 0; depth < 2; depth++) {
    const called = [...text.matchAll(/\b(\w+)\(/g)].map((c) => c[1]!).filter((f) => functions.has(f));
    text += [...new Set(called)].map((f) => functions.get(f)).join('\n');
  }
  return text;
}

const closes = (text: string, task: Opened) =>
  /tasks = \[\]/.test(text) || (task.id !== '' && text.includes(task.id)) || text.includes(`'${task.kind}'`);

const entries = (table: Record<string, TaskCloser<string>>) => Object.entries(table);

describe('every task has a way to be completed (issue 11)', () => {
  it.each([
    ['tenancy', tenancyOpened, TENANCY_TASK_CLOSERS],
    ['private rental', privateRentalOpened, PRIVATE_RENTAL_TASK_CLOSERS],
  ] as const)('every task kind the %s process opens has an entry in the closer table, and no entry is stale', (_, opened, table) => {
    expect(opened.length).toBeGreaterThan(10);
    expect([...new Set(opened.map((o) => o.kind))].sort()).toEqual(Object.keys(table).sort());
  });

  it.each([
    ['tenancy', TENANCY_TASK_CLOSERS, CASE_ACTION_TYPES as readonly string[]],
    ['private rental', PRIVATE_RENTAL_TASK_CLOSERS, PRIVATE_RENTAL_ACTION_TYPES as readonly string[]],
  ] as const)('every %s task kind can be ticked off with a note or has an action that exists', (_, table, actionTypes) => {
    for (const [kind, closer] of entries(table)) {
      expect(closer.manual === true || (closer.actions?.length ?? 0) > 0, kind).toBe(true);
      for (const action of closer.actions ?? []) expect(actionTypes, `${kind}: ${action}`).toContain(action);
    }
    expect(actionTypes).toContain('completeTask');
  });

  it.each([
    ['tenancy', tenancyOpened, TENANCY_TASK_CLOSERS, ['domain/tenancy', 'domain/rent']],
    ['private rental', privateRentalOpened, PRIVATE_RENTAL_TASK_CLOSERS, ['domain/private-rental']],
  ] as const)('every %s task is closed by its role with a note or by a named action, and each named action closes tasks of its kind', (_, opened, table, dirs) => {
    const code = blocks([...dirs]);
    const closerOf = (kind: string) => (table as Record<string, TaskCloser<string>>)[kind]!;
    const unclosable = opened
      .filter((task) => !closerOf(task.kind).manual && !(closerOf(task.kind).actions ?? []).some((action) => closes(expanded(action, code), task)))
      .map((task) => `${task.kind} (${task.id}, ${task.file})`);
    expect(unclosable).toEqual([]);
    const idle = Object.keys(table).flatMap((kind) =>
      (closerOf(kind).actions ?? [])
        .filter((action) => !opened.some((task) => task.kind === kind && closes(expanded(action, code), task)))
        .map((action) => `${kind}: ${action}`),
    );
    expect(idle).toEqual([]);
  });

  const t0 = osloInstant('2027-03-01', '09:00');
  const actorWith = (role: Role): Actor => ({ id: `someone-${role}`, roles: [role], municipality: 'tynset' });
  const staff: Role[] = ['housing_officer', 'housing_office', 'follow_up_worker'];

  it('a tenancy task kind marked manual is done, with a note, by its role; any other kind is refused and stays open', () => {
    for (const [kind, closer] of entries(TENANCY_TASK_CLOSERS)) {
      const literalRoles = [...new Set(tenancyOpened.filter((o) => o.kind === kind).flatMap((o) => o.roles))];
      for (const role of literalRoles.length > 0 ? literalRoles : staff) {
        const state = newTenancyState({ caseId: 'TYN-2027-TASKS1', application: application({ receivedDate: '2027-03-01' }), now: t0 });
        openTask(state, t0, { id: `t-${kind}`, kind, title: `Oppgave ${kind}`, role, dueDate: '2027-03-15' });
        const action = { idempotencyKey: `k-${kind}`, actor: actorWith(role), payload: { type: 'completeTask' as const, taskId: `t-${kind}`, note: 'Gjort: ringte leietaker.' } };
        const refused = rejectReason(state, action, t0);
        if (closer.manual) {
          expect(refused, `${kind} by ${role}`).toBeUndefined();
          applyAction(state, action, t0);
          expect(state.tasks.map((t) => t.id)).not.toContain(`t-${kind}`);
          expect(state.unsavedEvents.at(-1)).toMatchObject({ kind: 'task_completed', actorId: `someone-${role}`, data: { taskId: `t-${kind}`, note: 'Gjort: ringte leietaker.' } });
        } else {
          expect(refused, kind).toBe('Denne oppgaven utføres med sin egen handling, ikke ved å krysse den av.');
        }
      }
    }
  });

  it('a private-rental task kind marked manual is done, with a note, by its role; any other kind is refused', () => {
    for (const [kind, closer] of entries(PRIVATE_RENTAL_TASK_CLOSERS)) {
      const literalRoles = [...new Set(privateRentalOpened.filter((o) => o.kind === kind).flatMap((o) => o.roles))];
      for (const role of literalRoles.length > 0 ? literalRoles : staff) {
        const state = newPrivateRentalState({ caseId: 'TYN-2027-TASKS2', municipality: 'tynset', applicant: { name: 'Ingrid Bakken' } }, t0);
        openPrivateRentalTask(state, t0, { id: `t-${kind}`, kind, title: `Oppgave ${kind}`, role, dueDate: '2027-03-15' });
        const action = { idempotencyKey: `k-${kind}`, actor: actorWith(role), payload: { type: 'completeTask' as const, taskId: `t-${kind}`, note: 'Gjort: snakket med utleier.' } };
        const refused = rejectPrivateRentalAction(state, action, t0);
        if (closer.manual) {
          expect(refused, `${kind} by ${role}`).toBeUndefined();
          applyPrivateRentalAction(state, action, t0);
          expect(state.tasks.map((t) => t.id)).not.toContain(`t-${kind}`);
          expect(state.unsavedEvents.at(-1)).toMatchObject({ kind: 'task_completed', data: { taskId: `t-${kind}`, note: 'Gjort: snakket med utleier.' } });
        } else {
          expect(refused, kind).toBe('Denne oppgaven utføres med sin egen handling, ikke ved å krysse den av.');
        }
      }
    }
  });

  it("a landlord's report, followed up outside Botrygg, is done with a note by the role the landlord calls, and only by that role", () => {
    const state = newPrivateRentalState({ caseId: 'TYN-2027-TASKS3', municipality: 'tynset', applicant: { name: 'Ingrid Bakken' }, caseworkerId: 'kari' }, t0);
    state.moveInDate = '2027-02-01';
    state.safetyAgreement = { landlordCalls: 'follow_up_worker' } as NonNullable<typeof state.safetyAgreement>;
    const { seq } = acceptLandlordReport(state, { category: 'noise', receivedDate: '2027-03-01', channel: 'phone' }, t0, '2027-03-01');
    const taskId = `pr-landlord-report-${seq}`;
    expect(state.tasks.map((t) => t.id)).toContain(taskId);
    const complete = (role: Role) => ({ idempotencyKey: `k-${role}`, actor: actorWith(role), payload: { type: 'completeTask' as const, taskId, note: 'Ringte leietaker om støyen.' } });
    expect(rejectPrivateRentalAction(state, complete('housing_officer'), t0)).toBe('Oppgaven er tildelt en annen rolle.');
    expect(rejectPrivateRentalAction(state, complete('follow_up_worker'), t0)).toBeUndefined();
    applyPrivateRentalAction(state, complete('follow_up_worker'), t0);
    expect(state.tasks.map((t) => t.id)).not.toContain(taskId);
    expect(rejectPrivateRentalAction(state, complete('follow_up_worker'), t0)).toBe('Oppgaven finnes ikke eller er allerede utført.');
  });
});

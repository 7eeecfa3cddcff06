import type { Role } from '../roles';
import { privateRentalTaskIsManual } from '../task-closers';
import type { RuleMap } from './rule';
import { addEvent, closeTask } from './state';

/**
 * "Done, with a note" for the private-rental tasks that ask someone to act outside Botrygg (guide the
 * tenant about an invalid notice, follow up a landlord's report): without it they stayed open and
 * overdue until the case closed. Tasks with their own action (domain/task-closers.ts) are refused.
 */
export const taskRules: Pick<RuleMap, 'completeTask'> = {
  completeTask: {
    roles: ['housing_officer', 'housing_office', 'follow_up_worker'] satisfies Role[],
    reject(s, { taskId }, { actor }) {
      const task = s.tasks.find((t) => t.id === taskId);
      if (!task) return 'Oppgaven finnes ikke eller er allerede utført.';
      if (!privateRentalTaskIsManual(task.kind)) return 'Denne oppgaven utføres med sin egen handling, ikke ved å krysse den av.';
      if (!actor.roles.includes(task.role) && !actor.roles.includes('admin')) return 'Oppgaven er tildelt en annen rolle.';
      return undefined;
    },
    apply(state, { taskId, note }, { now, actor }) {
      const task = state.tasks.find((t) => t.id === taskId)!;
      closeTask(state, taskId);
      const message = `Oppgaven «${task.title}» er utført.`;
      addEvent(state, now, { kind: 'task_completed', actorId: actor.id, summary: message, data: { taskId, note } });
      return message;
    },
  },
};

import type { Role } from '../roles';
import { completeTaskWithNote, privateRentalTaskIsManual, refuseTaskCompletion } from '../task-closers';
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
    reject: (s, { taskId }, { actor }) => refuseTaskCompletion(s.tasks, taskId, privateRentalTaskIsManual, actor.roles),
    apply: (state, { taskId, note }, { now, actor }) => completeTaskWithNote(state, { taskId, note, now, actorId: actor.id }, { closeTask, addEvent }),
  },
};

import { leave } from '../runtime/lifecycle';
import { history } from '../runtime/run';
import type { Behavior } from './behavior.types';

/** Creates a task for people (assignment and deadline from the model) and waits for completeTask. */
export const userTaskBehavior: Behavior = {
  enter(run, token, element) {
    const taskId = run.ctx.newId();
    token.wait = { kind: 'task', ref: taskId };
    const spec = structuredClone(element.userTask ?? { candidateGroups: [] });
    run.effects.push({
      type: 'task.created',
      task: { id: taskId, elementId: element.id, name: element.name ?? element.id, tokenId: token.id, spec },
    });
    history(run, { type: 'task.created', elementId: element.id, taskId });
  },
  signal(run, token) {
    leave(run, token);
  },
};

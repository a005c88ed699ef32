import { Engine, parseBpmn, type EngineResult, type ProcessModel } from '../../libs/engine/src';
import { rate } from './phases';

/** The pure engine alone, in memory: the ceiling the durable path is measured against. */
export async function pureEngineRate(xml: string, instances: number) {
  const { processes } = await parseBpmn(xml);
  const model: ProcessModel = processes[0];
  let id = 0;
  const ctx = { clock: { now: () => new Date() }, newId: () => `id-${++id}` };
  let completions = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < instances; i++) {
    let result: EngineResult = Engine.start(model, { businessKey: `B-${i}` }, ctx);
    for (;;) {
      const created = result.effects.find((effect) => effect.type === 'task.created');
      if (!created || created.type !== 'task.created') break;
      result = Engine.completeTask(model, result.state, { taskId: created.task.id }, ctx);
      completions++;
    }
  }
  return rate(completions, Number(process.hrtime.bigint() - started) / 1e9);
}

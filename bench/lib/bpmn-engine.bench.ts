import { EventEmitter } from 'node:events';

/**
 * The peer: paed01's bpmn-engine running the same diagram in memory (no persistence at all).
 * The moddle context is built once and shared, so only execution is measured.
 */
export async function bpmnEngineRate(xml: string, options: { instances: number; concurrency: number }) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Engine } = require('bpmn-engine') as typeof import('bpmn-engine');
  // The same moddle class the engine parses with (bpmn-moddle 10 exports it by name).
  const { BpmnModdle } = await import('bpmn-moddle');
  const moddle = BpmnModdle();
  const moddleContext = await moddle.fromXML(xml);

  let completions = 0;
  const runOne = async (n: number) => {
    const engine = new Engine({ name: `bench-${n}`, moddleContext: moddleContext as never });
    const listener = new EventEmitter();
    listener.on('wait', (api: { signal: () => void }) => {
      completions++;
      setImmediate(() => api.signal());
    });
    const ended = new Promise((resolve) => engine.once('end', resolve));
    await engine.execute({ listener });
    await ended;
  };
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < options.instances) await runOne(next++);
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsed = (Date.now() - started) / 1000;
  return { completions, seconds: elapsed, perSecond: completions / elapsed };
}

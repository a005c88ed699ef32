import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineError, parseBpmn } from '../index';

const MIWG = join(__dirname, '../../../../test/fixtures/miwg');
const files = readdirSync(MIWG).filter((name) => name.endsWith('.bpmn'));

describe('BPMN MIWG reference models', () => {
  it('are all there', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s deploys, or every error names an element id of the file', async (name) => {
    // given
    const xml = readFileSync(join(MIWG, name), 'utf8');

    // when
    const result = await parseBpmn(xml).catch((error: unknown) => {
      expect(error).toBeInstanceOf(EngineError);
      return null;
    });

    // then
    expect(result).not.toBeNull();
    const errors = result!.issues.filter((issue) => issue.severity === 'error');
    if (errors.length === 0) expect(result!.processes.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.elementId).not.toBe('');
      expect(xml).toContain(`id="${error.elementId}"`);
    }
  });

  it('B.2.0 (every event type): still names what the engine cannot execute, and no longer what it runs', async () => {
    // given
    const xml = readFileSync(join(MIWG, 'B.2.0.bpmn'), 'utf8');
    const nowExecuted = [...xml.matchAll(/<(?:\w+:)?(?:inclusiveGateway|callActivity)\b[^>]*\bid="([^"]+)"/g)].map(
      (m) => m[1],
    );

    // when
    const { issues } = await parseBpmn(xml);

    // then
    const unsupported = issues.filter((issue) => issue.code === 'UNSUPPORTED_ELEMENT');
    expect(nowExecuted.length).toBeGreaterThan(0);
    for (const id of nowExecuted) expect(unsupported.map((issue) => issue.elementId)).not.toContain(id);
    expect(unsupported.some((issue) => /InclusiveGateway|CallActivity/.test(issue.message))).toBe(false);
    // signal and escalation events run, except as the start of a whole process (not supported yet)
    const signalOrEscalation = unsupported.filter((issue) =>
      /SignalEventDefinition|EscalationEventDefinition/.test(issue.message),
    );
    expect(
      signalOrEscalation.every(
        (issue) => issue.message.startsWith('bpmn:StartEvent') && issue.message.includes('at process level'),
      ),
    ).toBe(true);
    expect(unsupported.some((issue) => issue.message.includes('bpmn:ConditionalEventDefinition'))).toBe(true);
  });

  it('A.1.0 (a linear flow of tasks) deploys and runs', async () => {
    // given / when
    const { processes, issues } = await parseBpmn(readFileSync(join(MIWG, 'A.1.0.bpmn'), 'utf8'));

    // then
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(processes).toHaveLength(1);
  });
});

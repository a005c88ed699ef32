import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineError, parseBpmn } from '../index';

const MIWG = '/work/shared/fixtures/miwg';
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

  it('names each element the engine cannot execute (B.2.0: every event type)', async () => {
    // given
    const xml = readFileSync(join(MIWG, 'B.2.0.bpmn'), 'utf8');

    // when
    const { issues } = await parseBpmn(xml);

    // then
    const unsupported = issues.filter((issue) => issue.code === 'UNSUPPORTED_ELEMENT').map((issue) => issue.message);
    expect(unsupported).toEqual(expect.arrayContaining(['bpmn:InclusiveGateway is not supported', 'bpmn:CallActivity is not supported']));
    expect(unsupported.some((message) => message.includes('bpmn:SignalEventDefinition'))).toBe(true);
  });

  it('A.1.0 (a linear flow of tasks) deploys and runs', async () => {
    // given / when
    const { processes, issues } = await parseBpmn(readFileSync(join(MIWG, 'A.1.0.bpmn'), 'utf8'));

    // then
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(processes).toHaveLength(1);
  });
});

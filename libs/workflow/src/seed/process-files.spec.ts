import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBpmn } from '../../../engine/src';

const folder = join(__dirname, '..', '..', '..', '..', 'processes');

/** Feature: the shipped procedures deploy (the demo seed deploys them on every boot). */
describe('processes/*.bpmn', () => {
  const files = readdirSync(folder).filter((name) => name.endsWith('.bpmn'));

  it('ships at least one procedure', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s parses with no validation error, an executable process and a procedure code', async (file) => {
    // given
    const xml = readFileSync(join(folder, file), 'utf8');
    // when
    const { processes, issues } = await parseBpmn(xml);
    // then
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    const executable = processes.filter((p) => p.isExecutable);
    expect(executable.length).toBeGreaterThan(0);
    for (const process of executable) expect(process.procedureCode).toEqual(expect.any(String));
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalog, processesFolder } from './procedure-catalog.loader';

/** Working hours of a step duration as drawn (`4h`, `2d`; one working day = 8 hours). */
const hoursOf = (duration: string) => Number(duration.slice(0, -1)) * (duration.endsWith('d') ? 8 : 1);

describe('processes/catalog.json', () => {
  const folder = processesFolder();
  const catalog = parseCatalog(readFileSync(join(folder, 'catalog.json'), 'utf8'));

  it('ships the five procedures of DOMAIN.md', () => {
    expect(catalog.map((p) => p.code).sort()).toEqual(['1.001193', '1.001612', '1.004227', '1.009974', '2.000815']);
  });

  it.each(catalog.map((p) => [p.code, p] as const))('%s: a diagram implements it, its forms exist, its steps add up to the legal time', (_code, procedure) => {
    // given the diagram deployed under the catalog's process key
    const xml = readFileSync(join(folder, `${procedure.processKey}.bpmn`), 'utf8');
    // then it declares the same procedure code and the message the return action sends
    expect(xml).toContain(`<bpmn:process id="${procedure.processKey}"`);
    expect(xml).toContain(`mc:procedureCode="${procedure.code}"`);
    expect(xml).toContain('name="result_returned"');
    for (const form of procedure.formTemplates) expect(existsSync(join(folder, 'forms', form.file))).toBe(true);
    // and the steps of the main path (not the refusal path) take the legal time, a same-day procedure one working day
    const steps = [...xml.matchAll(/<bpmn:userTask [^>]*mc:duration="(\d+[hd])" mc:status="(\w+)"/g)].filter((m) => m[2] !== 'rejected');
    const legalHours = procedure.legalTime.sameDay ? 8 : (procedure.legalTime.days ?? 0) * 8 + (procedure.legalTime.hours ?? 0);
    expect(steps.reduce((sum, m) => sum + hoursOf(m[1]), 0)).toBe(legalHours);
    expect(steps[steps.length - 1][2]).toBe('result_ready');
  });
});

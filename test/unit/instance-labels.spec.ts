import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  elementLabel,
  HISTORY_TYPE_LABELS,
  historyLabel,
  RUNTIME_INCIDENT_LABELS,
} from '../../apps/web/src/pages/instance/instance-labels.js';

/** Every `type: 'a.b'` the engine writes into an instance's history (its source, tests left out). */
function engineHistoryTypes(dir = join(__dirname, '..', '..', 'libs', 'engine', 'src')): string[] {
  const found = new Set<string>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!name.startsWith('__')) engineHistoryTypes(path).forEach((t) => found.add(t));
    } else if (name.endsWith('.ts') && !name.endsWith('.spec.ts')) {
      for (const match of readFileSync(path, 'utf8').matchAll(/type: '([a-z]+\.[a-z_]+)'/g)) found.add(match[1]);
    }
  }
  return [...found].sort();
}

describe('the instance page speaks Vietnamese (issue 19 item 4)', () => {
  it('has a label for every history event type the engine writes', () => {
    const types = engineHistoryTypes();
    expect(types.length).toBeGreaterThan(20);
    expect(types.filter((type) => !HISTORY_TYPE_LABELS[type])).toEqual([]);
  });

  it('never shows a raw event type, element kind or incident code', () => {
    expect(historyLabel('something.new')).toBe('Sự kiện khác của quy trình');
    expect(elementLabel({ type: 'bpmn:ExclusiveGateway' })).toBe('Cổng rẽ nhánh');
    expect(elementLabel({ type: 'bpmn:UserTask', name: ' Thẩm định ' })).toBe('Thẩm định');
    expect(elementLabel({ type: 'bpmn:Unknown' })).toBe('Phần tử của sơ đồ');
  });

  it('words the incidents the job runner and the engine open', () => {
    const opened = ['JOB_FAILED', 'HANDLER_NOT_FOUND', 'NO_MATCHING_FLOW', 'FEEL_EVALUATION_FAILED', 'ERROR_UNCAUGHT'];
    expect(opened.filter((code) => !RUNTIME_INCIDENT_LABELS[code])).toEqual([]);
  });
});

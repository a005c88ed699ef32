import { DEADLINE_OVERDUE, deadlineJobId } from '../../libs/workflow/src/deadlines/deadline-job.ids';
import { lookupKeyFor, lookupKeyHash } from './applicants';
import { unitMapper } from './province';
import { accountName, cloneId, compileTable, instantiate, shiftDate } from './template.compiler';

const TASK = '6f1c2a3b-1111-4222-8333-444455556666';
const DEFINITION = '9a8b7c6d-aaaa-4bbb-8ccc-dddddddddddd';
const OVERDUE_JOB = deadlineJobId(TASK, DEADLINE_OVERDUE);
const CODE = '000.00.20.H15-261123-0007';
const HASH = 'ab'.repeat(32);
const literals = {
  code: CODE,
  lookupKeyHash: HASH,
  unitName: 'UBND thành phố Buôn Ma Thuột',
  applicant: { fullName: 'Người Mẫu Khuôn', idNumber: '066099999999', phone: '0999999999' },
  sharedIds: new Set([DEFINITION]),
  derivedIds: new Map<string, { taskId: string; kind: typeof DEADLINE_OVERDUE }>([
    [OVERDUE_JOB, { taskId: TASK, kind: DEADLINE_OVERDUE }],
  ]),
};
const copy = {
  serial: 42,
  weeksBack: 2,
  code: '000.00.33.H15-261109-0001',
  lookupKeyHash: 'cd'.repeat(32),
  mapUnit: unitMapper('000.00.20.H15', '000.00.33.H15'),
  unitName: 'UBND huyện Cư Kuin',
  applicant: { fullName: 'Lê Văn An', idNumber: '066000000001', phone: '0905000001' },
};

describe('template compiler', () => {
  it('rewrites every value a copy owns and keeps shared ones', () => {
    // given a task row, its overdue job and the dossier row of a template, as COPY text
    const text = [
      `${TASK}\t${DEFINITION}\t000.03.20.H15\t2026-11-23 01:15:00+00\t{"dueAt": "2026-11-24T02:00:00.000Z"}\tspecialist.0320\n`,
      `${OVERDUE_JOB}\t${TASK}\tdeadline.overdue\n`,
      `${CODE}\t${HASH}\tUBND thành phố Buôn Ma Thuột\t{"fullName": "Người Mẫu Khuôn", "idNumber": "066099999999", "phone": "0999999999"}\n`,
    ].join('');
    // when one copy is written
    const out = instantiate(compileTable(text, literals), copy).split('\n');
    // then ids are the copy's (the deadline job derived from the new task id), dates two weeks back,
    // the city's office is the district's, and the dossier's own values are replaced
    const task = cloneId(TASK, 42);
    expect(task).toBe(`0000002a${TASK.slice(8)}`);
    expect(out[0]).toBe(
      `${task}\t${DEFINITION}\t000.03.33.H15\t2026-11-09 01:15:00+00\t{"dueAt": "2026-11-10T02:00:00.000Z"}\tspecialist.0333`,
    );
    expect(out[1]).toBe(`${deadlineJobId(task, DEADLINE_OVERDUE)}\t${task}\tdeadline.overdue`);
    expect(out[2]).toBe(
      `000.00.33.H15-261109-0001\t${'cd'.repeat(32)}\tUBND huyện Cư Kuin\t{"fullName": "Lê Văn An", "idNumber": "066000000001", "phone": "0905000001"}`,
    );
  });

  it('moves dates back by whole weeks, across months and years', () => {
    expect(shiftDate('2026-01-05', 1)).toBe('2025-12-29');
    expect(shiftDate('2026-03-02', 0)).toBe('2026-03-02');
    expect(new Date(`${shiftDate('2026-11-27', 52)}T00:00:00Z`).getUTCDay()).toBe(5);
  });

  it("maps a commune template to another district's commune and leaves the province alone", () => {
    const map = unitMapper('000.20.20.H15', '000.25.31.H15');
    expect(['000.20.20.H15', '000.02.20.H15', '000.00.00.H15'].map(map)).toEqual([
      '000.25.31.H15',
      '000.02.31.H15',
      '000.00.00.H15',
    ]);
    expect(accountName('leader', '000.25.31.H15')).toBe('leader.2531');
  });

  it('gives every code its own 6-character key from the receipt alphabet, hashed as the app hashes it', () => {
    const key = lookupKeyFor(CODE);
    expect(key).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    expect(lookupKeyFor(CODE)).toBe(key);
    expect(lookupKeyFor('000.00.20.H15-261123-0008')).not.toBe(key);
    expect(lookupKeyHash(CODE, key.toLowerCase())).toBe(lookupKeyHash(CODE, key));
    expect(lookupKeyHash(CODE, key)).toMatch(/^[0-9a-f]{64}$/);
  });
});

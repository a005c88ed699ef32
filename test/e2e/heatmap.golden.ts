import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CITY } from './workflow.helpers';

/**
 * The heatmap's golden history: steps of "Đăng ký khai sinh" (1.001193) in a unit made for this run
 * under the city and a ward under it, with hand-counted working times (office hours 07:00–11:30,
 * 13:30–17:00; 30 April and 1 May 2025 are holidays) and due times. Times are Vietnam wall clock.
 */
const run = String((Date.now() % 90) + 10);
export const HEATMAP_UNIT = `9${run}.${run}.30.H15`;
export const HEATMAP_WARD = `9${run}.${run}.31.H15`;
export const HO_TICH = '1.001193';
const KINH_DOANH = '1.001612';
export const MARCH = { from: '2025-03-01', to: '2025-03-31' };
export const APRIL_MAY = { from: '2025-04-01', to: '2025-05-31' };

interface Step {
  element: string;
  unit?: string;
  created: string;
  completed?: string;
  due?: string;
  status?: 'completed' | 'open' | 'cancelled';
  procedure?: string;
}
const at = (local?: string) => (local ? new Date(`${local.replace(' ', 'T')}:00+07:00`) : null);

const STEPS: Step[] = [
  // Task_TiepNhan in March: 0.5 h on time; 10:00–11:30 + 13:30–14:00 = 2 h late; the ward 16:00–17:00 + 07:00–09:00 = 3 h late
  { element: 'Task_TiepNhan', created: '2025-03-03 08:00', completed: '2025-03-03 08:30', due: '2025-03-03 09:00' },
  { element: 'Task_TiepNhan', created: '2025-03-04 10:00', completed: '2025-03-04 14:00', due: '2025-03-04 11:00' },
  {
    element: 'Task_TiepNhan',
    unit: HEATMAP_WARD,
    created: '2025-03-05 16:00',
    completed: '2025-03-06 09:00',
    due: '2025-03-06 08:00',
  },
  // Task_GhiSo in March: 3 h on time; 3 h + 3 h = 6 h late; Friday 2 h + Monday 1 h = 3 h on time; 07:00–17:00 = 8 h late
  { element: 'Task_GhiSo', created: '2025-03-03 08:30', completed: '2025-03-03 13:30', due: '2025-03-03 14:30' },
  { element: 'Task_GhiSo', created: '2025-03-04 14:00', completed: '2025-03-05 10:00', due: '2025-03-05 09:00' },
  {
    element: 'Task_GhiSo',
    unit: HEATMAP_WARD,
    created: '2025-03-07 15:00',
    completed: '2025-03-10 08:00',
    due: '2025-03-10 10:00',
  },
  { element: 'Task_GhiSo', created: '2025-03-10 07:00', completed: '2025-03-10 17:00', due: '2025-03-10 11:00' },
  // Task_KyGiayKhaiSinh in March: 0.5 h, no due time (never late)
  { element: 'Task_KyGiayKhaiSinh', created: '2025-03-03 13:30', completed: '2025-03-03 14:00' },
  // April–May: completed at 00:30 on 1 April (Vietnam day) → April; 16:00–17:00 = 1 h
  { element: 'Task_KyGiayKhaiSinh', created: '2025-03-31 16:00', completed: '2025-04-01 00:30' },
  // completed exactly at the due time: on time, 1 h; over the 30 April and 1 May holidays: 1 h + 1 h = 2 h late
  { element: 'Task_TiepNhan', created: '2025-04-08 08:00', completed: '2025-04-08 09:00', due: '2025-04-08 09:00' },
  {
    element: 'Task_TiepNhan',
    unit: HEATMAP_WARD,
    created: '2025-04-29 16:00',
    completed: '2025-05-02 08:00',
    due: '2025-04-29 17:00',
  },
  // 2.5 h + 3.5 h + 2 h = 8 h, late
  { element: 'Task_GhiSo', created: '2025-04-08 09:00', completed: '2025-04-09 09:00', due: '2025-04-08 14:30' },
  // never counted: cancelled, still open, another procedure, a unit outside the subtree
  { element: 'Task_TiepNhan', created: '2025-03-12 08:00', completed: '2025-03-12 09:00', status: 'cancelled' },
  { element: 'Task_GhiSo', created: '2025-03-12 08:00', status: 'open' },
  {
    element: 'Task_TiepNhan',
    created: '2025-03-13 08:00',
    completed: '2025-03-13 16:00',
    due: '2025-03-13 09:00',
    procedure: KINH_DOANH,
  },
  {
    element: 'Task_TiepNhan',
    unit: CITY,
    created: '2025-03-14 08:00',
    completed: '2025-03-14 16:00',
    due: '2025-03-14 09:00',
  },
];

/** What the heatmap must answer for the unit's subtree, counted by hand from STEPS. */
export const EXPECTED = {
  march: [
    { elementId: 'Task_GhiSo', completed: 4, medianWorkingHours: 4.5, overdue: 2, overdueRate: 0.5 },
    { elementId: 'Task_KyGiayKhaiSinh', completed: 1, medianWorkingHours: 0.5, overdue: 0, overdueRate: 0 },
    { elementId: 'Task_TiepNhan', completed: 3, medianWorkingHours: 2, overdue: 2, overdueRate: 0.6667 },
  ],
  marchTotals: { completed: 8, overdue: 4 },
  aprilMay: [
    { elementId: 'Task_GhiSo', completed: 1, medianWorkingHours: 8, overdue: 1, overdueRate: 1 },
    { elementId: 'Task_KyGiayKhaiSinh', completed: 1, medianWorkingHours: 1, overdue: 0, overdueRate: 0 },
    { elementId: 'Task_TiepNhan', completed: 2, medianWorkingHours: 1.5, overdue: 1, overdueRate: 0.5 },
  ],
};

/** The two units and one instance per step (each its own, so the lifetimes bracket the steps). */
export async function insertHeatmapHistory(db: DataSource): Promise<void> {
  const [city] = await db.query(`SELECT id FROM units WHERE code = $1`, [CITY]);
  const [unit] = await db.query(
    `INSERT INTO units (code, name, kind, parent_id) VALUES ($1, $2, 'office', $3) RETURNING id`,
    [HEATMAP_UNIT, `Phòng thử bản đồ nhiệt ${run}`, city.id],
  );
  await db.query(`INSERT INTO units (code, name, kind, parent_id) VALUES ($1, $2, 'commune', $3)`, [
    HEATMAP_WARD,
    `Phường thử bản đồ nhiệt ${run}`,
    unit.id,
  ]);
  const [definition] = await db.query(
    `SELECT id, key, version FROM process_definitions WHERE key = 'dang-ky-khai-sinh' ORDER BY version DESC LIMIT 1`,
  );
  for (const step of STEPS) {
    const instanceId = randomUUID();
    const unitCode = step.unit ?? HEATMAP_UNIT;
    const status = step.status ?? 'completed';
    const ended = at(step.completed) ?? new Date(at(step.created)!.getTime() + 3_600_000);
    await db.query(
      `INSERT INTO process_instances (id, definition_id, definition_key, version, procedure_code, business_key, unit_code, status, state, started_at, ended_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'completed', '{}', $8, $9)`,
      [
        instanceId,
        definition.id,
        definition.key,
        definition.version,
        step.procedure ?? HO_TICH,
        `HEAT-${run}-${instanceId.slice(0, 8)}`,
        unitCode,
        at(step.created),
        ended,
      ],
    );
    await db.query(
      `INSERT INTO tasks (id, instance_id, element_id, name, unit_code, status, created_at, due_at, completed_at)
       VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8)`,
      [
        randomUUID(),
        instanceId,
        step.element,
        unitCode,
        status,
        at(step.created),
        at(step.due),
        status === 'open' ? null : at(step.completed),
      ],
    );
  }
}

/** Removes the steps, their instances and the two units again. */
export async function removeHeatmapHistory(db: DataSource): Promise<void> {
  const ids = `SELECT id FROM process_instances WHERE business_key LIKE 'HEAT-${run}-%'`;
  await db.query(`DELETE FROM tasks WHERE instance_id IN (${ids})`);
  await db.query(`DELETE FROM process_instances WHERE business_key LIKE $1`, [`HEAT-${run}-%`]);
  await db.query(`DELETE FROM units WHERE code = ANY($1)`, [[HEATMAP_WARD, HEATMAP_UNIT]]);
}

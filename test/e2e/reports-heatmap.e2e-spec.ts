import { DataSource } from 'typeorm';
import type { TestServer } from '../support/test-app';
import { startTestServer } from '../support/test-app';
import {
  APRIL_MAY,
  EXPECTED,
  HEATMAP_UNIT,
  HEATMAP_WARD,
  HO_TICH,
  insertHeatmapHistory,
  MARCH,
  removeHeatmapHistory,
} from './heatmap.golden';
import { signIn, type Api } from './workflow.helpers';

jest.setTimeout(120_000);

/** The process heatmap (issue 19 item 5) on a history counted by hand (heatmap.golden.ts). */
describe('process heatmap (HTTP, golden history)', () => {
  let server: TestServer;
  let leader: Api;

  beforeAll(async () => {
    server = await startTestServer();
    await insertHeatmapHistory(server.app.get(DataSource));
    leader = await signIn(server, 'leader');
  });
  afterAll(async () => {
    if (server) await removeHeatmapHistory(server.app.get(DataSource));
    await server?.close();
  });

  it('gives each step of the diagram its completed count, median working hours and overdue rate in March', async () => {
    // when
    const res = await leader
      .get(`/api/reports/heatmap?procedure=${HO_TICH}&from=${MARCH.from}&to=${MARCH.to}&unit=${HEATMAP_UNIT}`)
      .expect(200);
    // then
    expect(res.body).toMatchObject({
      procedureCode: HO_TICH,
      processKey: 'dang-ky-khai-sinh',
      unitCode: HEATMAP_UNIT,
      from: MARCH.from,
      to: MARCH.to,
    });
    expect(res.body.version).toBeGreaterThan(0);
    expect(res.body.xml).toContain('id="Task_GhiSo"');
    expect(res.body.elements.map(({ name: _name, ...figures }: { name: string }) => figures)).toEqual(EXPECTED.march);
    expect(res.body.totals).toEqual(EXPECTED.marchTotals);
  });

  it('counts a step in the Vietnam day it was completed and leaves holidays out of its working time', async () => {
    const res = await leader
      .get(`/api/reports/heatmap?procedure=${HO_TICH}&from=${APRIL_MAY.from}&to=${APRIL_MAY.to}&unit=${HEATMAP_UNIT}`)
      .expect(200);
    expect(res.body.elements.map(({ name: _name, ...figures }: { name: string }) => figures)).toEqual(
      EXPECTED.aprilMay,
    );
  });

  it("reads only the asked unit's subtree", async () => {
    const res = await leader
      .get(`/api/reports/heatmap?procedure=${HO_TICH}&from=${MARCH.from}&to=${MARCH.to}&unit=${HEATMAP_WARD}`)
      .expect(200);
    expect(res.body.elements.map((e: { elementId: string; completed: number }) => [e.elementId, e.completed])).toEqual([
      ['Task_GhiSo', 1],
      ['Task_TiepNhan', 1],
    ]);
  });

  it("refuses an unknown procedure, a bad or too long period and a unit outside the caller's subtree", async () => {
    const base = `/api/reports/heatmap?from=${MARCH.from}&to=${MARCH.to}`;
    expect((await leader.get(`${base}&procedure=9.999999`).expect(404)).body.code).toBe('PROCEDURE_NOT_FOUND');
    expect(
      (await leader.get(`/api/reports/heatmap?procedure=${HO_TICH}&from=2025-03-31&to=2025-03-01`).expect(400)).body
        .code,
    ).toBe('PERIOD_INVALID');
    expect(
      (await leader.get(`/api/reports/heatmap?procedure=${HO_TICH}&from=2024-01-01&to=2025-03-01`).expect(400)).body
        .code,
    ).toBe('PERIOD_TOO_LONG');
    expect((await leader.get(base).expect(400)).body.code).toBe('VALIDATION_FAILED');
    const ward = await signIn(server, 'leader.tanloi');
    expect((await ward.get(`${base}&procedure=${HO_TICH}&unit=${HEATMAP_UNIT}`).expect(403)).body.code).toBe(
      'REPORT_SCOPE',
    );
  });
});

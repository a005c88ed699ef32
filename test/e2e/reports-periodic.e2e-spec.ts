import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PERIODIC_FIRST_DATA_ROW } from '../../libs/reports/src';
import type { TestServer } from '../support/test-app';
import { FakeClock, startServerWithClock } from './dossiers.support';
import { CITY, signIn, type Api } from './workflow.helpers';

jest.setTimeout(120_000);

/**
 * The six-monthly and yearly report on a small dataset of this suite's own: two units made for
 * this run (a unit under the city and a ward under it), so the shared database does not disturb
 * the hand-computed figures. Office hours 07:00–11:30 and 13:30–17:00 (8 h a day); none of the
 * days used is a holiday.
 */
const run = String((Date.now() % 90) + 10);
const UNIT = `9${run}.${run}.20.H15`;
const WARD = `9${run}.${run}.21.H15`;
const HO_TICH = '1.001193';
const KINH_DOANH = '1.001612';
const H = 3_600_000;

interface Row {
  code: string;
  procedure: string;
  unit: string;
  channel: 'direct' | 'online';
  received: string;
  appointment: string;
  original?: string;
  movedAt?: string;
  resolved?: string;
  status?: string;
  pausedMs?: number;
}
const at = (local?: string) => (local ? new Date(`${local.replace(' ', 'T')}:00+07:00`) : null);

// What each dossier adds to the first half of 2025 (H1) and to the year:
const DOSSIERS: Row[] = [
  // new online, resolved on time the same day: 08:00 → 10:00 = 0.25 working day
  {
    code: 'P1',
    procedure: HO_TICH,
    unit: UNIT,
    channel: 'online',
    received: '2025-03-03 08:00',
    appointment: '2025-03-03 17:00',
    resolved: '2025-03-03 10:00',
  },
  // new in person, late: Tue 09:00–17:00 (6 h) + Wed (8 h) + Thu 07:00–09:00 (2 h) = 2 working days
  {
    code: 'P2',
    procedure: HO_TICH,
    unit: UNIT,
    channel: 'direct',
    received: '2025-03-04 09:00',
    appointment: '2025-03-05 17:00',
    resolved: '2025-03-06 09:00',
  },
  // new in person, early against the appointment moved by a supplement; Mon + Tue = 2 days less 1 day waited = 1 working day
  {
    code: 'P3',
    procedure: KINH_DOANH,
    unit: UNIT,
    channel: 'direct',
    received: '2025-03-10 07:00',
    original: '2025-03-12 17:00',
    movedAt: '2025-03-11 12:00',
    appointment: '2025-03-13 17:00',
    resolved: '2025-03-12 07:00',
    pausedMs: 8 * H,
  },
  // carried over from December, still open: in progress, overdue
  {
    code: 'P4',
    procedure: KINH_DOANH,
    unit: UNIT,
    channel: 'online',
    received: '2024-12-23 09:00',
    appointment: '2024-12-27 17:00',
  },
  // new in person on the last afternoon of H1: within time at H1's end, overdue at the year's end
  {
    code: 'P5',
    procedure: HO_TICH,
    unit: UNIT,
    channel: 'direct',
    received: '2025-06-30 16:00',
    appointment: '2025-07-01 17:00',
  },
  // new in person, withdrawn: received, neither resolved nor in progress
  {
    code: 'P6',
    procedure: HO_TICH,
    unit: UNIT,
    channel: 'direct',
    received: '2025-03-20 09:00',
    appointment: '2025-03-21 17:00',
    resolved: '2025-03-21 09:00',
    status: 'withdrawn',
  },
  // the ward: new online, on time; Mon 13:30–17:00 (3.5 h) + Tue 07:00–11:30 (4.5 h) = 1 working day
  {
    code: 'W1',
    procedure: HO_TICH,
    unit: WARD,
    channel: 'online',
    received: '2025-05-05 13:30',
    appointment: '2025-05-06 17:00',
    resolved: '2025-05-06 11:30',
  },
  // the ward in H2 (the year only): new online, early; Mon 09:00–17:00 (6 h) + Tue 07:00–09:00 (2 h) = 1 working day
  {
    code: 'W2',
    procedure: KINH_DOANH,
    unit: WARD,
    channel: 'online',
    received: '2025-07-07 09:00',
    appointment: '2025-07-10 17:00',
    resolved: '2025-07-08 09:00',
  },
];

/** Figures in the API's order: carried over, new, online, online %, resolved, on time, late, on-time %, in progress, overdue, average days. */
type Figures = [
  number,
  number,
  number,
  number | null,
  number,
  number,
  number,
  number | null,
  number,
  number,
  number | null,
];
const FIELDS = [
  'carriedOver',
  'received',
  'receivedOnline',
  'onlineShare',
  'resolved',
  'resolvedOnTime',
  'resolvedLate',
  'onTimeRate',
  'inProgress',
  'inProgressOverdue',
  'averageProcessingDays',
] as const;
const figures = (line: Record<string, number | null>) => FIELDS.map((f) => line[f]) as Figures;

const H1 = {
  unit: [1, 5, 1, 20, 3, 2, 1, 66.7, 2, 1, 1.1] as Figures,
  unitHoTich: [0, 4, 1, 25, 2, 1, 1, 50, 1, 0, 1.1] as Figures,
  unitKinhDoanh: [1, 1, 0, 0, 1, 1, 0, 100, 1, 1, 1] as Figures,
  ward: [0, 1, 1, 100, 1, 1, 0, 100, 0, 0, 1] as Figures,
  totals: [1, 6, 2, 33.3, 4, 3, 1, 75, 2, 1, 1.1] as Figures,
};
const YEAR_TOTALS: Figures = [1, 7, 3, 42.9, 5, 4, 1, 80, 2, 2, 1.1];

describe('periodic report on use of the system (HTTP, own dataset)', () => {
  const clock = new FakeClock(new Date('2026-01-05T09:00:00+07:00'));
  let server: TestServer;
  let leader: Api;

  beforeAll(async () => {
    server = await startServerWithClock(clock);
    await insertDataset(server.app.get(DataSource));
    leader = await signIn(server, 'leader');
  });
  // The units hang under the city, whose II.06a other suites check against hand-computed numbers: leave nothing behind.
  afterAll(async () => {
    if (server) await removeDataset(server.app.get(DataSource));
    await server?.close();
  });

  it('gives the first half of 2025 per unit and procedure, with rates and the average time in working days', async () => {
    // when
    const res = await leader.get(`/api/reports/periodic?year=2025&half=1&unit=${UNIT}`).expect(200);
    // then
    expect(res.body).toMatchObject({
      year: 2025,
      half: 1,
      from: '2025-01-01',
      to: '2025-06-30',
      unitCode: UNIT,
      timeBasis: 'working_days',
    });
    expect(res.body.units.map((u: { code: string }) => u.code)).toEqual([UNIT, WARD]);
    const [unit, ward] = res.body.units;
    expect(figures(unit)).toEqual(H1.unit);
    expect(unit.procedures.map((p: { code: string; name: string }) => [p.code, p.name])).toEqual([
      [HO_TICH, expect.stringContaining('đăng ký khai sinh')],
      [KINH_DOANH, expect.stringContaining('hộ kinh doanh')],
    ]);
    expect(figures(unit.procedures[0])).toEqual(H1.unitHoTich);
    expect(figures(unit.procedures[1])).toEqual(H1.unitKinhDoanh);
    expect(figures(ward)).toEqual(H1.ward);
    expect(figures(res.body.totals)).toEqual(H1.totals);
    expect(res.body.totals.processingDays).toBe(4.3);
  });

  it('gives the whole year without `half`', async () => {
    const res = await leader.get(`/api/reports/periodic?year=2025&unit=${UNIT}`).expect(200);
    expect(res.body).toMatchObject({ half: null, from: '2025-01-01', to: '2025-12-31' });
    expect(figures(res.body.totals)).toEqual(YEAR_TOTALS);
  });

  it('exports the same figures as XLSX, CSV and PDF', async () => {
    // when
    const xlsx = await leader
      .get(`/api/reports/periodic?year=2025&half=1&unit=${UNIT}&format=xlsx`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const csv = await leader.get(`/api/reports/periodic?year=2025&half=1&unit=${UNIT}&format=csv`).expect(200);
    const pdf = await leader
      .get(`/api/reports/periodic?year=2025&half=1&unit=${UNIT}&format=pdf`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    // then the workbook reads back: unit, its procedures, the ward, its procedure, the totals
    expect(xlsx.headers['content-disposition']).toContain(`bao-cao-dinh-ky-${UNIT}-2025-dau-nam.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    const sheet = book.worksheets[0];
    const cells = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(cells(2)[0]).toBe('6 tháng đầu năm 2025 (từ ngày 01/01/2025 đến ngày 30/06/2025)');
    const rows = Array.from({ length: sheet.rowCount - PERIODIC_FIRST_DATA_ROW + 1 }, (_v, i) =>
      cells(PERIODIC_FIRST_DATA_ROW + i),
    );
    expect(rows.map((r) => r[0])).toEqual(['1', '1.1', '1.2', '2', '2.1', '']);
    // (the last two columns: fees paid online, none in this dataset; test/e2e/payments.e2e-spec.ts pays some)
    const NO_FEES = [0, 0];
    expect(rows.map((r) => r.slice(2).map((v) => v ?? null))).toEqual(
      [H1.unit, H1.unitHoTich, H1.unitKinhDoanh, H1.ward, H1.ward, H1.totals].map((f) => [...f, ...NO_FEES]),
    );
    // the CSV's last line is the totals; the PDF prints the title, the period and the totals
    expect(csv.text.trim().split('\r\n').at(-1)).toBe(`,Tổng cộng,${[...H1.totals, ...NO_FEES].join(',')}`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    if (process.env.REPORTS_PDF_DIR) writeFileSync(join(process.env.REPORTS_PDF_DIR, 'periodic.pdf'), pdf.body);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- pdf-parse's library file: its index runs a self-test under jest
    const pdfParse: (data: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js');
    const text = (await pdfParse(pdf.body)).text.replace(/\s+/g, ' ');
    expect(text).toContain('BÁO CÁO TÌNH HÌNH SỬ DỤNG HỆ THỐNG MỘT CỬA ĐIỆN TỬ');
    expect(text).toContain('6 tháng đầu năm 2025');
    expect(text).toContain('Thời gian giải quyết trung bình (ngày làm việc)');
  });

  it("refuses a half that is not 1 or 2, a year that is not one, and a unit outside the caller's subtree", async () => {
    for (const query of ['year=2025&half=3', 'year=abc', 'half=1']) {
      expect((await leader.get(`/api/reports/periodic?${query}`).expect(400)).body.code).toBe('VALIDATION_FAILED');
    }
    const ward = await signIn(server, 'leader.tanloi');
    expect((await ward.get(`/api/reports/periodic?year=2025&unit=${UNIT}`).expect(403)).body.code).toBe('REPORT_SCOPE');
  });
});

/** The two units (under the city) and the dossiers, with the supplement's event. */
async function insertDataset(db: DataSource): Promise<void> {
  const [city] = await db.query(`SELECT id FROM units WHERE code = $1`, [CITY]);
  const [unit] = await db.query(
    `INSERT INTO units (code, name, kind, parent_id) VALUES ($1, $2, 'office', $3) RETURNING id`,
    [UNIT, `Phòng thử báo cáo ${run}`, city.id],
  );
  await db.query(`INSERT INTO units (code, name, kind, parent_id) VALUES ($1, $2, 'commune', $3)`, [
    WARD,
    `Phường thử báo cáo ${run}`,
    unit.id,
  ]);
  for (const d of DOSSIERS) {
    const code = `PER-${run}-${d.code}`;
    const status = d.status ?? (d.resolved ? 'returned' : 'processing');
    await db.query(
      `INSERT INTO dossiers (code, procedure_code, unit_code, channel, applicant, received_at, appointment_at, original_appointment_at,
         status, lookup_key_hash, received_by, paused_ms, resolved_at, returned_at)
       VALUES ($1, $2, $3, $4, '{"fullName":"Định kỳ"}', $5, $6, $7, $8, 'periodic', 'reception', $9, $10, $11)`,
      [
        code,
        d.procedure,
        d.unit,
        d.channel,
        at(d.received),
        at(d.appointment),
        at(d.original ?? d.appointment),
        status,
        d.pausedMs ?? 0,
        at(d.resolved),
        status === 'returned' ? at(d.resolved) : null,
      ],
    );
    if (d.movedAt) {
      await db.query(
        `INSERT INTO dossier_events (code, at, type, actor, data) VALUES ($1, $2, 'supplement-received', 'reception', $3::jsonb)`,
        [
          code,
          at(d.movedAt),
          JSON.stringify({
            previousAppointmentAt: at(d.original),
            appointmentAt: at(d.appointment),
            waitedWorkingMs: d.pausedMs,
          }),
        ],
      );
    }
  }
}

/** Removes the dossiers, their events and the two units again. */
async function removeDataset(db: DataSource): Promise<void> {
  await db.query(`DELETE FROM dossier_events WHERE code LIKE $1`, [`PER-${run}-%`]);
  await db.query(`DELETE FROM dossiers WHERE code LIKE $1`, [`PER-${run}-%`]);
  await db.query(`DELETE FROM units WHERE code = ANY($1)`, [[WARD, UNIT]]);
}

function binary(res: request.Response, done: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

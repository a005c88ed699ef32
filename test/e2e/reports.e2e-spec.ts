import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '../../libs/identity/src';
import {
  APPOINTMENT_MOVE_EVENTS,
  appointmentAsOf,
  SUMMARY_FIRST_DATA_ROW,
  summarize,
  reportPeriod,
  type AppointmentMove,
  type SummaryCounts,
} from '../../libs/reports/src';
import type { TestServer } from '../support/test-app';
import { FakeClock, startServerWithClock } from './dossiers.support';
import { CITY, signIn, type Api } from './workflow.helpers';
import { GOLDEN_DOSSIERS, insertGolden, PERIOD_A, PERIOD_B } from './reports.golden';

jest.setTimeout(120_000);

const TANLOI = '000.20.20.H15';
const TUPHAP_SO = '000.00.01.H15';
/** Columns as the table prints them: received (total, online, in person + postal, carried over), resolved (total, early, on time, late), in progress (total, within time, overdue). */
type Line = [number, number, number, number, number, number, number, number, number, number, number];
const FIELDS: (keyof SummaryCounts)[] = [
  'received',
  'receivedOnline',
  'receivedDirect',
  'carriedOver',
  'resolved',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'inProgress',
  'inProgressWithinTime',
  'inProgressOverdue',
];
const asLine = (counts: SummaryCounts) => FIELDS.map((f) => counts[f]) as Line;

// Hand-computed from reports.golden.ts (the comment on each dossier says where it counts).
const HO_TICH = 'Hộ tịch';
const CHUNG_THUC = 'Chứng thực';
const KINH_DOANH = 'Thành lập và hoạt động của hộ kinh doanh';
const XAY_DUNG = 'Hoạt động xây dựng';
const DAT_DAI = 'Đất đai';
const CITY_MARCH: Record<string, Line> = {
  [HO_TICH]: [8, 2, 4, 2, 3, 1, 1, 1, 4, 2, 2],
  [CHUNG_THUC]: [6, 2, 3, 1, 4, 1, 1, 2, 2, 2, 0],
  [KINH_DOANH]: [7, 1, 4, 2, 4, 2, 1, 1, 3, 0, 3],
  [XAY_DUNG]: [4, 1, 2, 1, 2, 1, 1, 0, 2, 2, 0],
  [DAT_DAI]: [5, 1, 2, 2, 1, 0, 1, 0, 4, 3, 1],
};
const CITY_MARCH_TOTAL: Line = [30, 7, 15, 8, 14, 5, 5, 4, 15, 9, 6];
const CITY_APRIL: Record<string, Line> = {
  [HO_TICH]: [6, 1, 1, 4, 3, 2, 1, 0, 3, 1, 2],
  [CHUNG_THUC]: [4, 0, 2, 2, 2, 0, 2, 0, 2, 1, 1],
  [KINH_DOANH]: [7, 2, 2, 3, 2, 1, 0, 1, 5, 1, 4],
  [XAY_DUNG]: [5, 2, 1, 2, 2, 0, 1, 1, 3, 2, 1],
  [DAT_DAI]: [6, 0, 2, 4, 2, 2, 0, 0, 3, 1, 2],
};
const CITY_APRIL_TOTAL: Line = [28, 5, 8, 15, 11, 5, 4, 2, 16, 6, 10];

interface SummaryJson {
  unitName: string;
  lines: (SummaryCounts & { key: string; name: string })[];
  totals: SummaryCounts;
}
const byName = (body: SummaryJson) => Object.fromEntries(body.lines.map((l) => [l.name, asLine(l)]));

describe("leaders' reports (HTTP, golden dataset)", () => {
  const clock = new FakeClock(new Date('2025-06-03T09:00:00+07:00'));
  let server: TestServer;
  let db: DataSource;
  let users: Record<string, Api>;

  beforeAll(async () => {
    server = await startServerWithClock(clock);
    db = server.app.get(DataSource);
    await insertGolden(db);
    const names = ['leader', 'leader.tinh', 'leader.tanloi', 'specialist', 'reception'];
    users = Object.fromEntries(
      await Promise.all(names.map(async (name) => [name, await signIn(server, name)] as const)),
    );
  });
  afterAll(() => server?.close());

  describe('Biểu II.06a', () => {
    it.each([
      ['March', PERIOD_A, CITY_MARCH, CITY_MARCH_TOTAL],
      ['April', PERIOD_B, CITY_APRIL, CITY_APRIL_TOTAL],
    ] as const)(
      'gives the hand-computed table for %s, by field, for the city',
      async (_name, period, expected, total) => {
        // when
        const res = await users.leader
          .get(`/api/reports/summary?from=${period.from}&to=${period.to}&groupBy=field`)
          .expect(200);
        // then
        expect(byName(res.body)).toEqual(expected);
        expect(asLine(res.body.totals)).toEqual(total);
      },
    );

    it('agrees with the pure rules on the same rows, for every grouping and both periods', async () => {
      // given every appointment move recorded (supplements received, apologies)
      const moves = new Map<string, AppointmentMove[]>();
      for (const e of await db.query(`SELECT code, at, data FROM dossier_events WHERE type = ANY($1)`, [
        [...APPOINTMENT_MOVE_EVENTS],
      ])) {
        const move = {
          at: e.at,
          previousAppointmentAt: new Date(e.data.previousAppointmentAt),
          appointmentAt: new Date(e.data.appointmentAt),
        };
        moves.set(e.code, [...(moves.get(e.code) ?? []), move]);
      }
      for (const period of [PERIOD_A, PERIOD_B]) {
        for (const groupBy of ['field', 'procedure', 'unit'] as const) {
          // given the rows of the city subtree, as plain objects
          const units: string[] = (await db.query(`SELECT code FROM units`))
            .map((u: { code: string }) => u.code)
            .filter((c: string) => c === CITY || c.endsWith('.20.H15'));
          const key = { field: 'p.field', procedure: 'd.procedure_code', unit: 'd.unit_code' }[groupBy];
          const rows = await db.query(
            `SELECT d.code, ${key} AS "groupKey", ${key} AS "groupName", d.channel, d.status, d.received_at AS "receivedAt",
               d.appointment_at AS "appointmentAt", COALESCE(d.resolved_at, d.returned_at) AS "finishedAt"
             FROM dossiers d JOIN procedures p ON p.code = d.procedure_code WHERE d.unit_code = ANY($1)`,
            [units],
          );
          const end = reportPeriod(period.from, period.to).end;
          for (const row of rows)
            row.appointmentAt = appointmentAsOf(row.appointmentAt, moves.get(row.code) ?? [], end);
          // when
          const pure = summarize(rows, reportPeriod(period.from, period.to));
          const res = await users.leader
            .get(`/api/reports/summary?from=${period.from}&to=${period.to}&groupBy=${groupBy}`)
            .expect(200);
          // then
          expect(res.body.lines.map((l: SummaryJson['lines'][number]) => [l.key, asLine(l)])).toEqual(
            pure.lines.map((l) => [l.key, asLine(l)]),
          );
          expect(res.body.totals).toEqual(pure.totals);
        }
      }
    });

    it("gives the same tables by field, unit and procedure from one breakdown (the dashboard's read)", async () => {
      for (const [user, period] of [
        ['leader', PERIOD_A],
        ['leader', PERIOD_B],
        ['leader.tinh', PERIOD_A],
      ] as const) {
        // when
        const breakdown = (
          await users[user].get(`/api/reports/breakdown?from=${period.from}&to=${period.to}`).expect(200)
        ).body;
        // then
        for (const [groupBy, lines] of [
          ['field', breakdown.byField],
          ['unit', breakdown.byUnit],
          ['procedure', breakdown.byProcedure],
        ]) {
          const summary = (
            await users[user]
              .get(`/api/reports/summary?from=${period.from}&to=${period.to}&groupBy=${groupBy}`)
              .expect(200)
          ).body;
          expect(lines).toEqual(summary.lines);
          expect(breakdown.totals).toEqual(summary.totals);
        }
      }
    });

    it('gives the province leader the city plus the department of justice', async () => {
      const res = await users['leader.tinh']
        .get(`/api/reports/summary?from=${PERIOD_A.from}&to=${PERIOD_A.to}&unit=000.00.00.H15`)
        .expect(200);
      // S1 (fresh in person, resolved on time) and S3 (fresh online, overdue) are added to the city's March
      expect(byName(res.body)[CHUNG_THUC]).toEqual([8, 3, 4, 1, 5, 1, 2, 2, 3, 2, 1]);
      expect(asLine(res.body.totals)).toEqual([32, 8, 16, 8, 15, 5, 6, 4, 16, 9, 7]);
    });

    it('exports the same table as XLSX with the official headers, and as CSV', async () => {
      // when
      const res = await users.leader
        .get(`/api/reports/summary?from=${PERIOD_B.from}&to=${PERIOD_B.to}&format=xlsx`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      // then
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.body);
      const sheet = book.worksheets[0];
      const cells = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
      expect(cells(3).slice(0, 3)).toEqual(['STT', 'Lĩnh vực giải quyết', 'Số hồ sơ nhận giải quyết']);
      expect(cells(4).slice(2)).toEqual([
        'Tổng số',
        'Số mới tiếp nhận trực tuyến',
        'Số mới tiếp nhận trực tiếp và dịch vụ bưu chính',
        'Số kỳ trước chuyển qua',
        'Tổng số',
        'Trả trước hạn',
        'Trả đúng thời hạn',
        'Trả quá hạn',
        'Tổng số',
        'Trong hạn',
        'Quá hạn',
      ]);
      const read: Record<string, number[]> = {};
      for (let r = SUMMARY_FIRST_DATA_ROW; r <= sheet.rowCount; r++)
        read[String(cells(r)[1])] = cells(r).slice(2) as number[];
      expect(read).toEqual({ ...CITY_APRIL, 'Tổng cộng': CITY_APRIL_TOTAL });

      const csv = await users.leader
        .get(`/api/reports/summary?from=${PERIOD_B.from}&to=${PERIOD_B.to}&format=csv`)
        .expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.text.trim().split('\r\n').at(-1)).toBe(`,Tổng cộng,${CITY_APRIL_TOTAL.join(',')}`);
    });

    it('judges a past period with the appointment of that time, not as moved since', async () => {
      // given K3 (apology before its appointment, on time) and K12 (a supplement received on 10 April moved
      // its appointment from 27 March to 4 April): at March's end K12 was overdue
      const res = await users['leader.tanloi']
        .get(`/api/reports/summary?from=${PERIOD_A.from}&to=${PERIOD_A.to}&groupBy=procedure`)
        .expect(200);
      // then
      const kinhDoanh = res.body.lines.find((l: { key: string }) => l.key === '1.001612');
      expect(asLine(kinhDoanh)).toEqual([2, 0, 2, 0, 1, 0, 1, 0, 1, 0, 1]);
    });

    it('prints the table as a landscape PDF whose numbers are the JSON ones, with the diacritics exact', async () => {
      // given
      const json = (await users.leader.get(`/api/reports/summary?from=${PERIOD_B.from}&to=${PERIOD_B.to}`).expect(200))
        .body as SummaryJson;
      // when
      const res = await users.leader
        .get(`/api/reports/summary?from=${PERIOD_B.from}&to=${PERIOD_B.to}&format=pdf`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      // then
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(`bieu-II.06a-${CITY}-${PERIOD_B.from}-${PERIOD_B.to}.pdf`);
      const pdf = res.body as Buffer;
      if (process.env.REPORTS_PDF_DIR) writeFileSync(join(process.env.REPORTS_PDF_DIR, 'summary.pdf'), pdf);
      const { words, pages } = await pdfWords(pdf);
      const text = words.join(' ').replace(/\/ /g, '/'); // pdfmake ends a text item after each slash
      expect(pages).toBe(1);
      for (const phrase of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Biểu số II.06a/VPCP/KSTT',
        'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
        'Kỳ báo cáo: từ ngày 01/04/2025 đến ngày 30/04/2025',
        `Đơn vị báo cáo: ${json.unitName} (${CITY})`,
        'Số hồ sơ nhận giải quyết',
        'Số mới tiếp nhận trực tuyến',
        'Số hồ sơ đã giải quyết',
        'Trả đúng thời hạn',
        'Số hồ sơ đang giải quyết',
        'Trong hạn',
        'Tổng cộng',
        'THỦ TRƯỞNG ĐƠN VỊ',
      ]) {
        expect(text).toContain(phrase);
      }
      for (const line of json.lines) expect(text).toContain(line.name);
      // between the column numbers (1)…(13) and the signatures, the numbers read: each line's STT and its eleven counts, then the totals' eleven
      const numbers = words
        .slice(words.indexOf('(13)') + 1, words.indexOf('NGƯỜI'))
        .filter((word) => /^\d+$/.test(word))
        .map(Number);
      expect(numbers).toEqual([...json.lines.flatMap((l, i) => [i + 1, ...asLine(l)]), ...asLine(json.totals)]);
      expect(asLine(json.totals)).toEqual(CITY_APRIL_TOTAL);
    });

    it('refuses a period that ends before it starts, or a day that does not exist', async () => {
      const res = await users.leader.get(`/api/reports/summary?from=2025-04-02&to=2025-04-01`).expect(400);
      expect(res.body.code).toBe('PERIOD_INVALID');
      for (const [from, to] of [
        ['2025-02-30', '2025-03-31'],
        ['2025-01-01', '2025-13-01'],
      ]) {
        expect((await users.leader.get(`/api/reports/summary?from=${from}&to=${to}`).expect(400)).body.code).toBe(
          'PERIOD_INVALID',
        );
      }
    });
  });

  describe('weekly trend', () => {
    it("counts the city's March by week: received, resolved and resolved late, the weeks at the ends cut to the period", async () => {
      // when
      const res = await users.leader.get(`/api/reports/trend?from=${PERIOD_A.from}&to=${PERIOD_A.to}`).expect(200);
      // then (hand-counted from the golden dataset; the weeks sum up to the II.06a's new receipts 22, resolved 14, late 4)
      expect(res.body.weeks).toEqual([
        { week: '2025-02-24', received: 2, resolved: 4, resolvedLate: 1 }, // C1, C2 | H2, C1, C2, C9 (late)
        { week: '2025-03-03', received: 6, resolved: 2, resolvedLate: 1 }, // H4, C3, K3, K4, X2, D3 | H4, C3 (late)
        { week: '2025-03-10', received: 4, resolved: 3, resolvedLate: 1 }, // H5, H6, K5, X3 | H5 (late), K3, X1
        { week: '2025-03-17', received: 3, resolved: 2, resolvedLate: 1 }, // H10, X4, D4 | K2, K4 (late)
        { week: '2025-03-24', received: 5, resolved: 3, resolvedLate: 0 }, // H7, H11, K9, K12, D7 | K9, X2, D1
        { week: '2025-03-31', received: 2, resolved: 0, resolvedLate: 0 }, // C4, C5
      ]);
    });

    it('refuses a trend longer than a year', async () => {
      const res = await users.leader.get(`/api/reports/trend?from=2024-01-01&to=2025-03-31`).expect(400);
      expect(res.body.code).toBe('PERIOD_TOO_LONG');
    });
  });

  describe('access', () => {
    it('lets a commune leader read the commune only, not the city or a department', async () => {
      // when
      const own = await users['leader.tanloi']
        .get(`/api/reports/summary?from=${PERIOD_A.from}&to=${PERIOD_A.to}&groupBy=unit`)
        .expect(200);
      const city = await users['leader.tanloi'].get(
        `/api/reports/summary?from=${PERIOD_A.from}&to=${PERIOD_A.to}&unit=${CITY}`,
      );
      const overdue = await users['leader.tanloi'].get(`/api/reports/overdue?unit=${CITY}`);
      const department = await users.leader.get(`/api/reports/overdue?unit=${TUPHAP_SO}`);
      // then
      expect(own.body.lines.map((l: { key: string }) => l.key)).toEqual([TANLOI]);
      expect(
        (await users['leader.tanloi'].get('/api/reports/units').expect(200)).body.items.map(
          (u: { code: string }) => u.code,
        ),
      ).toEqual([TANLOI]);
      expect(own.body.totals.received).toBe(
        GOLDEN_DOSSIERS.filter((d) => d.unit === TANLOI && d.countsIn.includes('A')).length,
      );
      for (const res of [city, overdue, department]) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('REPORT_SCOPE');
      }
    });

    it('refuses officers who are not leaders', async () => {
      const res = await users.specialist.get(`/api/reports/overdue`);
      expect(res.status).toBe(403);
    });
  });

  describe('overdue report', () => {
    it('lists the same overdue steps as the inbox flags at the same instant, with lateness in working time', async () => {
      // given dossiers received on Monday 2 June 2025 and left alone for a week
      clock.set(new Date('2025-06-02T09:00:00+07:00'));
      const codes: string[] = [];
      for (let i = 0; i < 3; i++) {
        const received = await users.reception
          .post('/api/dossiers', {
            procedureCode: '1.001612',
            channel: 'direct',
            documents: ['giay-de-nghi', 'giay-to-phap-ly'],
            applicant: { fullName: 'Nguyễn Văn An', idNumber: '066190001234', phone: '0905123456' },
          })
          .expect(201);
        codes.push(received.body.code);
      }
      clock.set(new Date('2025-06-09T10:00:00+07:00'));
      // when the report and every city officer's inbox are read at the same instant
      const report = await users.leader.get(`/api/reports/overdue`).expect(200);
      const officers = DEMO_ACCOUNTS.filter((a) => a.unitCode === CITY || a.unitCode.endsWith('.20.H15'));
      const flagged = new Set<string>();
      for (const officer of officers) {
        const api = await signIn(server, officer.username);
        for (const code of codes) {
          const inbox = await api.get(`/api/tasks?overdue=true&q=${code}&limit=200`).expect(200);
          for (const task of inbox.body.items) flagged.add(task.id);
        }
      }
      // then (this scenario's dossiers: other suites share the database)
      const steps = report.body.items.filter(
        (i: { kind: string; dossierCode: string }) => i.kind === 'step' && codes.includes(i.dossierCode),
      );
      expect(steps.length).toBeGreaterThanOrEqual(3);
      expect(new Set(steps.map((s: { taskId: string }) => s.taskId))).toEqual(flagged);
      for (const step of steps) expect(step.lateWorkingMs).toBeGreaterThan(0);
      for (const step of steps)
        expect(step.lateDays * 8 * 3_600_000 + step.lateHours * 3_600_000).toBeLessThanOrEqual(step.lateWorkingMs);
      // and the golden open dossiers past their appointment are listed, most late first
      const dossiers = report.body.items
        .filter((i: { kind: string }) => i.kind === 'dossier')
        .map((i: { dossierCode: string }) => i.dossierCode);
      expect(dossiers).toEqual(expect.arrayContaining(['GOLD-H3', 'GOLD-K1', 'GOLD-D2']));
      expect(dossiers).not.toContain('GOLD-S3');
      const lateness = report.body.items.map((i: { lateWorkingMs: number }) => i.lateWorkingMs);
      expect(lateness).toEqual([...lateness].sort((a, b) => b - a));
    });

    it('shows a step flagged overdue before its due time as 0 late, never negative', async () => {
      // given a dossier received now whose first step's overdue flag is set before its due time
      const now = new Date('2025-06-09T10:00:00+07:00');
      clock.set(now);
      const received = await users.reception
        .post('/api/dossiers', {
          procedureCode: '1.001612',
          channel: 'direct',
          documents: ['giay-de-nghi', 'giay-to-phap-ly'],
          applicant: { fullName: 'Trần Thị Bình', idNumber: '066190004321', phone: '0905123457' },
        })
        .expect(201);
      const [task] = await db.query(
        `SELECT t.id, t.due_at FROM tasks t JOIN dossiers d ON d.instance_id = t.instance_id WHERE d.code = $1 AND t.status = 'open'`,
        [received.body.code],
      );
      expect(task.due_at.getTime()).toBeGreaterThan(now.getTime());
      await db.query(`UPDATE tasks SET overdue_at = $2 WHERE id = $1`, [task.id, now]);
      // when
      const report = await users.leader.get(`/api/reports/overdue`).expect(200);
      // then it is listed, 0 late
      const item = report.body.items.find((i: { taskId: string }) => i.taskId === task.id);
      expect(item).toMatchObject({
        kind: 'step',
        dossierCode: received.body.code,
        lateWorkingMs: 0,
        lateDays: 0,
        lateHours: 0,
      });
      expect(report.body.items.every((i: { lateWorkingMs: number }) => i.lateWorkingMs >= 0)).toBe(true);
    });

    it('pages the list in the order asked, with the counts of the whole list', async () => {
      // given the whole list, earliest due first
      const whole = (await users.leader.get(`/api/reports/overdue?sort=due&limit=5000`).expect(200)).body;
      const key = (i: { kind: string; taskId: string | null; dossierCode: string }) =>
        `${i.kind}:${i.taskId ?? i.dossierCode}`;
      // when it is read three at a time
      const first = (await users.leader.get(`/api/reports/overdue?sort=due&limit=3`).expect(200)).body;
      const second = (await users.leader.get(`/api/reports/overdue?sort=due&limit=3&offset=3`).expect(200)).body;
      // then the pages are consecutive slices and every page counts the whole list
      expect(whole.total).toBeGreaterThan(6);
      expect([...first.items, ...second.items].map(key)).toEqual(whole.items.slice(0, 6).map(key));
      for (const page of [first, second])
        expect([page.total, page.steps, page.dossiers]).toEqual([whole.total, whole.steps, whole.dossiers]);
      const due = whole.items.map((i: { dueAt: string }) => i.dueAt);
      expect(due).toEqual([...due].sort());
      // and the other orders hold over the whole list
      for (const [sort, field] of [
        ['unit', 'unitCode'],
        ['procedure', 'procedureCode'],
        ['assignee', 'assignee'],
      ] as const) {
        const items = (await users.leader.get(`/api/reports/overdue?sort=${sort}&limit=5000`).expect(200)).body.items;
        const values = items
          .map((i: Record<string, string | null>) => i[field])
          .filter((v: string | null) => v !== null);
        expect(values).toEqual([...values].sort());
        expect(items.findIndex((i: Record<string, string | null>) => i[field] === null)).not.toBeLessThan(
          values.length === items.length ? -1 : values.length,
        );
      }
      expect((await users.leader.get(`/api/reports/overdue?limit=0`).expect(400)).body.code).toBe('VALIDATION_FAILED');
    });

    it('filters by procedure and exports CSV and XLSX', async () => {
      const res = await users.leader.get(`/api/reports/overdue?procedure=1.009974&sort=due`).expect(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((i: { procedureCode: string }) => i.procedureCode === '1.009974')).toBe(true);
      const csv = await users.leader.get(`/api/reports/overdue?format=csv`).expect(200);
      expect(csv.text).toContain('Mã hồ sơ');
      expect(csv.text).toContain('GOLD-H3');
      const xlsx = await users.leader.get(`/api/reports/overdue?format=xlsx`).buffer(true).parse(binary).expect(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.body);
      expect(book.worksheets[0].rowCount).toBe(2 + (await users.leader.get(`/api/reports/overdue`)).body.total);
    });
  });
});

type PdfPage = { getTextContent: () => Promise<{ items: { str: string }[] }> };
type PdfParse = (
  data: Buffer,
  options: { pagerender: (page: PdfPage) => Promise<string> },
) => Promise<{ text: string; numpages: number }>;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- pdf-parse's library file: its index runs a self-test under jest
const pdfParse: PdfParse = require('pdf-parse/lib/pdf-parse.js');
/** The PDF's words in reading order (pdfmake writes one text item per word), one a line per item. */
async function pdfWords(pdf: Buffer): Promise<{ words: string[]; pages: number }> {
  const parsed = await pdfParse(pdf, {
    pagerender: async (page) => (await page.getTextContent()).items.map((item) => item.str).join('\n'),
  });
  return {
    words: parsed.text
      .split('\n')
      .flatMap((item) => item.trim().split(/\s+/))
      .filter(Boolean),
    pages: parsed.numpages,
  };
}

function binary(res: request.Response, done: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

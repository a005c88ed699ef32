import { DataSource } from 'typeorm';
import { LookupKeyService } from '../../libs/dossiers/src';
import { WorkingCalendarService } from '../../libs/worktime/src';
import type { TestServer } from '../support/test-app';
import { FakeClock, startServerWithClock } from './dossiers.support';
import { CITY, openTask, signIn, type Api, type TaskJson } from './workflow.helpers';

jest.setTimeout(120_000);

const TANLOI = '000.20.20.H15';
const HOUR = 3_600_000;
/** 09:00 in Vietnam (UTC+7) on a day given as YYYY-MM-DD. */
const vn = (day: string, hhmm = '09:00') => new Date(`${day}T${hhmm}:00+07:00`);

const applicant = {
  fullName: 'Nguyễn Thị Ánh Tuyết',
  idNumber: '066190001234',
  phone: '0905123456',
  address: 'Phường Tân Lợi, Buôn Ma Thuột',
};
const HOUSEHOLD = {
  procedureCode: '1.001612',
  applicant,
  channel: 'direct',
  documents: ['giay-de-nghi', 'giay-to-phap-ly'],
};

describe('dossier life cycle (HTTP, injected clock)', () => {
  const clock = new FakeClock(vn('2025-06-03'));
  let server: TestServer;
  let db: DataSource;
  let users: Record<string, Api>;

  beforeAll(async () => {
    server = await startServerWithClock(clock);
    db = server.app.get(DataSource);
    const names = [
      'admin',
      'reception',
      'specialist',
      'head',
      'leader',
      'specialist.tuphap',
      'specialist.qldt',
      'head.qldt',
      'specialist.vpdk',
      'specialist.tnmt',
      'reception.tanloi',
      'specialist.tanloi',
      'leader.tanloi',
    ];
    users = Object.fromEntries(
      await Promise.all(names.map(async (name) => [name, await signIn(server, name)] as const)),
    );
  });
  afterAll(() => server?.close());

  const calendar = (unit: string) => server.app.get(WorkingCalendarService).calendarSync(unit);
  const count = async (table: string) => Number((await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  /** Claims and completes the open task at `elementId` as `username`, after `minutes` of work; returns the task as it was. */
  async function doStep(
    code: string,
    elementId: string,
    username: string,
    minutes = 30,
    variables: Record<string, unknown> = {},
  ): Promise<TaskJson> {
    const [{ instance_id: instanceId }] = await db.query(`SELECT instance_id FROM dossiers WHERE code = $1`, [code]);
    const task = await openTask(users.admin, instanceId, elementId);
    clock.advance(minutes * 60_000);
    await users[username].post(`/api/tasks/${task.id}/claim`).expect(200);
    await users[username].post(`/api/tasks/${task.id}/complete`, { variables }).expect(200);
    return task;
  }

  describe('codes', () => {
    it('gives 200 concurrent receptions at one unit the codes 0001 to 0200, and restarts at 0001 the next day', async () => {
      // given the city desk on 3 June 2025
      clock.set(vn('2025-06-03', '08:00'));
      // when 200 dossiers are received at once
      const responses = await Promise.all(
        Array.from({ length: 200 }, () => users.reception.post('/api/dossiers', HOUSEHOLD)),
      );
      // then every one is created, with all the numbers of the day, none twice
      expect(responses.map((r) => r.status)).toEqual(Array(200).fill(201));
      const codes = responses.map((r) => r.body.code as string).sort();
      expect(codes).toEqual(Array.from({ length: 200 }, (_, i) => `${CITY}-250603-${String(i + 1).padStart(4, '0')}`));
      expect(new Set(responses.map((r) => r.body.lookupKey)).size).toBeGreaterThan(190);
      expect(responses[0].body).toEqual({
        code: expect.any(String),
        lookupKey: expect.stringMatching(/^[A-Z2-9]{6}$/),
        appointmentAt: expect.any(String),
        status: 'received',
      });

      // when the next day comes (16:59:59Z is still the 3rd in Vietnam, 17:00Z is the 4th)
      clock.set('2025-06-03T16:59:00Z');
      const late = await users.reception.post('/api/dossiers', HOUSEHOLD).expect(201);
      clock.set('2025-06-04T01:00:00Z');
      const next = await users.reception.post('/api/dossiers', HOUSEHOLD).expect(201);
      // then
      expect(late.body.code).toBe(`${CITY}-250603-0201`);
      expect(next.body.code).toBe(`${CITY}-250604-0001`);
    });

    it('takes back a number when the reception fails, so the day has no gaps', async () => {
      // given a day with one dossier
      clock.set(vn('2025-06-05'));
      await users.reception.post('/api/dossiers', HOUSEHOLD).expect(201);
      // when a reception fails after the number was taken (the process is not deployed under that key)
      await db.query(`UPDATE procedures SET process_key = 'not-deployed' WHERE code = '1.001612'`);
      const failed = await users.reception.post('/api/dossiers', HOUSEHOLD);
      await db.query(`UPDATE procedures SET process_key = 'dang-ky-ho-kinh-doanh' WHERE code = '1.001612'`);
      const after = await users.reception.post('/api/dossiers', HOUSEHOLD).expect(201);
      // then
      expect(failed.status).toBe(404);
      expect(failed.body.code).toBe('DEFINITION_NOT_FOUND');
      expect(after.body.code).toBe(`${CITY}-250605-0002`);
    });
  });

  describe('reception writes its row once (issue 17 item 6)', () => {
    it('inserts the dossier, its projection and its event in one statement, already as the start leaves them, and reads nothing back', async () => {
      // given a probe that records every row written to dossiers and dossier_status, and a log of the statements of transactions
      clock.set(vn('2025-06-06'));
      await db.query(`CREATE TABLE reception_probe (tbl text, op text, n bigserial)`);
      await db.query(`CREATE FUNCTION reception_probe() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO reception_probe (tbl, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$`);
      for (const table of ['dossiers', 'dossier_status']) {
        await db.query(
          `CREATE TRIGGER reception_probe AFTER INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION reception_probe()`,
        );
      }
      const statements: string[] = [];
      const createQueryRunner = db.createQueryRunner.bind(db);
      const spy = jest.spyOn(db, 'createQueryRunner').mockImplementation((mode) => {
        const runner = createQueryRunner(mode);
        const query = runner.query.bind(runner);
        runner.query = ((sql: string, ...rest: unknown[]) => {
          statements.push(sql);
          return (query as (...args: unknown[]) => Promise<unknown>)(sql, ...rest);
        }) as typeof runner.query;
        return runner;
      });
      let code: string;
      try {
        // when a dossier is received
        const received = await users.reception.post('/api/dossiers', HOUSEHOLD).expect(201);
        code = received.body.code;
      } finally {
        spy.mockRestore();
        for (const table of ['dossiers', 'dossier_status']) await db.query(`DROP TRIGGER reception_probe ON ${table}`);
      }
      const writes = await db.query(`SELECT tbl, op FROM reception_probe ORDER BY n`);
      await db.query(`DROP TABLE reception_probe; DROP FUNCTION reception_probe()`);
      // then each row was written once, by one insert, and no statement read the dossier back
      expect(writes).toEqual([
        { tbl: 'dossiers', op: 'INSERT' },
        { tbl: 'dossier_status', op: 'INSERT' },
      ]);
      expect(statements.filter((sql) => /INSERT INTO dossiers\b/.test(sql))).toHaveLength(1);
      expect(statements.filter((sql) => /\bFROM dossiers\b/.test(sql))).toEqual([]);
      // and the row is the one the process start left: its instance, the first step's status and name, the received event
      const [row] = await db.query(
        `SELECT d.status, d.instance_id IS NOT NULL AS linked, s.status AS public_status, s.current_step,
           (SELECT array_agg(type ORDER BY id) FROM dossier_events e WHERE e.code = d.code) AS events,
           (SELECT t.name FROM tasks t WHERE t.instance_id = d.instance_id AND t.status = 'open') AS open_step
         FROM dossiers d JOIN dossier_status s ON s.code = d.code WHERE d.code = $1`,
        [code],
      );
      expect(row).toEqual({
        status: 'received',
        linked: true,
        public_status: 'received',
        current_step: row.open_step,
        events: ['received'],
        open_step: expect.any(String),
      });
    });
  });

  describe('procedures driven to returned', () => {
    it('birth registration at Tân Lợi: same day, each step due on the calendar, control slip of every handover', async () => {
      // given a birth registered at 09:00 on Tuesday 10 June 2025
      clock.set(vn('2025-06-10'));
      const received = await users['reception.tanloi']
        .post('/api/dossiers', {
          procedureCode: '1.001193',
          applicant,
          channel: 'direct',
          documents: ['to-khai', 'giay-chung-sinh'],
        })
        .expect(201);
      const code: string = received.body.code;
      // then the code is the commune's and the result is due at closing the same day
      expect(code).toBe(`${TANLOI}-250610-0001`);
      expect(received.body.appointmentAt).toBe(vn('2025-06-10', '17:00').toISOString());
      // and the lookup key is stored only as a hash that it, and no other key, matches
      const [{ lookup_key_hash: hash }] = await db.query(`SELECT lookup_key_hash FROM dossiers WHERE code = $1`, [
        code,
      ]);
      const keys = server.app.get(LookupKeyService);
      expect(hash).not.toContain(received.body.lookupKey);
      expect([keys.matches(code, received.body.lookupKey, hash), keys.matches(code, 'AAAAAA', hash)]).toEqual([
        true,
        false,
      ]);
      const detail = await users['reception.tanloi'].get(`/api/dossiers/${code}`).expect(200);
      expect(detail.body).toMatchObject({
        code,
        procedureCode: '1.001193',
        status: 'received',
        unitCode: TANLOI,
        unitName: 'UBND phường Tân Lợi',
        receivedAt: vn('2025-06-10').toISOString(),
        applicant: { fullName: 'Nguyễn Thị Ánh Tuyết', idNumber: '066190001234' },
        documents: [
          { code: 'to-khai', copies: 1 },
          { code: 'giay-chung-sinh', copies: 1 },
        ],
        allowedActions: ['supplement-request', 'refuse', 'withdraw', 'apology'],
      });
      expect(detail.body).not.toHaveProperty('lookupKey');

      // when each officer does the step
      const steps = [
        ['Task_TiepNhan', 'reception.tanloi', 'PT1H'],
        ['Task_GhiSo', 'specialist.tanloi', 'PT4H'],
        ['Task_KyGiayKhaiSinh', 'leader.tanloi', 'PT2H'],
      ] as const;
      for (const [elementId, username, allowed] of steps) {
        const task = await doStep(code, elementId, username);
        // then the step is due its drawn duration later, in working time (lunch 11:30–13:30 skipped)
        expect(task.unitCode).toBe(TANLOI);
        expect(task.dueAt).toBe(calendar(TANLOI).addWorkingTime(new Date(task.createdAt), allowed).toISOString());
      }
      const ready = await users['reception.tanloi'].get(`/api/dossiers/${code}`).expect(200);
      expect(ready.body).toMatchObject({
        status: 'result_ready',
        allowedActions: ['return'],
        currentStep: 'Trả Giấy khai sinh',
      });
      // the officer's 4 hours from 09:30 run over lunch to 15:30
      expect(ready.body.history[1]).toMatchObject({ due: vn('2025-06-10', '15:30').toISOString() });

      // when the desk hands the certificate over
      const returned = await users['reception.tanloi'].post(`/api/dossiers/${code}/return`, {}).expect(200);

      // then the dossier is returned, the process has ended, and the slip lists every handover
      expect(returned.body).toMatchObject({ status: 'returned', statusLabel: 'Đã trả kết quả', allowedActions: [] });
      expect(
        returned.body.history.map((r: { from: { user: string }; to: { user: string }; result: string | null }) => [
          r.from.user,
          r.to.user,
          r.result,
        ]),
      ).toEqual([
        ['reception.tanloi', 'reception.tanloi', 'on_time'],
        ['reception.tanloi', 'specialist.tanloi', 'on_time'],
        ['specialist.tanloi', 'leader.tanloi', 'on_time'],
        // the desk's return closes the last handover, rated against the step's due time
        ['leader.tanloi', 'reception.tanloi', 'on_time'],
      ]);
      const instance = await users.admin.get(`/api/instances/${returned.body.instanceId}`).expect(200);
      expect(instance.body.status).toBe('completed');
      const [status] = await db.query(`SELECT status, status_label, current_step FROM dossier_status WHERE code = $1`, [
        code,
      ]);
      expect(status).toEqual({ status: 'returned', status_label: 'Đã trả kết quả', current_step: null });
    });

    it('construction permit: 15 working days, the urban management office steps land in its unit, other units get 404', async () => {
      // given a permit application at the city desk on Monday 16 June 2025
      clock.set(vn('2025-06-16'));
      const received = await users.reception
        .post('/api/dossiers', {
          procedureCode: '1.009974',
          applicant,
          channel: 'online',
          documents: ['don-de-nghi', 'gcn-qsdd', 'ban-ve'],
        })
        .expect(201);
      const code: string = received.body.code;
      // then the appointment is 15 working days later: Monday 7 July, 09:00
      expect(received.body.appointmentAt).toBe(vn('2025-07-07').toISOString());
      await users['specialist.tuphap'].get(`/api/dossiers/${code}`).expect(404);

      // when the steps are done, a working day each
      await doStep(code, 'Task_TiepNhan', 'reception', 60);
      const review = await doStep(code, 'Task_ThamDinh', 'specialist.qldt', 8 * 60);
      expect(review).toMatchObject({ unitCode: '000.04.20.H15', candidateGroups: ['specialist:construction'] });
      expect(review.dueAt).toBe(calendar(CITY).addWorkingTime(new Date(review.createdAt), 'P10D').toISOString());
      // the office that worked on it now sees the dossier
      await users['specialist.qldt'].get(`/api/dossiers/${code}`).expect(200);
      await doStep(code, 'Task_TruongPhongDuyet', 'head.qldt', 60);
      await doStep(code, 'Task_KyGiayPhep', 'leader', 60);
      await users.reception.post(`/api/dossiers/${code}/return`, {}).expect(200);

      // then
      const done = await users.reception.get(`/api/dossiers/${code}`).expect(200);
      expect(done.body.status).toBe('returned');
      expect(done.body.history.map((r: { to: { unitCode: string } }) => r.to.unitCode)).toEqual([
        CITY,
        '000.04.20.H15',
        '000.04.20.H15',
        CITY,
        CITY,
      ]);
      // each step finished on a day before its due day, the return of the permit included
      expect(done.body.history.map((r: { result: string | null }) => r.result)).toEqual([
        'early',
        'early',
        'early',
        'early',
        'early',
      ]);
    });

    it('first land-use certificate: 28 working days, the financial obligation step shows its status', async () => {
      // given a dossier on Monday 4 August 2025 (2 September is a holiday in the window)
      clock.set(vn('2025-08-04'));
      const received = await users.reception
        .post('/api/dossiers', {
          procedureCode: '1.004227',
          applicant,
          channel: 'direct',
          documents: ['don-dang-ky', 'giay-to-nguon-goc', 'to-khai-thue'],
        })
        .expect(201);
      const code: string = received.body.code;
      expect(received.body.appointmentAt).toBe(
        calendar(CITY).appointmentFor(vn('2025-08-04'), { days: 28 }).toISOString(),
      );

      // when
      await doStep(code, 'Task_TiepNhan', 'reception');
      await doStep(code, 'Task_KiemTraHoSo', 'specialist.vpdk');
      const tax = await users.reception.get(`/api/dossiers/${code}`).expect(200);
      expect(tax.body.status).toBe('financial_obligation');
      await doStep(code, 'Task_NghiaVuTaiChinh', 'specialist.vpdk');
      await doStep(code, 'Task_ThamDinhTNMT', 'specialist.tnmt');
      await doStep(code, 'Task_QuyHoach', 'specialist.qldt');
      await doStep(code, 'Task_KyGCN', 'leader');
      await users.reception.post(`/api/dossiers/${code}/return`, {}).expect(200);

      // then
      const done = await users.reception.get(`/api/dossiers/${code}`).expect(200);
      expect(done.body.status).toBe('returned');
      expect(done.body.history.map((r: { to: { unitCode: string } }) => r.to.unitCode)).toEqual([
        CITY,
        '000.06.20.H15',
        '000.06.20.H15',
        '000.03.20.H15',
        '000.04.20.H15',
        CITY,
        CITY,
      ]);
    });

    it('household business and certified copy reach returned', async () => {
      clock.set(vn('2025-06-24'));
      const hkd = (await users.reception.post('/api/dossiers', HOUSEHOLD).expect(201)).body.code;
      await doStep(hkd, 'Task_TiepNhan', 'reception');
      await doStep(hkd, 'Task_ThamDinh', 'specialist');
      await doStep(hkd, 'Task_PheDuyet', 'head', 30, { approved: true });
      await users.reception.post(`/api/dossiers/${hkd}/return`, {}).expect(200);
      const copy = (
        await users['reception.tanloi']
          .post('/api/dossiers', {
            procedureCode: '2.000815',
            applicant,
            channel: 'direct',
            documents: ['ban-chinh', { code: 'ban-sao', copies: 3 }],
          })
          .expect(201)
      ).body.code;
      await doStep(copy, 'Task_TiepNhan', 'reception.tanloi');
      await doStep(copy, 'Task_ChungThuc', 'specialist.tanloi');
      await users['reception.tanloi'].post(`/api/dossiers/${copy}/return`, {}).expect(200);
      expect((await users.reception.get(`/api/dossiers/${hkd}`).expect(200)).body.status).toBe('returned');
      expect((await users['reception.tanloi'].get(`/api/dossiers/${copy}`).expect(200)).body.status).toBe('returned');
    });
  });

  describe('one-stop actions', () => {
    it('moves the appointment by the three working days the supplement took', async () => {
      // given a 3-day dossier received Tuesday 1 July 2025 09:00, due Friday 4 July 09:00
      clock.set(vn('2025-07-01'));
      const { code, appointmentAt } = (await users.reception.post('/api/dossiers', HOUSEHOLD).expect(201)).body;
      expect(appointmentAt).toBe(vn('2025-07-04').toISOString());
      // when a supplement is asked at 10:00 and brought on Friday at 10:00 (three working days later)
      clock.set(vn('2025-07-01', '10:00'));
      const asked = await users.reception
        .post(`/api/dossiers/${code}/supplement-request`, {
          reason: 'Thiếu bản sao giấy tờ pháp lý',
          documents: ['giay-to-phap-ly'],
        })
        .expect(200);
      expect(asked.body).toMatchObject({
        status: 'supplement_required',
        allowedActions: ['supplement-received', 'refuse', 'withdraw', 'apology'],
      });
      const [projected] = await db.query(`SELECT status_label FROM dossier_status WHERE code = $1`, [code]);
      expect(projected.status_label).toBe('Chờ bổ sung hồ sơ');
      clock.set(vn('2025-07-04', '10:00'));
      const resumed = await users.reception.post(`/api/dossiers/${code}/supplement-received`, {}).expect(200);
      // then the appointment moves three working days: Wednesday 9 July 09:00
      expect(resumed.body).toMatchObject({
        status: 'received',
        appointmentAt: vn('2025-07-09').toISOString(),
        originalAppointmentAt: vn('2025-07-04').toISOString(),
      });
      expect(resumed.body.pauses).toEqual([
        {
          from: vn('2025-07-01', '10:00').toISOString(),
          to: vn('2025-07-04', '10:00').toISOString(),
          workingMs: 3 * 8 * HOUR,
        },
      ]);
    });

    it('refuses, withdraws and apologises on the running process', async () => {
      clock.set(vn('2025-07-08'));
      const refused = (await users.reception.post('/api/dossiers', HOUSEHOLD).expect(201)).body.code;
      const withdrawn = (await users.reception.post('/api/dossiers', HOUSEHOLD).expect(201)).body.code;
      const late = (await users.reception.post('/api/dossiers', HOUSEHOLD).expect(201)).body;
      // when
      const r1 = await users.reception
        .post(`/api/dossiers/${refused}/refuse`, { reason: 'Không thuộc thẩm quyền' })
        .expect(200);
      const r2 = await users.reception
        .post(`/api/dossiers/${withdrawn}/withdraw`, { reason: 'Công dân xin rút' })
        .expect(200);
      const r3 = await users.leader
        .post(`/api/dossiers/${late.code}/apology`, {
          reason: 'Cần xác minh thêm',
          newAppointmentAt: vn('2025-07-15').toISOString(),
        })
        .expect(200);
      // then
      expect(r1.body.status).toBe('rejected');
      expect(r2.body.status).toBe('withdrawn');
      expect(r3.body).toMatchObject({ status: 'received', appointmentAt: vn('2025-07-15').toISOString() });
      for (const body of [r1.body, r2.body]) {
        const instance = await users.admin.get(`/api/instances/${body.instanceId}`).expect(200);
        expect(instance.body.status).toBe('terminated');
      }
      expect(r3.body.events.map((e: { type: string }) => e.type)).toEqual(['received', 'apology']);
    });

    it('answers bad input with a stable code and changes nothing', async () => {
      clock.set(vn('2025-07-10'));
      const code = (await users.reception.post('/api/dossiers', HOUSEHOLD).expect(201)).body.code;
      const before = {
        dossiers: await count('dossiers'),
        counters: await count('dossier_counters'),
        instances: await count('process_instances'),
        events: await count('dossier_events'),
      };
      const [counter] = await db.query(`SELECT n FROM dossier_counters WHERE unit_code = $1 AND day = '2025-07-10'`, [
        CITY,
      ]);

      const cases: [Api, string, object, number, string][] = [
        [users.reception, '/api/dossiers', { ...HOUSEHOLD, procedureCode: '9.999999' }, 404, 'PROCEDURE_NOT_FOUND'],
        [
          users.reception,
          '/api/dossiers',
          { ...HOUSEHOLD, applicant: { ...applicant, idNumber: '12345678' } },
          400,
          'APPLICANT_INVALID',
        ],
        [
          users.reception,
          '/api/dossiers',
          { ...HOUSEHOLD, applicant: { ...applicant, phone: '0123456789' } },
          400,
          'APPLICANT_INVALID',
        ],
        [users.reception, '/api/dossiers', { ...HOUSEHOLD, documents: ['giay-de-nghi'] }, 400, 'DOCUMENT_MISSING'],
        [
          users.reception,
          '/api/dossiers',
          { ...HOUSEHOLD, procedureCode: '2.000815', channel: 'online', documents: ['ban-chinh', 'ban-sao'] },
          400,
          'CHANNEL_NOT_ALLOWED',
        ],
        [users.specialist, '/api/dossiers', HOUSEHOLD, 403, 'FORBIDDEN_ROLE'],
        [users.reception, `/api/dossiers/${code}/return`, {}, 409, 'DOSSIER_ACTION_NOT_ALLOWED'],
        [users.reception, `/api/dossiers/${code}/supplement-received`, {}, 409, 'DOSSIER_ACTION_NOT_ALLOWED'],
        [
          users.reception,
          `/api/dossiers/${code}/apology`,
          { reason: 'x', newAppointmentAt: vn('2025-08-01').toISOString() },
          403,
          'FORBIDDEN_ROLE',
        ],
        [
          users.leader,
          `/api/dossiers/${code}/apology`,
          { reason: 'x', newAppointmentAt: vn('2025-07-01').toISOString() },
          400,
          'APPOINTMENT_INVALID',
        ],
        [users['reception.tanloi'], `/api/dossiers/${code}/refuse`, { reason: 'x' }, 404, 'DOSSIER_NOT_FOUND'],
      ];
      for (const [api, path, body, status, errorCode] of cases) {
        const res = await api.post(path, body);
        expect([path, res.status, res.body.code]).toEqual([path, status, errorCode]);
      }
      await users['reception.tanloi'].get(`/api/dossiers/${code}`).expect(404);
      const missing = await users.reception
        .post('/api/dossiers', { ...HOUSEHOLD, documents: ['giay-de-nghi'] })
        .expect(400);
      expect(missing.body.details).toEqual({
        documentCode: 'giay-to-phap-ly',
        name: 'Bản sao giấy tờ pháp lý của cá nhân chủ hộ',
      });

      // then nothing changed
      expect({
        dossiers: await count('dossiers'),
        counters: await count('dossier_counters'),
        instances: await count('process_instances'),
        events: await count('dossier_events'),
      }).toEqual(before);
      expect(
        (await db.query(`SELECT n FROM dossier_counters WHERE unit_code = $1 AND day = '2025-07-10'`, [CITY]))[0],
      ).toEqual(counter);
      expect((await users.reception.get(`/api/dossiers/${code}`).expect(200)).body.status).toBe('received');
    });

    it('refuses a supplement request on a returned dossier', async () => {
      const [returned] = await db.query(
        `SELECT code FROM dossiers WHERE status = 'returned' AND unit_code = $1 LIMIT 1`,
        [CITY],
      );
      const res = await users.reception
        .post(`/api/dossiers/${returned.code}/supplement-request`, { reason: 'x' })
        .expect(409);
      expect(res.body.code).toBe('DOSSIER_ACTION_NOT_ALLOWED');
    });
  });

  describe('catalog and lists', () => {
    it('serves the public catalog, its forms, and the staff list', async () => {
      // (other suites publish procedures of their own in the same database: the five seeded ones are there, whatever else is)
      const all = (await fetch(`${server.url}/api/procedures?limit=200`).then((r) => r.json())) as {
        total: number;
        items: { code: string }[];
      };
      expect(all.items.map((p) => p.code)).toEqual(
        expect.arrayContaining(['1.001193', '2.000815', '1.001612', '1.009974', '1.004227']),
      );
      expect(all.total).toBe(all.items.length);
      const land = (await fetch(`${server.url}/api/procedures?field=${encodeURIComponent('Đất đai')}`).then((r) =>
        r.json(),
      )) as { items: { code: string }[] };
      expect(land.items.map((p: { code: string }) => p.code)).toEqual(['1.004227']);
      const birth = (await fetch(`${server.url}/api/procedures/1.001193`).then((r) => r.json())) as Record<
        string,
        unknown
      >;
      expect(birth).toMatchObject({
        code: '1.001193',
        legalTime: { sameDay: true },
        fee: 0,
        processKey: 'dang-ky-khai-sinh',
      });
      const missing = await fetch(`${server.url}/api/procedures/0.000000`);
      expect([missing.status, ((await missing.json()) as { code: string }).code]).toEqual([404, 'PROCEDURE_NOT_FOUND']);
      const form = await fetch(`${server.url}/api/procedures/1.001193/forms/to-khai-dang-ky-khai-sinh.html`);
      expect(form.status).toBe(200);
      expect(await form.text()).toContain('Tờ khai đăng ký khai sinh');
      expect((await fetch(`${server.url}/api/procedures/1.001193/forms/..%2Fcatalog.json`)).status).toBe(404);

      const list = await users['reception.tanloi'].get('/api/dossiers?status=returned').expect(200);
      // (other suites also return dossiers at Tân Lợi: at least this suite's two)
      expect(list.body.total).toBeGreaterThanOrEqual(2);
      expect(list.body.items.every((d: { unitCode: string }) => d.unitCode === TANLOI)).toBe(true);
      expect(list.body.items[0]).not.toHaveProperty('lookupKey');
    });
  });
});

import request from 'supertest';
import { DataSource } from 'typeorm';
import { vietnamYear } from '../../libs/calendar/src';
import { WorkingCalendarService } from '../../libs/worktime/src';
import { startTestServer, type TestServer } from '../support/test-app';

const CITY = '000.00.20.H15';
const JUSTICE_OFFICE = '000.02.20.H15';
/** Tết 2027 by the defaults: Thu 4/2 – Wed 10/2 off. */
const EXTRA_TET_DAY = { date: '2027-02-11', name: 'Nghỉ thêm dịp Tết' };
const SWAPPED_SATURDAY = { date: '2027-02-20', name: 'Làm bù ngày 11/02' };

/** Feature: the admin-maintained working calendar (DESIGN §4) over HTTP, on the real stack. */
describe('calendar (e2e)', () => {
  const password = process.env.DEMO_PASSWORD ?? 'motcua-demo';
  let server: TestServer;
  let adminToken: string;
  let receptionToken: string;

  const tokenOf = async (username: string) =>
    (await request(server.url).post('/api/auth/login').send({ username, password }).expect(200)).body
      .accessToken as string;
  const as = (token: string) => ({
    get: (path: string) => request(server.url).get(path).set('Authorization', `Bearer ${token}`),
    put: (path: string, body: object) =>
      request(server.url).put(path).set('Authorization', `Bearer ${token}`).send(body),
    delete: (path: string) => request(server.url).delete(path).set('Authorization', `Bearer ${token}`),
  });
  const admin = () => as(adminToken);
  const holidays2027 = async () => (await admin().get('/api/calendar/holidays?year=2027').expect(200)).body;
  const dueAt = async (from: string, duration: string, unit?: string) => {
    const query = new URLSearchParams({ from, duration, ...(unit ? { unit } : {}) });
    return (await admin().get(`/api/calendar/preview?${query}`).expect(200)).body.dueAt as string;
  };

  beforeAll(async () => {
    // Short, so the "another process edited it" scenario does not wait 30 s.
    process.env.CALENDAR_REFRESH_MS = '1000';
    server = await startTestServer({ runWorkers: false });
    adminToken = await tokenOf('admin');
    receptionToken = await tokenOf('reception');
  });
  afterAll(async () => {
    if (!server) return;
    // Leave the shared test database as the next suite expects it.
    await admin().delete('/api/calendar/holidays?year=2027');
    await admin().delete(`/api/calendar/office-hours?unit=${JUSTICE_OFFICE}`);
    await admin().delete('/api/calendar/office-hours');
    await server.close();
    delete process.env.CALENDAR_REFRESH_MS;
  });

  describe('GET /api/calendar/holidays', () => {
    it('gives any staff the computed defaults of a year nobody edited, Tết included', async () => {
      // when
      const res = await as(receptionToken).get('/api/calendar/holidays?year=2027').expect(200);
      // then
      expect(res.body).toMatchObject({ year: 2027, source: 'default', workingDays: [], updatedBy: null });
      const dates = (res.body.holidays as { date: string; name: string }[]).map((day) => day.date);
      expect(dates).toEqual(
        expect.arrayContaining([
          '2027-01-01',
          '2027-02-05',
          '2027-02-06',
          '2027-02-08',
          '2027-04-30',
          '2027-05-01',
          '2027-09-02',
        ]),
      );
      expect(res.body.holidays).toContainEqual({ date: '2027-02-06', name: expect.stringContaining('Tết Nguyên Đán') });
    });

    it('defaults to the current year in Vietnam', async () => {
      const res = await admin().get('/api/calendar/holidays').expect(200);
      const thisYear = vietnamYear(Date.now());
      expect(res.body.year).toBe(thisYear);
    });

    it.each(['abc', '1800', '2027.5', '20270'])('refuses year=%s (400 CALENDAR_INVALID_YEAR)', async (year) => {
      const res = await admin().get(`/api/calendar/holidays?year=${year}`).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'CALENDAR_INVALID_YEAR' });
    });

    it('needs a signed-in user (401)', async () => {
      await request(server.url).get('/api/calendar/holidays?year=2027').expect(401);
    });
  });

  describe('PUT /api/calendar/holidays', () => {
    afterEach(() => admin().delete('/api/calendar/holidays?year=2027').expect(200));

    it('saves an extra day off and a swapped working Saturday, which GET, preview and the sync API then use', async () => {
      // given: by the defaults, 11/02 is the first working day after Tết and 20/02 a Saturday
      expect(await dueAt('2027-02-10T09:00:00+07:00', 'P1D')).toBe('2027-02-11T10:00:00.000Z');
      expect(await dueAt('2027-02-19T09:00:00+07:00', 'P1D')).toBe('2027-02-22T02:00:00.000Z');
      const defaults = await holidays2027();

      // when
      const res = await admin()
        .put('/api/calendar/holidays?year=2027', {
          holidays: [...defaults.holidays, EXTRA_TET_DAY],
          workingDays: [SWAPPED_SATURDAY],
        })
        .expect(200);

      // then
      expect(res.body).toMatchObject({
        year: 2027,
        source: 'custom',
        updatedBy: 'admin',
        workingDays: [SWAPPED_SATURDAY],
      });
      const stored = await holidays2027();
      expect(stored.source).toBe('custom');
      expect(stored.holidays).toContainEqual(EXTRA_TET_DAY);
      expect(stored.workingDays).toEqual([SWAPPED_SATURDAY]);
      // 11/02 is off: counting starts Friday 12/02, a full day ends at its closing.
      expect(await dueAt('2027-02-10T09:00:00+07:00', 'P1D')).toBe('2027-02-12T10:00:00.000Z');
      // Saturday 20/02 is worked: Friday 09:00 + 1 day = Saturday 09:00.
      expect(await dueAt('2027-02-19T09:00:00+07:00', 'P1D')).toBe('2027-02-20T02:00:00.000Z');
      const calendars = server.app.get(WorkingCalendarService);
      expect(calendars.add(new Date('2027-02-19T09:00:00+07:00'), 'P1D', CITY).toISOString()).toBe(
        '2027-02-20T02:00:00.000Z',
      );
      expect(calendars.add(new Date('2027-02-19T09:00:00+07:00'), '2d').toISOString()).toBe('2027-02-22T02:00:00.000Z');
    });

    it('records who changed the table in the audit trail', async () => {
      // when
      await admin()
        .put('/api/calendar/holidays?year=2027', { holidays: [EXTRA_TET_DAY], workingDays: [] })
        .expect(200);
      // then
      const audit = await admin().get('/api/admin/audit?subject=2027&action=calendar.holidays.updated').expect(200);
      expect(audit.body.items[0]).toMatchObject({
        actor: 'admin',
        action: 'calendar.holidays.updated',
        subject: '2027',
      });
    });

    it('refuses impossible, out-of-year and duplicate dates with one detail each, and saves nothing (400 CALENDAR_INVALID_HOLIDAYS)', async () => {
      // when
      const res = await admin()
        .put('/api/calendar/holidays?year=2027', {
          holidays: [
            { date: '2027-02-30', name: 'Không có ngày này' },
            { date: '2028-01-01', name: 'Năm sau' },
            { date: '2027-02-11', name: 'Lần một' },
            { date: '2027-02-11', name: 'Lần hai' },
          ],
          workingDays: [{ date: '2027-02-17', name: 'Thứ Tư không phải ngày làm bù' }],
        })
        .expect(400);

      // then
      expect(res.body).toMatchObject({ statusCode: 400, code: 'CALENDAR_INVALID_HOLIDAYS' });
      const details = res.body.details as string[];
      expect(details).toEqual(
        expect.arrayContaining([
          expect.stringContaining('2027-02-30'),
          expect.stringContaining('2028-01-01 is not in 2027'),
          expect.stringContaining('appears twice'),
          expect.stringContaining('2027-02-17 is a weekday'),
        ]),
      );
      expect(await holidays2027()).toMatchObject({ source: 'default' });
    });

    it('refuses a body without a holidays list (400 CALENDAR_INVALID_HOLIDAYS)', async () => {
      const res = await admin().put('/api/calendar/holidays?year=2027', { workingDays: [] }).expect(400);
      expect(res.body.code).toBe('CALENDAR_INVALID_HOLIDAYS');
    });

    it('is for administrators only (403)', async () => {
      // when
      const res = await as(receptionToken)
        .put('/api/calendar/holidays?year=2027', { holidays: [EXTRA_TET_DAY] })
        .expect(403);
      // then
      expect(res.body.code).toBe('FORBIDDEN_ROLE');
      expect(await holidays2027()).toMatchObject({ source: 'default' });
    });
  });

  describe('DELETE /api/calendar/holidays', () => {
    it('brings the year back to its defaults', async () => {
      // given
      await admin()
        .put('/api/calendar/holidays?year=2027', { holidays: [EXTRA_TET_DAY] })
        .expect(200);
      // when
      const res = await admin().delete('/api/calendar/holidays?year=2027').expect(200);
      // then
      expect(res.body).toMatchObject({ source: 'default' });
      expect(await holidays2027()).toMatchObject({ source: 'default' });
      expect(await dueAt('2027-02-10T09:00:00+07:00', 'P1D')).toBe('2027-02-11T10:00:00.000Z');
    });

    it('is for administrators only (403)', async () => {
      await as(receptionToken).delete('/api/calendar/holidays?year=2027').expect(403);
    });
  });

  describe('a change made by another process', () => {
    it('reaches this process within CALENDAR_REFRESH_MS', async () => {
      // given: another server writes the table (simulated straight in the database)
      const calendars = server.app.get(WorkingCalendarService);
      const friday = new Date('2027-02-19T09:00:00+07:00');
      await calendars.forUnit();
      await server.app
        .get(DataSource)
        .query(
          `INSERT INTO holiday_tables (year, holidays, working_days, updated_by) VALUES (2027, '[]', $1::jsonb, 'elsewhere')`,
          [JSON.stringify([SWAPPED_SATURDAY])],
        );
      try {
        // when
        await new Promise((resolve) => setTimeout(resolve, 1_200));
        // then
        expect((await calendars.forUnit()).addWorkingTime(friday, 'P1D').toISOString()).toBe(
          '2027-02-20T02:00:00.000Z',
        );
      } finally {
        await admin().delete('/api/calendar/holidays?year=2027').expect(200);
      }
    });
  });

  describe('office hours', () => {
    it('are 07:00–11:30 and 13:30–17:00 by default, for the province and for a unit without its own', async () => {
      // when
      const province = await as(receptionToken).get('/api/calendar/office-hours').expect(200);
      const unit = await as(receptionToken).get(`/api/calendar/office-hours?unit=${CITY}`).expect(200);
      // then
      const sessions = [
        { start: '07:00', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ];
      expect(province.body).toEqual({ unitCode: null, sessions, source: 'default', workingDayMinutes: 480 });
      expect(unit.body).toEqual({ unitCode: CITY, sessions, source: 'default', workingDayMinutes: 480 });
    });

    it("of a unit are saved, read back, and used by that unit's deadlines only", async () => {
      // given
      const sessions = [
        { start: '13:00', end: '17:00' },
        { start: '07:30', end: '11:30' },
      ];
      // when
      const res = await admin().put(`/api/calendar/office-hours?unit=${JUSTICE_OFFICE}`, { sessions }).expect(200);
      // then
      const sorted = [
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '17:00' },
      ];
      expect(res.body).toEqual({ unitCode: JUSTICE_OFFICE, sessions: sorted, source: 'unit', workingDayMinutes: 480 });
      expect((await admin().get(`/api/calendar/office-hours?unit=${JUSTICE_OFFICE}`).expect(200)).body.source).toBe(
        'unit',
      );
      // Monday 07:00 + 4 h: the office opens at 07:30, so 11:30; the city still opens at 07:00.
      expect(await dueAt('2027-03-01T07:00:00+07:00', 'PT4H', JUSTICE_OFFICE)).toBe('2027-03-01T04:30:00.000Z');
      expect(await dueAt('2027-03-01T07:00:00+07:00', 'PT4H', CITY)).toBe('2027-03-01T04:00:00.000Z');
      expect(
        server.app
          .get(WorkingCalendarService)
          .add(new Date('2027-03-01T07:00:00+07:00'), 'PT4H', JUSTICE_OFFICE)
          .toISOString(),
      ).toBe('2027-03-01T04:30:00.000Z');
      // and back to the province default
      const reset = await admin().delete(`/api/calendar/office-hours?unit=${JUSTICE_OFFICE}`).expect(200);
      expect(reset.body).toMatchObject({
        source: 'default',
        sessions: [
          { start: '07:00', end: '11:30' },
          { start: '13:30', end: '17:00' },
        ],
      });
    });

    it('of the province apply to every unit without its own', async () => {
      // when
      await admin()
        .put('/api/calendar/office-hours', {
          sessions: [
            { start: '07:30', end: '11:30' },
            { start: '13:30', end: '17:30' },
          ],
        })
        .expect(200);
      // then
      expect((await admin().get(`/api/calendar/office-hours?unit=${CITY}`).expect(200)).body).toMatchObject({
        source: 'default',
        sessions: [
          { start: '07:30', end: '11:30' },
          { start: '13:30', end: '17:30' },
        ],
      });
      expect(await dueAt('2027-03-01T07:00:00+07:00', 'PT4H', CITY)).toBe('2027-03-01T04:30:00.000Z');
      await admin().delete('/api/calendar/office-hours').expect(200);
      expect(await dueAt('2027-03-01T07:00:00+07:00', 'PT4H', CITY)).toBe('2027-03-01T04:00:00.000Z');
    });

    it.each([
      [
        'overlapping sessions',
        [
          { start: '07:00', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
      ],
      ['a session that ends before it starts', [{ start: '17:00', end: '13:30' }]],
      ['a malformed time', [{ start: '7h', end: '11:30' }]],
      ['no session', []],
      ['no list at all', undefined],
    ])('refuses %s (400 CALENDAR_INVALID_HOURS) and keeps the old ones', async (_, sessions) => {
      // when
      const res = await admin().put(`/api/calendar/office-hours?unit=${JUSTICE_OFFICE}`, { sessions }).expect(400);
      // then
      expect(res.body).toMatchObject({
        statusCode: 400,
        code: 'CALENDAR_INVALID_HOURS',
        details: [expect.any(String)],
      });
      expect((await admin().get(`/api/calendar/office-hours?unit=${JUSTICE_OFFICE}`).expect(200)).body.source).toBe(
        'default',
      );
    });

    it('answer 404 UNIT_NOT_FOUND for an unknown unit', async () => {
      const get = await admin().get('/api/calendar/office-hours?unit=999.99.99.H99').expect(404);
      const put = await admin()
        .put('/api/calendar/office-hours?unit=999.99.99.H99', { sessions: [{ start: '07:00', end: '11:00' }] })
        .expect(404);
      expect([get.body.code, put.body.code]).toEqual(['UNIT_NOT_FOUND', 'UNIT_NOT_FOUND']);
    });

    it('are changed by administrators only (403)', async () => {
      await as(receptionToken)
        .put('/api/calendar/office-hours', { sessions: [{ start: '08:00', end: '12:00' }] })
        .expect(403);
    });
  });

  describe('GET /api/calendar/preview', () => {
    it('starts counting at the next opening and gives the time counting started', async () => {
      // when: received Saturday evening
      const res = await as(receptionToken)
        .get('/api/calendar/preview?from=2027-03-06T19:00:00%2B07:00&duration=PT2H')
        .expect(200);
      // then
      expect(res.body).toEqual({
        from: '2027-03-06T12:00:00.000Z',
        countingStartsAt: '2027-03-08T00:00:00.000Z',
        dueAt: '2027-03-08T02:00:00.000Z',
        duration: 'PT2H',
        sameDay: false,
        unitCode: null,
      });
    });

    it('reads a time without an offset as Vietnam time, and answers same-day procedures', async () => {
      // when: received Monday 15:30, after the 15:00 cut-off
      const res = await admin().get('/api/calendar/preview?from=2027-03-01T15:30&sameDay=true').expect(200);
      // then: returned at closing of the next working day
      expect(res.body).toMatchObject({
        from: '2027-03-01T08:30:00.000Z',
        dueAt: '2027-03-02T10:00:00.000Z',
        sameDay: true,
        duration: null,
      });
    });

    it("reads the modeler's short forms as the engine does", async () => {
      const res = await admin().get('/api/calendar/preview?from=2027-03-01T09:00&duration=1d4h').expect(200);
      // Monday 09:00 + 1 day = Tuesday 09:00; + 4 h = 2.5 h before lunch, 1.5 h after: 15:00.
      expect(res.body).toMatchObject({ duration: 'P1DT4H', dueAt: '2027-03-02T08:00:00.000Z' });
    });

    it.each([
      ['a date that does not exist', 'from=2027-02-30T09:00&duration=P1D', 'CALENDAR_INVALID_DATE'],
      ['a duration in months', 'from=2027-03-01T09:00&duration=P1M', 'CALENDAR_INVALID_DURATION'],
      // Working time has no weeks, as the engine refuses mc:duration="P1W" at deploy (libs/calendar README).
      ['a duration in weeks', 'from=2027-03-01T09:00&duration=P1W', 'CALENDAR_INVALID_DURATION'],
      ['neither duration nor sameDay', 'from=2027-03-01T09:00', 'CALENDAR_INVALID_DURATION'],
    ])('refuses %s (400)', async (_, query, code) => {
      const res = await admin().get(`/api/calendar/preview?${query}`).expect(400);
      expect(res.body.code).toBe(code);
    });
  });
});

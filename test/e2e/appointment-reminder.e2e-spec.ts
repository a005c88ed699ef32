import { DataSource } from 'typeorm';
import { JobRunner } from '../../libs/workflow/src';
import type { TestServer } from '../support/test-app';
import { FakeClock, startServerWithClock } from './dossiers.support';
import { openTask, signIn, type Api } from './workflow.helpers';

jest.setTimeout(120_000);

/** A time in Vietnam (UTC+7) on a day given as YYYY-MM-DD. */
const vn = (day: string, hhmm = '09:00') => new Date(`${day}T${hhmm}:00+07:00`);
const applicant = {
  fullName: 'Lê Thị Bích Ngọc',
  idNumber: '066190005566',
  phone: '0935123456',
  address: 'Xã Hòa Thắng, Buôn Ma Thuột',
};
/** Household business: 3 working days at the city desk. */
const HOUSEHOLD = {
  procedureCode: '1.001612',
  applicant,
  channel: 'direct',
  documents: ['giay-de-nghi', 'giay-to-phap-ly'],
};

interface ReminderJob {
  id: string;
  status: string;
  dueAt: Date;
  payload: { code: string; appointmentAt: string };
}
type NotificationJson = { kind: string; title: string; body: string; businessKey: string };

/** Feature: one working day before the appointment, the leader of the receiving unit is asked for an apology and a new date. */
describe('appointment reminder (HTTP, injected clock, jobs run by hand)', () => {
  const clock = new FakeClock(vn('2025-11-03'));
  let server: TestServer;
  let db: DataSource;
  let jobs: JobRunner;
  let users: Record<string, Api>;

  beforeAll(async () => {
    server = await startServerWithClock(clock);
    db = server.app.get(DataSource);
    jobs = server.app.get(JobRunner);
    const names = ['admin', 'reception', 'specialist', 'head', 'leader', 'reception.tanloi'];
    users = Object.fromEntries(
      await Promise.all(names.map(async (name) => [name, await signIn(server, name)] as const)),
    );
  });
  afterAll(() => server?.close());

  const receive = async () =>
    (await users.reception.post('/api/dossiers', HOUSEHOLD).expect(201)).body as {
      code: string;
      appointmentAt: string;
    };

  /** The dossier's reminder jobs, oldest first. */
  const remindersOf = (code: string): Promise<ReminderJob[]> =>
    db.query(
      `SELECT j.id, j.status, j.due_at AS "dueAt", j.payload FROM jobs j JOIN dossiers d ON d.instance_id = j.instance_id
       WHERE d.code = $1 AND j.kind = 'appointment.reminder' ORDER BY j.created_at, j.due_at`,
      [code],
    );

  /** This dossier's notifications of `api`'s user (other suites notify the same demo users). */
  const notificationsOf = async (api: Api, code: string) => {
    const found: NotificationJson[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = (await api.get(`/api/notifications?limit=200&offset=${offset}`).expect(200)).body;
      found.push(...(page.items as NotificationJson[]).filter((n) => n.businessKey === code));
      if (offset + 200 >= page.total) return found;
    }
  };

  async function doStep(code: string, elementId: string, username: string, variables: Record<string, unknown> = {}) {
    const [{ instance_id: instanceId }] = await db.query(`SELECT instance_id FROM dossiers WHERE code = $1`, [code]);
    const task = await openTask(users.admin, instanceId, elementId);
    clock.advance(30 * 60_000);
    await users[username].post(`/api/tasks/${task.id}/claim`).expect(200);
    await users[username].post(`/api/tasks/${task.id}/complete`, { variables }).expect(200);
  }

  it('is planned with the reception and asks the leader once, one working day before the appointment', async () => {
    // given a dossier received Monday 3 November 2025 09:00, due Thursday 6 November 09:00
    clock.set(vn('2025-11-03'));
    const { code, appointmentAt } = await receive();
    expect(appointmentAt).toBe(vn('2025-11-06').toISOString());
    // then its reminder is pending for Wednesday 09:00
    const [reminder, ...others] = await remindersOf(code);
    expect(others).toEqual([]);
    expect(reminder).toMatchObject({ status: 'pending', dueAt: vn('2025-11-05'), payload: { code, appointmentAt } });

    // when it falls due and two deliveries race for it, then a third comes late
    clock.set(vn('2025-11-05'));
    const outcomes = await Promise.all([jobs.run(reminder.id), jobs.run(reminder.id)]);
    const late = await jobs.run(reminder.id);

    // then it ran once, and only the leader of the receiving unit was asked, once
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['done', 'skipped']);
    expect(late).toEqual({ kind: 'skipped' });
    expect(await notificationsOf(users.leader, code)).toEqual([
      expect.objectContaining({
        kind: 'appointment.reminder',
        title: `Sắp đến hạn trả kết quả: ${code}`,
        body: expect.stringContaining('hẹn trả kết quả lúc 09:00 ngày 06/11/2025 nhưng chưa giải quyết xong'),
      }),
    ]);
    expect(await notificationsOf(users.head, code)).toEqual([]);
    expect(await notificationsOf(users.reception, code)).toEqual([]);
  });

  it('is planned again when the appointment moves: paused by a supplement request, then after the supplement and the apology', async () => {
    // given a dossier due Friday 7 November 09:00
    clock.set(vn('2025-11-04'));
    const { code } = await receive();
    const [first] = await remindersOf(code);

    // when a supplement is asked: the clock stops, so does the reminder
    clock.set(vn('2025-11-04', '10:00'));
    await users.reception
      .post(`/api/dossiers/${code}/supplement-request`, { reason: 'Thiếu giấy tờ', documents: ['giay-to-phap-ly'] })
      .expect(200);
    expect(await remindersOf(code)).toEqual([expect.objectContaining({ id: first.id, status: 'cancelled' })]);

    // when the supplement comes two working days later, the appointment moves to Tuesday 11 November 09:00
    clock.set(vn('2025-11-06', '10:00'));
    const resumed = (await users.reception.post(`/api/dossiers/${code}/supplement-received`, {}).expect(200)).body;
    expect(resumed.appointmentAt).toBe(vn('2025-11-11').toISOString());
    const [, second] = await remindersOf(code);
    expect(second).toMatchObject({
      status: 'pending',
      dueAt: vn('2025-11-10'),
      payload: { code, appointmentAt: vn('2025-11-11').toISOString() },
    });

    // when the leader sets a new date of Monday 17 November 15:00 with an apology
    clock.set(vn('2025-11-07'));
    await users.leader
      .post(`/api/dossiers/${code}/apology`, {
        reason: 'Cần xác minh thêm',
        newAppointmentAt: vn('2025-11-17', '15:00').toISOString(),
      })
      .expect(200);
    const [, cancelled, third] = await remindersOf(code);
    expect(cancelled).toMatchObject({ id: second.id, status: 'cancelled' });
    expect(third).toMatchObject({ status: 'pending', dueAt: vn('2025-11-14', '15:00') });

    // then the superseded jobs, delivered anyway, ask nobody; the current one asks about the new date
    expect(await jobs.run(first.id)).toEqual({ kind: 'skipped' });
    expect(await jobs.run(second.id)).toEqual({ kind: 'skipped' });
    clock.set(vn('2025-11-14', '15:00'));
    expect(await jobs.run(third.id)).toEqual({ kind: 'done' });
    const asked = await notificationsOf(users.leader, code);
    expect(asked).toEqual([expect.objectContaining({ body: expect.stringContaining('15:00 ngày 17/11/2025') })]);
  });

  it('asks nobody about a dossier that is resolved, and is dropped when the desk closes it', async () => {
    clock.set(vn('2025-11-10'));
    const ready = await receive();
    const refused = await receive();
    const withdrawn = await receive();
    const returned = await receive();

    // when one result becomes ready in the inbox and the desk closes the others
    for (const d of [ready, returned]) {
      await doStep(d.code, 'Task_TiepNhan', 'reception');
      await doStep(d.code, 'Task_ThamDinh', 'specialist');
      await doStep(d.code, 'Task_PheDuyet', 'head', { approved: true });
    }
    await users.reception
      .post(`/api/dossiers/${refused.code}/refuse`, { reason: 'Không thuộc thẩm quyền' })
      .expect(200);
    await users.reception.post(`/api/dossiers/${withdrawn.code}/withdraw`, { reason: 'Công dân xin rút' }).expect(200);
    await users.reception.post(`/api/dossiers/${returned.code}/return`, {}).expect(200);

    // then the closed ones have no pending reminder
    for (const d of [refused, withdrawn, returned])
      expect((await remindersOf(d.code)).map((j) => j.status)).toEqual(['cancelled']);
    // and the ready one's reminder, when it runs, asks nobody
    const [pending] = await remindersOf(ready.code);
    expect(pending.status).toBe('pending');
    clock.set(pending.dueAt);
    expect(await jobs.run(pending.id)).toEqual({ kind: 'done' });
    for (const d of [ready, refused, withdrawn, returned])
      expect(await notificationsOf(users.leader, d.code)).toEqual([]);
  });

  it('plans nothing for a same-day procedure: there is no working day before its appointment', async () => {
    clock.set(vn('2025-11-11'));
    const birth = await users['reception.tanloi']
      .post('/api/dossiers', {
        procedureCode: '1.001193',
        applicant,
        channel: 'direct',
        documents: ['to-khai', 'giay-chung-sinh'],
      })
      .expect(201);
    expect(await remindersOf(birth.body.code)).toEqual([]);
  });
});

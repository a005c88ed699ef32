import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { completionVariables, readTaskForm } from '../../apps/web/src/pages/inbox/task-form';
import { vietnamDateTime } from '../../libs/dossiers/src/forms/vietnam-time.format';
import { WorkingCalendarService } from '../../libs/worktime/src';
import type { TestServer } from '../support/test-app';
import { FakeClock, startServerWithClock } from './dossiers.support';
import { getPdf, keepForm } from './forms.support';
import { CITY, fixture, signIn, type Api } from './workflow.helpers';

jest.setTimeout(120_000);

/** An instant in Vietnam (UTC+7). */
const vn = (day: string, hhmm = '09:00') => new Date(`${day}T${hhmm}:00+07:00`);
const HOUR = 3_600_000;

const applicant = { fullName: 'Hoàng Văn Thạch', idNumber: '066190004455', phone: '0987654321' };
/** A construction permit with the three listed documents; the appraisal will find the drawings incomplete. */
const PERMIT = {
  procedureCode: '1.009974',
  applicant,
  channel: 'direct',
  documents: ['don-de-nghi', 'gcn-qsdd', 'ban-ve'],
};

/** The text of a PDF as `pdftotext` (poppler) reads it, white space runs as one space. */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-deskact-'));
  writeFileSync(join(dir, 'form.pdf'), pdf);
  return execFileSync('pdftotext', [join(dir, 'form.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

interface TaskJson {
  id: string;
  elementId: string;
  status: string;
  form: unknown;
  deskAction: string | null;
  completedBy: string | null;
}

/**
 * Feature: desk actions drawn in the diagram (`mc:action`, ADR 0012). A supplement or apology step
 * is completed by the same desk action as the dossier page's button, never from the inbox.
 */
describe('desk actions from the diagram (HTTP, injected clock)', () => {
  // Tuesday 12 August 2025: a day no other suite receives on.
  const clock = new FakeClock(vn('2025-08-12'));
  let server: TestServer & { app: import('@nestjs/common').INestApplication };
  let db: DataSource;
  const users: Record<string, Api> = {};

  beforeAll(async () => {
    server = await startServerWithClock(clock);
    db = server.app.get(DataSource);
    for (const name of ['admin', 'reception', 'leader', 'specialist', 'specialist.qldt', 'specialist.vpdk'])
      users[name] = await signIn(server, name);
  });
  /** The dossiers this suite received: withdrawn at the end, so later suites' reports do not carry them over as open. */
  const opened: string[] = [];
  afterAll(async () => {
    if (!server) return;
    clock.set(vn('2025-08-29'));
    for (const code of opened)
      await users.reception.post(`/api/dossiers/${code}/withdraw`, { reason: 'Dọn dữ liệu kiểm thử' });
    await server.close();
  });

  const calendar = () => server.app.get(WorkingCalendarService).calendarSync(CITY);
  const outbox = (code: string) =>
    db.query(`SELECT kind, appointment_at FROM sms_outbox WHERE code = $1 ORDER BY id`, [code]);

  async function inboxStep(username: string, code: string, elementId: string): Promise<TaskJson> {
    const res = await users[username].get(`/api/tasks?q=${encodeURIComponent(code)}&limit=100`).expect(200);
    const task = (res.body.items as TaskJson[]).find((t) => t.elementId === elementId && t.status === 'open');
    if (!task) throw new Error(`${username} has no open ${elementId} for ${code}`);
    return task;
  }

  /** Completes the step as the inbox does, with the outcome drawn in its form. */
  async function complete(username: string, code: string, elementId: string, outcome?: string, note?: string) {
    clock.advance(30 * 60_000);
    const task = await inboxStep(username, code, elementId);
    const form = readTaskForm(task.form);
    const variables = completionVariables(form, outcome ? form.outcomes.find((o) => o.key === outcome) : undefined, {});
    await users[username].post(`/api/tasks/${task.id}/claim`).expect(200);
    return users[username].post(`/api/tasks/${task.id}/complete`, {
      variables,
      opinion: note ?? `Ý kiến tại ${elementId}`,
    });
  }

  describe('the supplement step of the construction permit', () => {
    it('produces Form 02 with the picked documents, pauses the clock, sends the SMS, logs the desk, and only the desk ends it', async () => {
      // given a permit forwarded by the desk and appraised as incomplete
      clock.set(vn('2025-08-12'));
      const received = await users.reception.post('/api/dossiers', PERMIT).expect(201);
      opened.push(received.body.code);
      const code: string = received.body.code;
      expect((await complete('reception', code, 'Task_TiepNhan')).status).toBe(200);
      const appraised = await complete(
        'specialist.qldt',
        code,
        'Task_ThamDinh',
        'supplement',
        'Thiếu bản vẽ mặt cắt, mặt đứng công trình',
      );
      expect(appraised.status).toBe(200);

      // then the desk's inbox holds the supplement step, drawn as a desk action
      const step = await inboxStep('reception', code, 'Task_BoSung');
      expect(step.deskAction).toBe('supplement');

      // when the desk tries to complete it from the inbox, before any supplement request
      await users.reception.post(`/api/tasks/${step.id}/claim`).expect(200);
      const early = await users.reception.post(`/api/tasks/${step.id}/complete`, {
        variables: { outcome: 'supplemented' },
      });
      // then 409 TASK_DESK_ACTION, in Vietnamese, naming the desk action
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('TASK_DESK_ACTION');
      expect(early.body.message).toContain('Yêu cầu bổ sung');

      // when the desk opens the "Yêu cầu bổ sung" dialog
      const draft = await users.reception.get(`/api/dossiers/${code}/supplement-draft`).expect(200);
      // then it offers the procedure's documents to pick from, and the appraisal's opinion as the reason
      expect(
        draft.body.documents.map((d: { code: string; name: string; received: boolean }) => [
          d.code,
          d.name,
          d.received,
        ]),
      ).toEqual([
        ['don-de-nghi', 'Đơn đề nghị cấp giấy phép xây dựng', true],
        ['gcn-qsdd', 'Giấy chứng nhận quyền sử dụng đất', true],
        ['ban-ve', 'Bản vẽ thiết kế xây dựng', true],
      ]);
      expect(draft.body.reason).toBe('Thiếu bản vẽ mặt cắt, mặt đứng công trình');
      expect(draft.body.step).toMatchObject({ taskId: step.id, action: 'supplement' });

      // when the desk sends the request with a listed document and one typed in, at 10:30
      clock.set(vn('2025-08-12', '10:30'));
      const before = (await users.reception.get(`/api/dossiers/${code}`).expect(200)).body;
      const asked = await users.reception
        .post(`/api/dossiers/${code}/supplement-request`, {
          reason: draft.body.reason,
          documents: ['ban-ve', 'Bản vẽ mặt cắt công trình tỷ lệ 1/100'],
        })
        .expect(200);

      // then the dossier waits for the citizen, Form 02 lists both documents, the SMS is queued and the desk log has it
      expect(asked.body.status).toBe('supplement_required');
      const form02 = await getPdf(users.reception, `/api/dossiers/${code}/forms/02.pdf`).expect(200);
      keepForm('deskact-form-02.pdf', form02.body);
      const text = pdfText(form02.body);
      expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
      expect(text).toContain('1. Bản vẽ thiết kế xây dựng');
      expect(text).toContain('2. Bản vẽ mặt cắt công trình tỷ lệ 1/100');
      expect(text).toContain('Lý do: Thiếu bản vẽ mặt cắt, mặt đứng công trình');
      expect((await outbox(code)).map((r: { kind: string }) => r.kind)).toEqual(['received', 'supplement_required']);
      expect(asked.body.events.map((e: { type: string; actor: string }) => [e.type, e.actor])).toContainEqual([
        'supplement-request',
        'reception',
      ]);

      // and the step now waits for the citizen: its deadline stopped (no overdue flag, no notice to the head)
      const [held] = await db.query(`SELECT due_at FROM tasks WHERE id = $1`, [step.id]);
      expect(held.due_at).toBeNull();
      const deadlines = await db.query(`SELECT status FROM jobs WHERE task_id = $1`, [step.id]);
      expect(deadlines.map((j: { status: string }) => j.status)).toEqual(deadlines.map(() => 'cancelled'));

      // and the inbox still cannot complete the step while the documents have not come
      const stillEarly = await users.reception.post(`/api/tasks/${step.id}/complete`, {
        variables: { outcome: 'supplemented' },
      });
      expect([stillEarly.status, stillEarly.body.code]).toEqual([409, 'TASK_DESK_ACTION']);

      // when the citizen brings the drawings on Thursday 14 August at 14:30
      clock.set(vn('2025-08-14', '14:30'));
      const resumed = await users.reception
        .post(`/api/dossiers/${code}/supplement-received`, { note: 'Đã nhận bản vẽ' })
        .expect(200);

      // then the appointment moved by the working time waited (Tue 10:30 → Thu 14:30: 2 working days and 2 h = 18 h)
      const waited = calendar().workingMillisBetween(vn('2025-08-12', '10:30'), vn('2025-08-14', '14:30'));
      expect(waited).toBe(18 * HOUR);
      expect(resumed.body.appointmentAt).toBe(
        calendar()
          .addWorkingTime(new Date(before.appointmentAt), { seconds: waited / 1000 })
          .toISOString(),
      );
      expect(resumed.body.status).toBe('processing');
      // and the desk's action completed the drawn step, and the flow went back to the appraisal
      const instance = await users.admin.get(`/api/instances/${resumed.body.instanceId}`).expect(200);
      const supplementStep = instance.body.tasks.find((t: TaskJson) => t.id === step.id);
      expect(supplementStep).toMatchObject({ status: 'completed', completedBy: 'reception' });
      await inboxStep('specialist.qldt', code, 'Task_ThamDinh');
      // and the SMS went with the new appointment only at the request (the pause), the lookup shows the new date
      const lookup = await request(server.url).get(`/api/public/dossiers/${code}`).expect(200);
      expect(lookup.body.appointmentAt).toBe(resumed.body.appointmentAt);
    });

    it('refuses "Đã nhận bổ sung" before the request: the step stays open', async () => {
      // given a permit waiting at the supplement step, no request made
      clock.set(vn('2025-08-13'));
      const { body } = await users.reception.post('/api/dossiers', PERMIT).expect(201);
      opened.push(body.code);
      await complete('reception', body.code, 'Task_TiepNhan');
      await complete('specialist.qldt', body.code, 'Task_ThamDinh', 'supplement');
      // when the desk records a supplement that was never asked for
      const res = await users.reception.post(`/api/dossiers/${body.code}/supplement-received`, {});
      // then
      expect([res.status, res.body.code]).toEqual([409, 'DOSSIER_ACTION_NOT_ALLOWED']);
      expect((await inboxStep('reception', body.code, 'Task_BoSung')).status).toBe('open');
    });
  });

  describe('the supplement path drawn in the household business and the first land-use certificate', () => {
    it.each([
      {
        name: 'household business',
        procedureCode: '1.001612',
        documents: ['giay-de-nghi', 'giay-to-phap-ly'],
        specialist: 'specialist',
        appraisal: 'Task_ThamDinh',
        day: '2025-08-18',
      },
      {
        name: 'first certificate',
        procedureCode: '1.004227',
        documents: ['don-dang-ky', 'giay-to-nguon-goc', 'to-khai-thue'],
        specialist: 'specialist.vpdk',
        appraisal: 'Task_KiemTraHoSo',
        day: '2025-08-19',
      },
    ])(
      '$name: the appraisal asks, the desk sends Form 02 and records the documents, the dossier is back at the appraisal',
      async ({ procedureCode, documents, specialist, appraisal, day }) => {
        // given a dossier forwarded by the desk and found incomplete by the specialist
        clock.set(vn(day));
        const { body } = await users.reception
          .post('/api/dossiers', { procedureCode, applicant, channel: 'direct', documents })
          .expect(201);
        opened.push(body.code);
        expect((await complete('reception', body.code, 'Task_TiepNhan')).status).toBe(200);
        expect(
          (await complete(specialist, body.code, appraisal, 'supplement', 'Thiếu giấy tờ chứng minh, đề nghị bổ sung'))
            .status,
        ).toBe(200);

        // then the desk holds the drawn supplement step, which the inbox cannot complete
        const step = await inboxStep('reception', body.code, 'Task_BoSung');
        expect(step.deskAction).toBe('supplement');
        await users.reception.post(`/api/tasks/${step.id}/claim`).expect(200);
        const early = await users.reception.post(`/api/tasks/${step.id}/complete`, { variables: {} });
        expect([early.status, early.body.code]).toEqual([409, 'TASK_DESK_ACTION']);

        // when the desk sends the request with the specialist's opinion, and records the documents the next day
        const draft = await users.reception.get(`/api/dossiers/${body.code}/supplement-draft`).expect(200);
        expect(draft.body.reason).toBe('Thiếu giấy tờ chứng minh, đề nghị bổ sung');
        clock.set(vn(day, '10:00'));
        const asked = await users.reception
          .post(`/api/dossiers/${body.code}/supplement-request`, {
            reason: draft.body.reason,
            documents: [documents[1]],
          })
          .expect(200);
        expect(asked.body.status).toBe('supplement_required');
        expect((await db.query(`SELECT due_at FROM tasks WHERE id = $1`, [step.id]))[0].due_at).toBeNull();
        clock.set(vn(day, '15:00'));
        await users.reception
          .post(`/api/dossiers/${body.code}/supplement-received`, { note: 'Đã nhận đủ' })
          .expect(200);

        // then the step was completed by the desk and the appraisal is open again
        const [done] = await db.query(`SELECT status, completed_by FROM tasks WHERE id = $1`, [step.id]);
        expect(done).toEqual({ status: 'completed', completed_by: 'reception' });
        await inboxStep(specialist, body.code, appraisal);
      },
    );
  });

  describe('the apology (Form 04)', () => {
    const procedureCode = `T.DESK.${process.pid}`;

    beforeAll(async () => {
      await users.admin.deployXml(fixture('desk-apology.bpmn')).expect(201);
      await users.admin
        .post('/api/admin/procedures', {
          code: procedureCode,
          name: 'Thủ tục thử xin lỗi, hẹn lại',
          field: 'Thử nghiệm',
          level: 'district',
          legalTime: { days: 3 },
          fee: 0,
          requiredDocuments: [{ code: 'don', name: 'Đơn đề nghị', kind: 'original', required: true }],
          processKey: 'test-desk-apology',
          channels: ['direct'],
          published: true,
        })
        .expect(201);
    });
    afterAll(async () => {
      await users.admin?.post(`/api/admin/procedures/${procedureCode}/unpublish`);
    });

    it('refuses a Saturday, a holiday and an evening; takes a proposed date: Form 04, SMS, lookup, and the drawn step is done', async () => {
      // given a dossier received Monday 25 August 2025 (3 working days: due Thursday 28 August)
      clock.set(vn('2025-08-25'));
      const { body } = await users.reception
        .post('/api/dossiers', { procedureCode, applicant, channel: 'direct', documents: ['don'] })
        .expect(201);
      opened.push(body.code);
      const code: string = body.code;
      const step = await inboxStep('leader', code, 'Task_XinLoi');
      expect(step.deskAction).toBe('apology');

      // when the leader completes the apology step from the inbox
      const fromInbox = await users.leader.post(`/api/tasks/${step.id}/complete`, { variables: {} });
      // then
      expect([fromInbox.status, fromInbox.body.code]).toEqual([409, 'TASK_DESK_ACTION']);

      // when the leader proposes a Saturday, National Day, an evening
      clock.set(vn('2025-08-26'));
      const attempt = (at: Date) =>
        users.leader.post(`/api/dossiers/${code}/apology`, {
          reason: 'Cần xác minh thêm',
          newAppointmentAt: at.toISOString(),
        });
      const saturday = await attempt(vn('2025-09-06'));
      const holiday = await attempt(vn('2025-09-02'));
      const evening = await attempt(vn('2025-09-04', '19:00'));
      // then each is refused with its code, and the answer carries valid dates
      expect([saturday.status, saturday.body.code]).toEqual([400, 'APPOINTMENT_NOT_WORKING_DAY']);
      expect([holiday.status, holiday.body.code]).toEqual([400, 'APPOINTMENT_NOT_WORKING_DAY']);
      expect([evening.status, evening.body.code]).toEqual([400, 'APPOINTMENT_OUTSIDE_OFFICE_HOURS']);
      expect(saturday.body.details.proposals).toHaveLength(5);
      // and nothing was printed, sent or logged
      expect((await outbox(code)).map((r: { kind: string }) => r.kind)).toEqual(['received']);
      await getPdf(users.leader, `/api/dossiers/${code}/forms/04.pdf`).expect(409);

      // when the leader asks for proposals
      const proposals = await users.leader.get(`/api/dossiers/${code}/appointment-proposals`).expect(200);
      // then they are the next working days after the appointment, each on a working day
      const appointmentAt = new Date(body.appointmentAt);
      expect(proposals.body.appointmentAt).toBe(appointmentAt.toISOString());
      expect(proposals.body.proposals.map((p: { at: string }) => p.at)).toEqual(
        [1, 2, 3, 4, 5].map((days) => calendar().addWorkingTime(appointmentAt, { days }).toISOString()),
      );
      expect(proposals.body.proposals.every((p: { at: string }) => calendar().isWorkingDay(new Date(p.at)))).toBe(true);

      // when the leader takes the second proposal
      const chosen: string = proposals.body.proposals[1].at;
      const done = await users.leader
        .post(`/api/dossiers/${code}/apology`, { reason: 'Cần xác minh thêm', newAppointmentAt: chosen })
        .expect(200);

      // then the appointment moved, Form 04 has the new date, the SMS carries it, the lookup shows it
      expect(done.body.appointmentAt).toBe(chosen);
      const form04 = await getPdf(users.leader, `/api/dossiers/${code}/forms/04.pdf`).expect(200);
      keepForm('deskact-form-04.pdf', form04.body);
      const text = pdfText(form04.body);
      expect(text).toContain(vietnamDateTime(new Date(chosen)));
      const sms = await outbox(code);
      expect(sms.map((r: { kind: string }) => r.kind)).toEqual(['received', 'apology']);
      expect(new Date(sms[1].appointment_at).toISOString()).toBe(chosen);
      const lookup = await request(server.url).get(`/api/public/dossiers/${code}`).expect(200);
      expect(lookup.body.appointmentAt).toBe(chosen);
      // and the apology completed the drawn step: the flow went on to the specialist
      const instance = await users.admin.get(`/api/instances/${done.body.instanceId}`).expect(200);
      expect(instance.body.tasks.find((t: TaskJson) => t.id === step.id)).toMatchObject({
        status: 'completed',
        completedBy: 'leader',
      });
      expect(instance.body.tasks.find((t: TaskJson) => t.status === 'open')).toMatchObject({ elementId: 'Task_XuLy' });
    });
  });
});

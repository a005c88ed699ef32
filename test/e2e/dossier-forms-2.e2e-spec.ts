import { DataSource } from 'typeorm';
import { lookupUrl } from '../../libs/dossiers/src/forms/lookup-qr';
import type { TestServer } from '../support/test-app';
import { FakeClock, startServerWithClock } from './dossiers.support';
import { decodeQr, flatTextOf, getPdf, keepForm, renderFirstPage } from './forms.support';
import { openTask, signIn, type Api } from './workflow.helpers';

jest.setTimeout(120_000);

/** A time in Vietnam (UTC+7) on a day given as YYYY-MM-DD. */
const vn = (day: string, hhmm = '09:00') => new Date(`${day}T${hhmm}:00+07:00`);
const applicant = {
  fullName: 'Đặng Thị Thúy Hằng',
  idNumber: '066190007788',
  phone: '0912345678',
  address: 'Phường Thành Công, Buôn Ma Thuột',
};
const HOUSEHOLD = {
  procedureCode: '1.001612',
  applicant,
  channel: 'direct',
  documents: ['giay-de-nghi', 'giay-to-phap-ly'],
};
const PERMIT = {
  procedureCode: '1.009974',
  applicant,
  channel: 'direct',
  documents: ['don-de-nghi', 'gcn-qsdd', 'ban-ve'],
};

/** Feature: Forms 02–04 printed from the desk's actions, Form 05 with unit names, all with the lookup QR. */
describe('printed forms 02, 03, 04 and the control slip with names (HTTP, injected clock)', () => {
  const clock = new FakeClock(vn('2025-10-06'));
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
      'specialist.qldt',
      'head.qldt',
      'reception.tanloi',
    ];
    users = Object.fromEntries(
      await Promise.all(names.map(async (name) => [name, await signIn(server, name)] as const)),
    );
  });
  afterAll(() => server?.close());

  const receive = async (body: object = HOUSEHOLD) =>
    (await users.reception.post('/api/dossiers', body).expect(201)).body as {
      code: string;
      lookupKey: string;
      appointmentAt: string;
    };

  /** Claims and completes the open step `elementId` as `username` after `minutes`. */
  async function doStep(
    code: string,
    elementId: string,
    username: string,
    minutes: number,
    variables: Record<string, unknown> = {},
  ) {
    const [{ instance_id: instanceId }] = await db.query(`SELECT instance_id FROM dossiers WHERE code = $1`, [code]);
    const task = await openTask(users.admin, instanceId, elementId);
    clock.advance(minutes * 60_000);
    await users[username].post(`/api/tasks/${task.id}/claim`).expect(200);
    await users[username].post(`/api/tasks/${task.id}/complete`, { variables }).expect(200);
  }

  /** The form as PDF, its flattened text, and the URL its QR decodes to (poppler renders the page). */
  async function printed(code: string, form: string, name: string, key?: string) {
    const res = await getPdf(users.reception, `/api/dossiers/${code}/forms/${form}${key ? `?key=${key}` : ''}`).expect(
      200,
    );
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    keepForm(name, res.body);
    const page = renderFirstPage(res.body);
    return { text: await flatTextOf(res.body), qr: decodeQr(page) };
  }

  const refusedWith = async (code: string, form: string) => {
    const res = await users.reception.get(`/api/dossiers/${code}/forms/${form}`).expect(409);
    return res.body;
  };

  it('Form 02: what is missing, why, when it was asked, the clock paused; later the new appointment', async () => {
    // given a dossier received Monday 6 October 2025 at 09:00 (3 working days: due Thursday 09:00)
    clock.set(vn('2025-10-06'));
    const { code, lookupKey } = await receive();
    expect((await refusedWith(code, '02')).code).toBe('FORM_NOT_APPLICABLE');

    // when the desk asks for a supplement at 10:00
    clock.set(vn('2025-10-06', '10:00'));
    await users.reception
      .post(`/api/dossiers/${code}/supplement-request`, {
        reason: 'Bản sao giấy tờ pháp lý chưa được chứng thực',
        documents: ['giay-to-phap-ly'],
      })
      .expect(200);
    const form = await printed(code, '02', 'form-02.pdf', lookupKey);

    // then
    expect(form.text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(form.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(form.text).toContain(code);
    expect(form.text).toContain('Đặng Thị Thúy Hằng');
    expect(form.text).toContain('Đăng ký thành lập hộ kinh doanh');
    expect(form.text).toContain('1. Bản sao giấy tờ pháp lý của cá nhân chủ hộ');
    expect(form.text).toContain('Lý do: Bản sao giấy tờ pháp lý chưa được chứng thực');
    expect(form.text).toContain('Thời điểm yêu cầu bổ sung: 10:00 ngày 06/10/2025');
    expect(form.text).toContain('Thời gian giải quyết hồ sơ tạm dừng kể từ thời điểm yêu cầu bổ sung');
    expect(form.text).toContain('NGƯỜI HƯỚNG DẪN');
    expect(form.text).toContain('Trần Thị Thu Hà');
    expect(form.text).toContain(`Mã tra cứu: ${lookupKey}`);
    expect(form.qr).toBe(lookupUrl(code, lookupKey));

    // when the citizen brings it on Wednesday at 10:00 (two working days later)
    clock.set(vn('2025-10-08', '10:00'));
    await users.reception.post(`/api/dossiers/${code}/supplement-received`, {}).expect(200);
    const reprint = await printed(code, '02', 'form-02-after.pdf');
    // then the reprint says so, with the appointment moved two working days, and carries no key
    expect(reprint.text).toContain('Đã nhận đủ hồ sơ bổ sung lúc: 10:00 ngày 08/10/2025');
    expect(reprint.text).toContain('Ngày hẹn trả kết quả mới: 09:00 ngày 13/10/2025');
    expect(reprint.text).not.toContain(lookupKey);
    expect(reprint.qr).toBe(lookupUrl(code));
  });

  it('Form 03: the refusal with its reason, by the desk or by the approver on the refusal path', async () => {
    // given two dossiers
    clock.set(vn('2025-10-07'));
    const byDesk = await receive();
    const byProcess = await receive();
    expect((await refusedWith(byDesk.code, '03')).details).toEqual({ form: '03', status: 'received' });

    // when the desk refuses one, and the head does not approve the other
    clock.set(vn('2025-10-07', '09:30'));
    await users.reception
      .post(`/api/dossiers/${byDesk.code}/refuse`, {
        reason: 'Hồ sơ không thuộc thẩm quyền giải quyết của Ủy ban nhân dân thành phố',
      })
      .expect(200);
    await doStep(byProcess.code, 'Task_TiepNhan', 'reception', 30);
    await doStep(byProcess.code, 'Task_ThamDinh', 'specialist', 60);
    // (what the shipped mc:form sends for "Không đồng ý cấp": the outcome, its variables and the required note)
    await doStep(byProcess.code, 'Task_PheDuyet', 'head', 30, {
      outcome: 'rejected',
      approved: false,
      note: 'Tên hộ kinh doanh trùng với hộ đã đăng ký',
    });
    expect((await users.reception.get(`/api/dossiers/${byProcess.code}`).expect(200)).body.status).toBe('rejected');

    // then
    const desk = await printed(byDesk.code, '03', 'form-03.pdf', byDesk.lookupKey);
    expect(desk.text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(desk.text).toContain('Bộ phận tiếp nhận và trả kết quả UBND thành phố Buôn Ma Thuột tiếp nhận hồ sơ của:');
    expect(desk.text).toContain(
      'thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau: Hồ sơ không thuộc thẩm quyền giải quyết của Ủy ban nhân dân thành phố',
    );
    expect(desk.text).toContain('Thời điểm từ chối: 09:30 ngày 07/10/2025');
    expect(desk.text).toContain('Trần Thị Thu Hà');
    expect(desk.qr).toBe(lookupUrl(byDesk.code, byDesk.lookupKey));
    const process = await printed(byProcess.code, '03', 'form-03-process.pdf');
    expect(process.text).toContain('lý do cụ thể như sau: Tên hộ kinh doanh trùng với hộ đã đăng ký');
  });

  it('Form 04: the apology with the reason, the old and the new date, signed by the leader', async () => {
    // given a dossier due Friday 10 October 09:00
    clock.set(vn('2025-10-07'));
    const { code, lookupKey } = await receive();
    expect((await refusedWith(code, '04')).code).toBe('FORM_NOT_APPLICABLE');
    // when the leader apologises on Thursday with a new date
    clock.set(vn('2025-10-09', '14:00'));
    await users.leader
      .post(`/api/dossiers/${code}/apology`, {
        reason: 'Cần xác minh thêm thông tin với cơ quan thuế',
        newAppointmentAt: vn('2025-10-15', '15:00').toISOString(),
      })
      .expect(200);
    const form = await printed(code, '04', 'form-04.pdf', lookupKey);
    // then
    expect(form.text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(form.text).toContain('Kính gửi: Ông/Bà Đặng Thị Thúy Hằng');
    expect(form.text).toContain(
      'Lúc 09:00 ngày 07/10/2025, UBND thành phố Buôn Ma Thuột tiếp nhận giải quyết hồ sơ của Ông/Bà.',
    );
    expect(form.text).toContain('Thời hạn trả kết quả giải quyết hồ sơ: 09:00 ngày 10/10/2025');
    expect(form.text).toContain('Lý do: Cần xác minh thêm thông tin với cơ quan thuế');
    expect(form.text).toContain('xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ vào lúc 15:00 ngày 15/10/2025');
    expect(form.text).toContain('ngày 09 tháng 10 năm 2025');
    expect(form.text).toContain('THỦ TRƯỞNG CƠ QUAN');
    expect(form.text).toContain('Hoàng Văn Thắng');
    expect(form.qr).toBe(lookupUrl(code, lookupKey));
  });

  it('Form 05: unit and officer names on every handover, early / on time / late by the step due times', async () => {
    // given a construction permit received Monday 13 October 2025 09:00
    clock.set(vn('2025-10-13'));
    const { code } = await receive(PERMIT);
    // when the desk hands it over on Tuesday 08:45 (due 09:00 that day: on time), the urban office
    // reviews it the same day (due in 10 working days: early), its head takes three days for a
    // one-day step (late) and the leader signs at once (early)
    await doStep(code, 'Task_TiepNhan', 'reception', 23 * 60 + 45);
    await doStep(code, 'Task_ThamDinh', 'specialist.qldt', 8 * 60);
    await doStep(code, 'Task_TruongPhongDuyet', 'head.qldt', 3 * 24 * 60);
    await doStep(code, 'Task_KyGiayPhep', 'leader', 30);
    const detail = (await users.reception.get(`/api/dossiers/${code}`).expect(200)).body;
    const slip = await printed(code, '05', 'form-05.pdf');
    // then
    expect(slip.text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    for (const name of [
      'Trần Thị Thu Hà',
      'Đặng Văn Hùng',
      'Ngô Thị Thanh',
      'Hoàng Văn Thắng',
      'UBND thành phố Buôn Ma Thuột',
      'Phòng Quản lý đô thị',
    ]) {
      expect(slip.text).toContain(name);
    }
    expect(slip.text).not.toContain('000.04.20.H15');
    const results = detail.history.map((r: { result: string | null }) => r.result);
    expect(results.slice(0, 4)).toEqual(['on_time', 'early', 'late', 'early']);
    expect(slip.text).toContain('Quá hạn');
    expect(slip.text).toContain('Trước hạn');
    expect(slip.text).toContain('Đúng hạn');
  });

  it('Form 05: a step is rated around the supplement pause during it, and the return is a rated handover by the desk', async () => {
    // given a dossier received Thursday 16 October 2025 09:00; its first step (4 working hours) is due 15:00
    clock.set(vn('2025-10-16'));
    const { code } = await receive();
    // when the desk waits a working day for a supplement before finishing that step the next morning
    clock.set(vn('2025-10-16', '09:30'));
    await users.reception
      .post(`/api/dossiers/${code}/supplement-request`, { reason: 'Thiếu giấy tờ', documents: ['giay-to-phap-ly'] })
      .expect(200);
    clock.set(vn('2025-10-17', '09:30'));
    await users.reception.post(`/api/dossiers/${code}/supplement-received`, {}).expect(200);
    await doStep(code, 'Task_TiepNhan', 'reception', 30);
    await doStep(code, 'Task_ThamDinh', 'specialist', 60);
    await doStep(code, 'Task_PheDuyet', 'head', 30, { approved: true });
    clock.advance(30 * 60_000);
    await users.reception.post(`/api/dossiers/${code}/return`, {}).expect(200);
    const slip = await printed(code, '05', 'form-05-paused.pdf');
    // then no step is late, and all four handovers are rated, the desk's return included
    expect(slip.text).not.toContain('Quá hạn');
    expect(slip.text).not.toContain('Đang xử lý');
    expect((slip.text.match(/Đúng hạn|Trước hạn/g) ?? []).length).toBe(4);
    // the first step was due at 15:00 on the 16th as drawn; around the pause, at 15:00 on the 17th
    expect(slip.text).toContain('15:00 ngày 17/10/2025');
    expect(slip.text).toContain('Tạm dừng chờ bổ sung hồ sơ: từ 09:30 ngày 16/10/2025 đến 09:30 ngày 17/10/2025');
  });

  it('answers another unit with 404, an unknown form with 404, a wrong key with 400', async () => {
    clock.set(vn('2025-10-14'));
    const { code, lookupKey } = await receive();
    await users.reception.post(`/api/dossiers/${code}/refuse`, { reason: 'Công dân nộp nhầm nơi' }).expect(200);
    for (const form of ['01', '02', '03', '04', '05']) {
      const res = await users['reception.tanloi'].get(`/api/dossiers/${code}/forms/${form}`).expect(404);
      expect([form, res.body.code]).toEqual([form, 'DOSSIER_NOT_FOUND']);
    }
    expect((await users.reception.get(`/api/dossiers/${code}/forms/06`).expect(404)).body.code).toBe('FORM_NOT_FOUND');
    const wrongKey = lookupKey === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    expect((await users.reception.get(`/api/dossiers/${code}/forms/03?key=${wrongKey}`).expect(400)).body.code).toBe(
      'LOOKUP_KEY_INVALID',
    );
    await getPdf(users.reception, `/api/dossiers/${code}/forms/01.pdf?key=${lookupKey}`).expect(200);
  });
});

import { completionVariables, readTaskForm } from '../../apps/web/src/pages/inbox/task-form';
import type { TestServer } from '../support/test-app';
import { FakeClock, startServerWithClock } from './dossiers.support';
import { signIn, type Api } from './workflow.helpers';

jest.setTimeout(120_000);

/**
 * The outcomes drawn in the shipped procedures' `mc:form` lead where their gateways say: each step
 * is completed with the variables the inbox builds from the form the API serves (the web's own
 * `completionVariables`), never with hand-written ones.
 */
const applicant = { fullName: 'Lê Thị Bích Trâm', idNumber: '066190007788', phone: '0912345678' };
const PERMIT = {
  procedureCode: '1.009974',
  applicant,
  channel: 'direct',
  documents: ['don-de-nghi', 'gcn-qsdd', 'ban-ve'],
};
const HOUSEHOLD = {
  procedureCode: '1.001612',
  applicant,
  channel: 'direct',
  documents: ['giay-de-nghi', 'giay-to-phap-ly'],
};

interface TaskJson {
  id: string;
  elementId: string;
  status: string;
  form: unknown;
}

describe('mc:form outcomes of the shipped procedures (HTTP)', () => {
  // A Tuesday no other suite uses.
  const clock = new FakeClock(new Date('2025-09-16T09:00:00+07:00'));
  let server: TestServer;
  const users: Record<string, Api> = {};

  beforeAll(async () => {
    server = await startServerWithClock(clock);
    for (const name of ['reception', 'specialist', 'head', 'leader', 'specialist.qldt', 'head.qldt'])
      users[name] = await signIn(server, name);
  });
  afterAll(() => server?.close());

  /** The open step at `elementId` in `username`'s inbox, found by the dossier code. */
  async function inboxStep(username: string, code: string, elementId: string): Promise<TaskJson> {
    const res = await users[username].get(`/api/tasks?q=${encodeURIComponent(code)}&limit=100`).expect(200);
    const task = (res.body.items as TaskJson[]).find((t) => t.elementId === elementId && t.status === 'open');
    if (!task)
      throw new Error(
        `${username} has no open ${elementId} for ${code}: ${JSON.stringify(res.body.items.map((t: TaskJson) => t.elementId))}`,
      );
    return task;
  }

  /** Completes the step as the inbox would, choosing `outcome` among the step's drawn outcomes. */
  async function complete(username: string, code: string, elementId: string, outcome?: string): Promise<void> {
    clock.advance(30 * 60_000);
    const task = await inboxStep(username, code, elementId);
    const form = readTaskForm(task.form);
    const chosen = outcome ? form.outcomes.find((o) => o.key === outcome) : undefined;
    if (outcome && !chosen)
      throw new Error(`${elementId} offers no outcome ${outcome}: ${form.outcomes.map((o) => o.key).join(', ')}`);
    const variables = completionVariables(form, chosen, {});
    await users[username]
      .post(`/api/tasks/${task.id}/complete`, { variables, opinion: `Ý kiến tại bước ${elementId}` })
      .expect(200);
  }

  async function receive(body: object): Promise<string> {
    const res = await users.reception.post('/api/dossiers', body).expect(201);
    return res.body.code;
  }

  it('construction permit: the appraisal asks for a supplement through the desk, the head sends it back, then it is signed and returned', async () => {
    // given a permit forwarded by the desk
    const code = await receive(PERMIT);
    await complete('reception', code, 'Task_TiepNhan');

    // when the specialist asks for a supplement
    await complete('specialist.qldt', code, 'Task_ThamDinh', 'supplement');
    // then the desk has the supplement step, pauses the clock while the citizen completes the file, and its
    // "Đã nhận bổ sung" hands it back: the step is the desk action's (mc:action="supplement", ADR 0012)
    await inboxStep('reception', code, 'Task_BoSung');
    await users.reception
      .post(`/api/dossiers/${code}/supplement-request`, { reason: 'Bổ sung bản vẽ mặt cắt' })
      .expect(200);
    clock.advance(24 * 3_600_000);
    const resumed = await users.reception.post(`/api/dossiers/${code}/supplement-received`, {}).expect(200);
    expect(resumed.body.status).toBe('processing');

    // when the specialist finds it complete and the head sends it back for rework, then approves the second time
    await complete('specialist.qldt', code, 'Task_ThamDinh', 'approved');
    await complete('head.qldt', code, 'Task_TruongPhongDuyet', 'rework');
    await complete('specialist.qldt', code, 'Task_ThamDinh', 'approved');
    await complete('head.qldt', code, 'Task_TruongPhongDuyet', 'approved');
    await complete('leader', code, 'Task_KyGiayPhep');
    await users.reception.post(`/api/dossiers/${code}/return`, {}).expect(200);

    // then the control slip shows every pass, in order
    const detail = await users.reception.get(`/api/dossiers/${code}`).expect(200);
    expect(detail.body.status).toBe('returned');
    expect(detail.body.history.map((row: { step: string }) => row.step)).toEqual([
      'Tiếp nhận, chuyển hồ sơ sang Phòng Quản lý đô thị',
      'Thẩm định hồ sơ, kiểm tra thực địa',
      'Bộ phận Một cửa gửi phiếu yêu cầu bổ sung (Mẫu 02), nhận hồ sơ bổ sung',
      'Thẩm định hồ sơ, kiểm tra thực địa',
      'Trưởng phòng Quản lý đô thị duyệt, trình ký',
      'Thẩm định hồ sơ, kiểm tra thực địa',
      'Trưởng phòng Quản lý đô thị duyệt, trình ký',
      'Lãnh đạo UBND thành phố ký giấy phép',
      'Trả giấy phép xây dựng',
    ]);
  });

  it('household business: the head sends it back for rework, then refuses it, and the desk hands back the refusal', async () => {
    // given an appraised household business dossier
    const code = await receive(HOUSEHOLD);
    await complete('reception', code, 'Task_TiepNhan');
    await complete('specialist', code, 'Task_ThamDinh');

    // when the head sends it back, and after the second appraisal refuses it
    await complete('head', code, 'Task_PheDuyet', 'rework');
    await complete('specialist', code, 'Task_ThamDinh');
    await complete('head', code, 'Task_PheDuyet', 'rejected');

    // then the desk gets the refusal step, and the dossier is refused
    await inboxStep('reception', code, 'Task_TraTuChoi');
    const detail = await users.reception.get(`/api/dossiers/${code}`).expect(200);
    expect(detail.body.status).toBe('rejected');
    expect(detail.body.history.map((row: { to: { user: string | null } }) => row.to.user)).toEqual([
      'reception',
      'specialist',
      'head',
      'specialist',
      'head',
      null,
    ]);
  });
});

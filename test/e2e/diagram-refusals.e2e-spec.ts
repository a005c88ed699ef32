import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { completionVariables, readTaskForm } from '../../apps/web/src/pages/inbox/task-form';
import { outboundText } from '../../libs/tracking/src/domain/sms-reply';
import type { TestServer } from '../support/test-app';
import { FakeClock, startServerWithClock } from './dossiers.support';
import { getPdf } from './forms.support';
import { signIn, type Api } from './workflow.helpers';

jest.setTimeout(180_000);

/**
 * Issue 16, item 2: each of the five shipped procedures refused INSIDE its diagram (the approver
 * picks the refusal outcome, the desk hands back the file, the end event carries
 * `mc:outcome="rejected"`) ends exactly as the desk's "Từ chối giải quyết" does: closed as
 * `rejected` with its reason, Form 03, the refusal SMS, "Từ chối" + reason on the lookup and the
 * SMS reply, and counted by Biểu II.06a and /api/public/stats as resolved (refusal.rule.ts).
 * Steps are completed as the inbox completes them (the web's own `completionVariables`).
 */
const vn = (day: string, hhmm = '09:00') => new Date(`${day}T${hhmm}:00+07:00`);
/** A Tuesday no other suite receives on: the II.06a and the public aggregate of this day are ours alone. */
const DAY = '2025-12-09';
const CITY = '000.00.20.H15';
const TANLOI = '000.20.20.H15';
const applicant = { fullName: 'Phạm Thị Từ Chối', idNumber: '066190009911', phone: '0935111222' };

interface Case {
  name: string;
  body: object;
  desk: string;
  /** Steps before the refusal, then the refusing step, as [elementId, officer]. */
  steps: [string, string][];
  refuse: [string, string];
  reason: string;
}

const CASES: Case[] = [
  {
    name: 'birth registration (Tân Lợi): the commune chairman refuses to sign',
    body: { procedureCode: '1.001193', applicant, channel: 'direct', documents: ['to-khai', 'giay-chung-sinh'] },
    desk: 'reception.tanloi',
    steps: [
      ['Task_TiepNhan', 'reception.tanloi'],
      ['Task_GhiSo', 'specialist.tanloi'],
    ],
    refuse: ['Task_KyGiayKhaiSinh', 'leader.tanloi'],
    reason: 'Giấy chứng sinh không khớp họ tên người mẹ',
  },
  {
    name: 'household business: the head does not grant it',
    body: { procedureCode: '1.001612', applicant, channel: 'direct', documents: ['giay-de-nghi', 'giay-to-phap-ly'] },
    desk: 'reception',
    steps: [
      ['Task_TiepNhan', 'reception'],
      ['Task_ThamDinh', 'specialist'],
    ],
    refuse: ['Task_PheDuyet', 'head'],
    reason: 'Tên hộ kinh doanh trùng với hộ đã đăng ký trên địa bàn',
  },
  {
    name: 'construction permit: the head of urban management does not grant it',
    body: { procedureCode: '1.009974', applicant, channel: 'direct', documents: ['don-de-nghi', 'gcn-qsdd', 'ban-ve'] },
    desk: 'reception',
    steps: [
      ['Task_TiepNhan', 'reception'],
      ['Task_ThamDinh', 'specialist.qldt'],
    ],
    refuse: ['Task_TruongPhongDuyet', 'head.qldt'],
    reason: 'Công trình vượt chỉ giới xây dựng theo quy hoạch chi tiết',
  },
  {
    name: 'first land-use certificate: the city leader does not sign it',
    body: {
      procedureCode: '1.004227',
      applicant,
      channel: 'direct',
      documents: ['don-dang-ky', 'giay-to-nguon-goc', 'to-khai-thue'],
    },
    desk: 'reception',
    steps: [
      ['Task_TiepNhan', 'reception'],
      ['Task_KiemTraHoSo', 'specialist.vpdk'],
      ['Task_NghiaVuTaiChinh', 'specialist.vpdk'],
      ['Task_ThamDinhTNMT', 'specialist.tnmt'],
      ['Task_QuyHoach', 'specialist.qldt'],
    ],
    refuse: ['Task_KyGCN', 'leader'],
    reason: 'Thửa đất đang có tranh chấp chưa được giải quyết',
  },
  // Last, so the desk hands the refusal back after the 17:00 appointment of a same-day procedure: a late answer.
  {
    name: 'certified copy (Tân Lợi): the officer refuses to certify, handed back after the appointment',
    body: { procedureCode: '2.000815', applicant, channel: 'direct', documents: ['ban-chinh', 'ban-sao'] },
    desk: 'reception.tanloi',
    steps: [['Task_TiepNhan', 'reception.tanloi']],
    refuse: ['Task_ChungThuc', 'specialist.tanloi'],
    reason: 'Bản chính bị tẩy xóa, sửa chữa nội dung',
  },
];

/** Text of a PDF by poppler's `pdftotext` (as a reader copies it), white space flattened. */
function pdftotext(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-refusal-'));
  writeFileSync(join(dir, 'f.pdf'), pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'f.pdf'), '-'])
    .toString('utf8')
    .replace(/\s+/g, ' ');
}

type Counts = Record<string, unknown>;
interface DayReport {
  table: { lines: Counts[]; totals: Counts };
  stats: { units: Counts[]; total: Counts };
}

/** The counts of `after` less those of `before` (rates and names as they are). */
function minus(after: Counts, before: Counts | undefined): Counts {
  return Object.fromEntries(
    Object.entries(after).map(([k, v]) => [
      k,
      typeof v === 'number' && typeof before?.[k] === 'number' && !k.endsWith('Rate') ? v - (before[k] as number) : v,
    ]),
  );
}

describe('refusals decided inside the diagrams of the five procedures (HTTP)', () => {
  const clock = new FakeClock(vn(DAY));
  let server: TestServer;
  let db: DataSource;
  const users: Record<string, Api> = {};
  const received: { code: string; lookupKey: string; c: Case }[] = [];
  /** The day's report before the five: dossiers other suites left open earlier are carried over into it. */
  let baseline: DayReport;

  async function dayReport(): Promise<DayReport> {
    const table = (await users.leader.get(`/api/reports/summary?from=${DAY}&to=${DAY}&groupBy=procedure`).expect(200))
      .body;
    const stats = (await request(server.url).get(`/api/public/stats?from=${DAY}&to=${DAY}`).expect(200)).body;
    return { table, stats };
  }

  beforeAll(async () => {
    // the public channels' rate limits count per run, not across runs
    process.env.THROTTLE_PREFIX = `test-refusals-${randomUUID().slice(0, 8)}`;
    server = await startServerWithClock(clock);
    db = server.app.get(DataSource);
    const names = [
      'reception',
      'specialist',
      'head',
      'leader',
      'specialist.qldt',
      'head.qldt',
      'specialist.vpdk',
      'specialist.tnmt',
      'reception.tanloi',
      'specialist.tanloi',
      'leader.tanloi',
    ];
    for (const name of names) users[name] = await signIn(server, name);
    baseline = await dayReport();
    // given the five dossiers received at 09:00
    clock.set(vn(DAY));
    for (const c of CASES) {
      const res = await users[c.desk].post('/api/dossiers', c.body).expect(201);
      received.push({ code: res.body.code, lookupKey: res.body.lookupKey, c });
    }
  });
  afterAll(() => server?.close());

  /** Completes the open step at `elementId` as the inbox would, 30 minutes later, with `outcome` and `values`. */
  async function complete(
    username: string,
    code: string,
    elementId: string,
    outcome?: string,
    values: Record<string, unknown> = {},
  ): Promise<void> {
    clock.advance(30 * 60_000);
    const res = await users[username].get(`/api/tasks?q=${encodeURIComponent(code)}&limit=100`).expect(200);
    const task = res.body.items.find(
      (t: { elementId: string; status: string }) => t.elementId === elementId && t.status === 'open',
    );
    if (!task) throw new Error(`${username} has no open ${elementId} for ${code}`);
    const form = readTaskForm(task.form);
    const chosen = outcome ? form.outcomes.find((o) => o.key === outcome) : undefined;
    if (outcome && !chosen) throw new Error(`${elementId} offers no outcome ${outcome}`);
    await users[username]
      .post(`/api/tasks/${task.id}/complete`, {
        variables: completionVariables(form, chosen, values),
        opinion: `Ý kiến tại ${elementId}`,
      })
      .expect(200);
  }

  it.each(CASES.map((c, i) => [c.name, i] as const))(
    '%s: closed as rejected with the reason, Form 03, refusal SMS, lookup and SMS reply say so',
    async (_name, i) => {
      const { code, lookupKey, c } = received[i];
      // when the steps are done and the approver refuses with the citizen-facing reason
      for (const [elementId, officer] of c.steps)
        await complete(
          officer,
          code,
          elementId,
          elementId === 'Task_ThamDinh' && c.refuse[0] === 'Task_TruongPhongDuyet' ? 'approved' : undefined,
        );
      await complete(c.refuse[1], code, c.refuse[0], 'rejected', { rejectionReason: c.reason });

      // then the desk's hand-back step shows the refusal, Form 03 is already printable, and nothing is closed yet
      const handing = (await users[c.desk].get(`/api/dossiers/${code}`).expect(200)).body;
      expect(handing).toMatchObject({
        status: 'rejected',
        currentStep: expect.stringMatching(/từ chối/),
        resolvedAt: null,
      });
      expect(pdftotext((await getPdf(users[c.desk], `/api/dossiers/${code}/forms/03`).expect(200)).body)).toContain(
        c.reason,
      );

      // when the desk hands the file back with Form 03 (its own note does not replace the reason)
      await complete(c.desk, code, 'Task_TraTuChoi', undefined, {
        returnNote: 'Đã trả hồ sơ và phiếu từ chối cho công dân',
      });

      // then the dossier is closed as the desk's refusal closes it
      const done = (await users[c.desk].get(`/api/dossiers/${code}`).expect(200)).body;
      expect(done).toMatchObject({
        status: 'rejected',
        statusLabel: 'Từ chối giải quyết',
        resolvedAt: clock.now().toISOString(),
        allowedActions: [],
        overdue: false,
      });
      expect(done.events.filter((e: { type: string }) => e.type === 'refuse')).toEqual([
        {
          at: clock.now().toISOString(),
          type: 'refuse',
          actor: c.desk,
          data: expect.objectContaining({ reason: c.reason, by: 'process', elementId: 'EndEvent_TuChoi' }),
        },
      ]);
      const [instance] = await db.query(`SELECT status FROM process_instances WHERE id = $1`, [done.instanceId]);
      expect(instance.status).toBe('completed');
      // Form 03 carries the reason (pdftotext of the downloaded PDF)
      const form03 = pdftotext((await getPdf(users[c.desk], `/api/dossiers/${code}/forms/03`).expect(200)).body);
      expect(form03).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
      expect(form03).toContain(c.reason);
      // the refusal SMS with its reason is in the outbox, written in the command that closed the dossier
      const outbox = await db.query(
        `SELECT kind, detail, phone, appointment_at FROM sms_outbox WHERE code = $1 ORDER BY id`,
        [code],
      );
      expect(outbox.map((m: { kind: string }) => m.kind)).toEqual(['received', 'rejected']);
      expect(outbox[1]).toMatchObject({ detail: c.reason, phone: applicant.phone });
      const text = outboundText('rejected', code, outbox[1].appointment_at, outbox[1].detail);
      expect(text).toContain(`Ho so ${code} bi tu choi giai quyet. Ly do: `);
      expect(text).not.toMatch(/Hen tra/i);
      // the public lookup: "Từ chối giải quyết" with the reason, and the refusal in the timeline
      const lookup = (await request(server.url).get(`/api/public/dossiers/${code}?key=${lookupKey}`).expect(200)).body;
      expect(lookup).toMatchObject({
        status: 'rejected',
        statusLabel: 'Từ chối giải quyết',
        reason: c.reason,
        overdue: false,
      });
      expect(lookup.timeline.at(-1)).toMatchObject({ step: 'Từ chối giải quyết', current: false });
      // the SMS reply: the refusal and the reason, no appointment
      const reply = (
        await request(server.url)
          .post('/api/sms/inbound')
          .set('x-sms-secret', process.env.SMS_INBOUND_SECRET!)
          .send({ from: `+8493511122${i}`, text: `HS ${code}` })
          .expect(200)
      ).body.reply;
      expect(reply).toMatch(new RegExp(`^Ho so ${code.replaceAll('.', '\\.')}: Tu choi giai quyet\\. Ly do: `));
      expect(reply).not.toMatch(/Hen tra/i);
    },
  );

  it('counts the five refusals in Biểu II.06a and /api/public/stats as resolved, by their appointments (golden)', async () => {
    // given the five closed above: three long procedures refused the same day (early), the birth by
    // its 17:00 appointment (on time), the certified copy handed back after it (late)
    expect(received.map((r) => r.code.slice(0, TANLOI.length))).toEqual([TANLOI, CITY, CITY, CITY, TANLOI]);

    // when (what the five add to the day: the report less the one read before they were received)
    const after = await dayReport();
    const table = {
      lines: after.table.lines
        .map((l: Counts) =>
          minus(
            l,
            baseline.table.lines.find((b: Counts) => b.key === l.key),
          ),
        )
        .filter((l: Counts) => Object.values(l).some((v) => typeof v === 'number' && v !== 0)),
      totals: minus(after.table.totals, baseline.table.totals),
    };
    const stats = {
      units: after.stats.units.map((u: Counts) =>
        minus(
          u,
          baseline.stats.units.find((b: Counts) => b.unitCode === u.unitCode),
        ),
      ),
      total: minus(after.stats.total, baseline.stats.total),
    };

    // then (hand-computed: refusal.rule.ts)
    const line = (received: number, early: number, onTime: number, late: number) => ({
      received,
      receivedOnline: 0,
      receivedDirect: received,
      carriedOver: 0,
      resolved: early + onTime + late,
      resolvedEarly: early,
      resolvedOnTime: onTime,
      resolvedLate: late,
      inProgress: 0,
      inProgressWithinTime: 0,
      inProgressOverdue: 0,
    });
    expect(
      Object.fromEntries(table.lines.map((l: Counts) => [l.key as string, { ...l, key: undefined, name: undefined }])),
    ).toEqual({
      '1.001193': { ...line(1, 0, 1, 0), key: undefined, name: undefined },
      '1.001612': { ...line(1, 1, 0, 0), key: undefined, name: undefined },
      '1.004227': { ...line(1, 1, 0, 0), key: undefined, name: undefined },
      '1.009974': { ...line(1, 1, 0, 0), key: undefined, name: undefined },
      '2.000815': { ...line(1, 0, 0, 1), key: undefined, name: undefined },
    });
    expect(table.totals).toEqual(line(5, 3, 1, 1));
    const unit = (code: string) => stats.units.find((u: Counts) => u.unitCode === code);
    expect(unit(CITY)).toMatchObject({
      received: 3,
      resolvedEarly: 3,
      resolvedOnTime: 0,
      resolvedLate: 0,
      inProgressOnTime: 0,
      inProgressOverdue: 0,
      onTimeRate: 100,
    });
    expect(unit(TANLOI)).toMatchObject({
      received: 2,
      resolvedEarly: 0,
      resolvedOnTime: 1,
      resolvedLate: 1,
      inProgressOnTime: 0,
      inProgressOverdue: 0,
      onTimeRate: 50,
    });
    expect(stats.total).toMatchObject({
      received: 5,
      resolvedEarly: 3,
      resolvedOnTime: 1,
      resolvedLate: 1,
      inProgressOnTime: 0,
      inProgressOverdue: 0,
    });
  });

  it('closes once when officers race to complete the hand-back step: one refusal event, one SMS, the losers 409', async () => {
    // given a household business refused by the head, on the next day, waiting at the desk's hand-back step
    clock.set(vn('2025-12-10'));
    const { code } = (await users.reception.post('/api/dossiers', CASES[1].body).expect(201)).body;
    await complete('reception', code, 'Task_TiepNhan');
    await complete('specialist', code, 'Task_ThamDinh');
    await complete('head', code, 'Task_PheDuyet', 'rejected', { rejectionReason: 'Ngành nghề kinh doanh bị cấm' });
    const inbox = await users.reception.get(`/api/tasks?q=${encodeURIComponent(code)}&limit=100`).expect(200);
    const task = inbox.body.items.find(
      (t: { elementId: string; status: string }) => t.elementId === 'Task_TraTuChoi' && t.status === 'open',
    );

    // when ten completions of that step arrive at once
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => users.reception.post(`/api/tasks/${task.id}/complete`, { variables: {} })),
    );

    // then one wins, the others are refused with a stable code, and the dossier was closed exactly once
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    expect(new Set(answers.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.body.code}`))).toEqual(
      new Set(['409 TASK_NOT_OPEN']),
    );
    const [row] = await db.query(
      `SELECT d.status, d.resolved_at IS NOT NULL AS resolved,
         (SELECT count(*)::int FROM dossier_events e WHERE e.code = d.code AND e.type = 'refuse') AS events,
         (SELECT count(*)::int FROM sms_outbox o WHERE o.code = d.code AND o.kind = 'rejected') AS sms
       FROM dossiers d WHERE d.code = $1`,
      [code],
    );
    expect(row).toEqual({ status: 'rejected', resolved: true, events: 1, sms: 1 });
  });
});

import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestServer, type TestServer } from '../support/test-app';
import { getFrom, startFakeGateway } from './tracking.support';
import { CITY, eventually, openTask, signIn, type Api } from './workflow.helpers';

jest.setTimeout(120_000);

const applicant = {
  fullName: 'Nguyễn Thị Ánh Tuyết',
  idNumber: '066190001234',
  phone: '0905123456',
  address: 'Số 45 đường Y Jút, Buôn Ma Thuột',
};
const HOUSEHOLD = {
  procedureCode: '1.001612',
  applicant,
  channel: 'direct',
  documents: ['giay-de-nghi', 'giay-to-phap-ly'],
};
/** Registers a birth at Tân Lợi. Street and village names are scanned too: they are in no unit's name. */
const parent = {
  fullName: 'Trần Văn Bình',
  idNumber: '066190005678',
  phone: '0905654321',
  address: 'Thôn 3, xã Hòa Thắng',
};
const PERSONAL = [
  applicant.fullName,
  'Nguyen Thi Anh Tuyet',
  applicant.idNumber,
  applicant.phone,
  applicant.address,
  'Y Jút',
  'Y Jut',
  parent.fullName,
  'Tran Van Binh',
  parent.idNumber,
  parent.phone,
  parent.address,
  'Hòa Thắng',
  'Hoa Thang',
];
const SECRET = 'test-sms-secret';

/** Each scenario looks up from its own loopback address, so its requests are their own client for the limiter. */
let nextIp = 1;
const freshIp = () => `127.0.9.${nextIp++}`;

describe('tracking channels (HTTP)', () => {
  let a: TestServer;
  let b: TestServer;
  let db: DataSource;
  let reception: Api;
  let leader: Api;
  let gateway: Awaited<ReturnType<typeof startFakeGateway>>;
  /** Every public response of the suite, scanned at the end for personal data. */
  const seen: string[] = [];

  beforeAll(async () => {
    gateway = await startFakeGateway();
    process.env.SMS_GATEWAY_URL = gateway.url;
    process.env.SMS_RETRY_BASE_MS = '200';
    process.env.SMS_RATE_LIMIT = '5';
    process.env.THROTTLE_PREFIX = `test-${randomUUID().slice(0, 8)}`;
    a = await startTestServer();
    b = await startTestServer();
    db = a.app.get(DataSource);
    reception = await signIn(a, 'reception');
    leader = await signIn(a, 'leader');
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await gateway?.close();
    delete process.env.SMS_GATEWAY_URL;
  });

  const receive = async () =>
    (await reception.post('/api/dossiers', HOUSEHOLD).expect(201)).body as { code: string; lookupKey: string };
  const lookup = async (path: string, ip = freshIp()) => {
    const res = await getFrom(a.url, path, ip);
    seen.push(res.text);
    return res;
  };
  const sms = async (body: object, form = false) => {
    const req = request(a.url).post('/api/sms/inbound').set('x-sms-secret', SECRET);
    const res = form ? await req.type('form').send(body) : await req.send(body);
    seen.push(res.text);
    return res;
  };

  describe('public lookup', () => {
    it('shows by code alone the status, procedure, unit, appointment and overdue flag, and nothing personal', async () => {
      // given
      const { code } = await receive();
      // when
      const res = await lookup(`/api/public/dossiers/${code}`);
      // then
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        code,
        status: 'received',
        statusLabel: 'Đã tiếp nhận',
        procedureName: expect.any(String),
        unitName: expect.any(String),
        appointmentAt: expect.any(String),
        overdue: false,
      });
      for (const datum of [...PERSONAL, 'Nguy']) expect(res.text).not.toContain(datum);
    });

    it('adds the masked name and the timeline with the right key, in any case', async () => {
      // given
      const { code, lookupKey } = await receive();
      // when
      const res = await lookup(`/api/public/dossiers/${code}?key=${lookupKey.toLowerCase()}`);
      // then
      expect(res.status).toBe(200);
      expect(res.body.applicantName).toBe('Nguyễn T** Á** T****');
      expect(res.body.timeline[0]).toEqual({
        at: expect.any(String),
        step: 'Tiếp nhận hồ sơ',
        statusLabel: 'Đã tiếp nhận',
        current: false,
      });
      expect(res.body.timeline.length).toBeGreaterThanOrEqual(2);
      // the open step is marked as where the dossier is now
      expect(
        res.body.timeline.filter((t: { current: boolean }) => t.current).map((t: { step: string }) => t.step),
      ).toEqual([res.body.timeline.at(-1).step]);
    });

    it('answers a wrong key exactly as no key, and an unknown code with 404 DOSSIER_NOT_FOUND', async () => {
      // given
      const { code } = await receive();
      // when
      const none = await lookup(`/api/public/dossiers/${code}`);
      const wrong = await lookup(`/api/public/dossiers/${code}?key=AAAAAA`);
      const unknown = await lookup(`/api/public/dossiers/${CITY}-991231-9999?key=AAAAAA`);
      // then
      expect(wrong.status).toBe(200);
      expect(wrong.text).toBe(none.text);
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('DOSSIER_NOT_FOUND');
    });

    it('shows each desk transition in the lookup right after the request that made it', async () => {
      // given
      const { code } = await receive();
      // when a supplement is requested, then received
      await reception.post(`/api/dossiers/${code}/supplement-request`, { reason: 'Thiếu bản sao' }).expect(200);
      const paused = await lookup(`/api/public/dossiers/${code}`);
      await reception.post(`/api/dossiers/${code}/supplement-received`, {}).expect(200);
      const resumed = await lookup(`/api/public/dossiers/${code}`);
      await reception.post(`/api/dossiers/${code}/withdraw`, { reason: 'Công dân rút' }).expect(200);
      const withdrawn = await lookup(`/api/public/dossiers/${code}`);
      // then
      expect(paused.body.status).toBe('supplement_required');
      expect(resumed.body.status).not.toBe('supplement_required');
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', statusLabel: 'Đã rút hồ sơ' });
    });
  });

  describe('rate limit', () => {
    it('refuses the 31st lookup in a minute from one client with 429 TOO_MANY_REQUESTS', async () => {
      // given one client
      const { code } = await receive();
      const ip = freshIp();
      // when it looks up 31 times
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) statuses.push((await getFrom(a.url, `/api/public/dossiers/${code}`, ip)).status);
      const last = await getFrom(a.url, `/api/public/dossiers/${code}`, ip);
      // then
      expect(statuses.slice(0, 30)).toEqual(Array(30).fill(200));
      expect(statuses[30]).toBe(429);
      expect(last.body.code).toBe('TOO_MANY_REQUESTS');
    });

    it('counts a client across two server processes sharing Redis', async () => {
      // given one client
      const { code } = await receive();
      const ip = freshIp();
      // when it spreads 31 lookups over two servers
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++)
        statuses.push((await getFrom(i % 2 ? b.url : a.url, `/api/public/dossiers/${code}`, ip)).status);
      // then
      expect(statuses.filter((s) => s === 200)).toHaveLength(30);
      expect(statuses[30]).toBe(429);
    });
  });

  describe('SMS in', () => {
    let code: string;
    beforeAll(async () => {
      code = (await receive()).code;
    });

    const HELP = /^Tra cuu ho so: soan HS <ma ho so>/;
    const variants: [string, () => string, RegExp][] = [
      ['HS code', () => `HS ${code}`, /^Ho so .*: Da tiep nhan\. Hen tra: \d\d\/\d\d\/\d{4} \d\d:\d\d$/],
      ['lower case', () => `hs ${code}`, /: Da tiep nhan\./],
      ['mixed case', () => `Hs ${code}`, /: Da tiep nhan\./],
      ['lower-case code', () => `hs ${code.toLowerCase()}`, /: Da tiep nhan\./],
      ['extra spaces', () => `   HS     ${code}   `, /: Da tiep nhan\./],
      ['tab and newline', () => `HS\t${code}\n`, /: Da tiep nhan\./],
      ['TRACUU', () => `TRACUU ${code}`, /: Da tiep nhan\./],
      ['tracuu', () => `tracuu ${code}`, /: Da tiep nhan\./],
      ['TRA CUU', () => `TRA CUU ${code}`, /: Da tiep nhan\./],
      ['TRA CỨU with diacritics', () => `TRA CỨU ${code}`, /: Da tiep nhan\./],
      ['tra cứu', () => `tra cứu ${code}`, /: Da tiep nhan\./],
      ['TraCứu', () => `TraCứu ${code}`, /: Da tiep nhan\./],
      ['unknown code', () => `HS ${CITY}-991231-9999`, /^Khong tim thay ho so 000\.00\.20\.H15-991231-9999/],
      ['unknown code, TRACUU', () => `TRACUU 000.00.00.H99-010101-0001`, /^Khong tim thay ho so/],
      ['malformed code', () => 'HS 12345', /^Khong tim thay ho so 12345/],
      ['missing code', () => 'HS', HELP],
      ['missing code, spaces', () => 'HS    ', HELP],
      ['TRACUU without code', () => 'TRACUU', HELP],
      ['empty', () => '', HELP],
      ['only spaces', () => '     ', HELP],
      ['greeting', () => 'xin chào', HELP],
      ['Vietnamese question', () => 'Cho tôi hỏi hồ sơ của tôi đến đâu rồi ạ?', HELP],
      ['emoji', () => '😀👍', HELP],
      ['emoji after code', () => `HS ${code} 😀`, HELP],
      ['very long text', () => 'hồ sơ '.repeat(400), HELP],
      ['very long code', () => `HS ${'9'.repeat(300)}`, HELP],
      ['wrong keyword', () => `HSS ${code}`, HELP],
      ['keyword inside text', () => `toi muon HS ${code}`, HELP],
      ['digits only', () => '0905123456', HELP],
      ['SQL-ish', () => "HS ' OR 1=1 --", HELP],
      ['unicode code', () => `HS ${code.replace('H', 'Н')}`, HELP],
    ];

    it.each(variants.map(([name, text, reply], i) => [name, text, reply, i] as const))(
      '%s',
      async (_name, text, reply, i) => {
        // when
        const res = await sms({ from: `+8491000${String(i).padStart(4, '0')}`, text: text() });
        // then
        expect(res.status).toBe(200);
        expect(res.body.reply).toMatch(reply);
        expect(res.body.reply.length).toBeLessThanOrEqual(160);
        expect(res.body.reply).toMatch(/^[\x20-\x7e]*$/);
      },
    );

    it('reads the form-encoded From/Body of common gateways', async () => {
      const res = await sms({ From: '+84910009999', Body: `tra cuu ${code}` }, true);
      expect(res.status).toBe(200);
      expect(res.body.reply).toContain(`Ho so ${code}: Da tiep nhan.`);
    });

    it('refuses a missing or wrong secret with 401 SMS_SECRET_INVALID', async () => {
      const wrong = await request(a.url)
        .post('/api/sms/inbound')
        .set('x-sms-secret', 'nope')
        .send({ from: '+84910008888', text: `HS ${code}` });
      const missing = await request(a.url)
        .post('/api/sms/inbound')
        .send({ from: '+84910008887', text: `HS ${code}` });
      expect([wrong.status, wrong.body.code, missing.status, missing.body.code]).toEqual([
        401,
        'SMS_SECRET_INVALID',
        401,
        'SMS_SECRET_INVALID',
      ]);
    });

    it('limits each phone (SMS_RATE_LIMIT=5) without limiting other phones', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await sms({ from: '+84910007777', text: `HS ${code}` })).status);
      const other = await sms({ from: '+84910007778', text: `HS ${code}` });
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expect(other.status).toBe(200);
    });
  });

  describe('SMS out', () => {
    const outbox = (code: string) =>
      db.query(`SELECT kind, status, attempts, text, phone FROM sms_outbox WHERE code = $1 ORDER BY id`, [code]);

    it('writes a message on reception, supplement request and apology, and sends only code, status and dates', async () => {
      // given
      const { code } = await receive();
      // when
      await reception.post(`/api/dossiers/${code}/supplement-request`, { reason: 'Thiếu giấy' }).expect(200);
      await reception.post(`/api/dossiers/${code}/supplement-received`, {}).expect(200);
      const detail = (await reception.get(`/api/dossiers/${code}`).expect(200)).body;
      const later = new Date(new Date(detail.appointmentAt).getTime() + 7 * 86_400_000).toISOString();
      await leader
        .post(`/api/dossiers/${code}/apology`, { reason: 'Cần xác minh', newAppointmentAt: later })
        .expect(200);
      // then
      const rows = await eventually(async () => {
        const r = await outbox(code);
        return r.length === 3 && r.every((m: { status: string }) => m.status === 'sent') && r;
      });
      expect(rows.map((r: { kind: string }) => r.kind)).toEqual(['received', 'supplement_required', 'apology']);
      expect(rows[0].text).toMatch(
        new RegExp(`^Ho so ${code.replaceAll('.', '\\.')} da duoc tiep nhan\\. Ngay hen tra: \\d\\d/\\d\\d/\\d{4}$`),
      );
      const sent = gateway.received.filter((m) => m.text.includes(code));
      expect(sent).toHaveLength(3);
      for (const m of sent) {
        expect(m.to).toBe(applicant.phone);
        seen.push(m.text);
      }
    });

    it('puts "result ready" in the outbox in the engine command that reaches that step, and sends it', async () => {
      // given a birth registration at Tân Lợi, driven by the commune's demo officers
      const commune = Object.fromEntries(
        await Promise.all(
          ['admin', 'reception.tanloi', 'specialist.tanloi', 'leader.tanloi'].map(
            async (name) => [name, await signIn(a, name)] as const,
          ),
        ),
      );
      const received = await commune['reception.tanloi']
        .post('/api/dossiers', {
          procedureCode: '1.001193',
          applicant: parent,
          channel: 'direct',
          documents: ['to-khai', 'giay-chung-sinh'],
        })
        .expect(201);
      const code: string = received.body.code;
      const { instanceId } = (await commune['reception.tanloi'].get(`/api/dossiers/${code}`).expect(200)).body;
      const step = async (elementId: string, username: string) => {
        const task = await openTask(commune.admin, instanceId, elementId);
        await commune[username].post(`/api/tasks/${task.id}/claim`).expect(200);
        await commune[username].post(`/api/tasks/${task.id}/complete`, { variables: {} }).expect(200);
      };
      await step('Task_TiepNhan', 'reception.tanloi');
      await step('Task_GhiSo', 'specialist.tanloi');
      const beforeSigning = (await outbox(code)).map((r: { kind: string }) => r.kind);
      // when the chairman signs: the engine moves to the hand-over step, whose mc:status is result_ready
      await step('Task_KyGiayKhaiSinh', 'leader.tanloi');
      // then the message is already in the outbox when the completing request has answered
      const afterSigning = (await outbox(code)).map((r: { kind: string }) => r.kind);
      const lookedUp = await lookup(`/api/public/dossiers/${code}`);
      const withKey = await lookup(`/api/public/dossiers/${code}?key=${received.body.lookupKey}`);
      expect(beforeSigning).toEqual(['received']);
      expect(afterSigning).toEqual(['received', 'result_ready']);
      expect(lookedUp.body).toMatchObject({ status: 'result_ready', statusLabel: 'Đã có kết quả, chờ trả' });
      expect(withKey.body.applicantName).toBe('Trần V** B***');
      expect(
        withKey.body.timeline.filter((t: { current: boolean }) => t.current).map((t: { step: string }) => t.step),
      ).toEqual(['Trả Giấy khai sinh']);
      // and it goes out through the gateway with only the code and the status
      const sent = await eventually(async () =>
        gateway.received.find((m) => m.text.includes(code) && m.text.includes('da co ket qua')),
      );
      expect(sent).toEqual({ to: parent.phone, text: `Ho so ${code} da co ket qua. Moi nhan tai bo phan mot cua.` });
      seen.push(sent.text);
      const rows = await eventually(async () => {
        const r = await outbox(code);
        return r.every((m: { status: string }) => m.status === 'sent') && r;
      });
      expect(rows.map((r: { kind: string; attempts: number }) => [r.kind, r.attempts])).toEqual([
        ['received', 1],
        ['result_ready', 1],
      ]);
    });

    it('keeps messages in the outbox while the gateway is down and sends them all once it is back', async () => {
      // given the gateway is down
      gateway.down = true;
      const codes = [(await receive()).code, (await receive()).code];
      // when several attempts fail
      await eventually(async () => {
        const rows = await db.query(`SELECT attempts, status FROM sms_outbox WHERE code = ANY($1)`, [codes]);
        return (
          rows.length === 2 &&
          rows.every((r: { attempts: number; status: string }) => r.attempts >= 2 && r.status === 'pending')
        );
      });
      // and the gateway comes back
      gateway.down = false;
      // then every message goes out
      await eventually(async () => {
        const rows = await db.query(`SELECT status FROM sms_outbox WHERE code = ANY($1)`, [codes]);
        return rows.every((r: { status: string }) => r.status === 'sent');
      }, 30_000);
      expect(gateway.received.filter((m) => codes.some((c) => m.text.includes(c)))).toHaveLength(2);
    });
  });

  describe('provincial aggregate', () => {
    it('counts a newly received dossier for its unit and the province', async () => {
      // given
      const before = (await request(a.url).get('/api/public/stats').expect(200)).body;
      // when
      await receive();
      const after = (await request(a.url).get('/api/public/stats').expect(200)).body;
      // then
      const unit = (s: { units: { unitCode: string; received: number; inProgressOnTime: number }[] }) =>
        s.units.find((u) => u.unitCode === CITY) ?? { received: 0, inProgressOnTime: 0 };
      expect(unit(after).received).toBe(unit(before).received + 1);
      expect(unit(after).inProgressOnTime).toBe(unit(before).inProgressOnTime + 1);
      expect(after.total.received).toBe(before.total.received + 1);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM dossiers`);
      expect(after.total.received).toBe(n);
    });

    it('counts a withdrawn dossier as received, neither resolved nor in progress', async () => {
      // given
      const { code } = await receive();
      const before = (await request(a.url).get('/api/public/stats').expect(200)).body;
      // when
      await reception.post(`/api/dossiers/${code}/withdraw`, { reason: 'Công dân rút' }).expect(200);
      const after = (await request(a.url).get('/api/public/stats').expect(200)).body;
      // then
      const COUNTS = [
        'received',
        'resolvedEarly',
        'resolvedOnTime',
        'resolvedLate',
        'inProgressOnTime',
        'inProgressOverdue',
      ];
      const counts = (s: { units: Record<string, unknown>[] }) => {
        const unit = s.units.find((u) => u.unitCode === CITY)!;
        return Object.fromEntries(COUNTS.map((k) => [k, unit[k]]));
      };
      expect(counts(after)).toEqual({
        ...counts(before),
        inProgressOnTime: Number(counts(before).inProgressOnTime) - 1,
      });
    });

    it('filters by period and refuses a malformed day', async () => {
      const none = (await request(a.url).get('/api/public/stats?from=2001-01-01&to=2001-12-31').expect(200)).body;
      const bad = await request(a.url).get('/api/public/stats?from=yesterday').expect(400);
      expect(none.units).toEqual([]);
      expect(none.total.received).toBe(0);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    });
  });

  it('never shows the ID number, phone, address or full name in any public response or SMS', () => {
    expect(seen.length).toBeGreaterThan(40);
    for (const text of seen) for (const datum of PERSONAL) expect(text).not.toContain(datum);
  });
});

import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestServer, type TestServer } from '../support/test-app';
import { login, samples } from './files.support';
import { flatTextOf, getPdf } from './forms.support';
import { db, openTask, signIn, type Api } from './workflow.helpers';

jest.setTimeout(120_000);

/** Feature: officers' opinions (ý kiến xử lý) with the steps they complete (issue 16, item 1). */
describe('task opinions (e2e)', () => {
  let server: TestServer;
  let users: Record<'admin' | 'reception' | 'specialist' | 'head' | 'outsider', Api>;
  const run = randomUUID().slice(0, 8);
  const applicant = {
    fullName: 'Trần Văn Bình',
    idNumber: '066190007777',
    phone: '0905111222',
    address: 'Phường Tân Lợi',
  };

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    const names = ['admin', 'reception', 'specialist', 'head', 'specialist.tuphap'] as const;
    const apis = await Promise.all(names.map((name) => signIn(server, name)));
    users = { admin: apis[0], reception: apis[1], specialist: apis[2], head: apis[3], outsider: apis[4] };
  });
  afterAll(() => server?.close());

  /** A household-business dossier (dang-ky-ho-kinh-doanh: desk → specialist → head) and its instance id. */
  async function receive(): Promise<{ code: string; lookupKey: string; instanceId: string }> {
    const body = {
      procedureCode: '1.001612',
      applicant,
      channel: 'direct',
      documents: ['giay-de-nghi', 'giay-to-phap-ly'],
    };
    const received = (await users.reception.post('/api/dossiers', body).expect(201)).body;
    const [{ instance_id: instanceId }] = await db(server).query(`SELECT instance_id FROM dossiers WHERE code = $1`, [
      received.code,
    ]);
    return { ...received, instanceId };
  }

  const complete = (who: Api, taskId: string, body: object) => who.post(`/api/tasks/${taskId}/complete`, body);

  it('stores each opinion with its step and shows them newest first to the next officer, on the dossier, the instance and Form 05', async () => {
    // given a dossier taken by the desk and the specialist, each with an opinion
    const dossier = await receive();
    const deskOpinion = `Hồ sơ đầy đủ thành phần ${run}`;
    const specialistOpinion = `Đủ điều kiện đăng ký, tên không trùng ${run}`;
    const desk = await openTask(users.admin, dossier.instanceId, 'Task_TiepNhan');
    await complete(users.reception, desk.id, { variables: {}, opinion: deskOpinion }).expect(200);
    const review = await openTask(users.admin, dossier.instanceId, 'Task_ThamDinh');
    await complete(users.specialist, review.id, {
      variables: { outcome: 'approved', approved: true },
      opinion: `  ${specialistOpinion}\n`,
    }).expect(200);

    // when the head opens the approval step
    const approval = await openTask(users.admin, dossier.instanceId, 'Task_PheDuyet');
    const seen = await users.head.get(`/api/tasks/${approval.id}/opinions`).expect(200);

    // then both opinions are there, newest first, with author, unit and step
    expect(seen.body.total).toBe(2);
    expect(seen.body.items.map((o: { text: string }) => o.text)).toEqual([specialistOpinion, deskOpinion]);
    expect(seen.body.items[0]).toMatchObject({
      taskId: review.id,
      businessKey: dossier.code,
      elementId: 'Task_ThamDinh',
      step: 'Thẩm định hồ sơ, dự thảo giấy chứng nhận',
      outcome: 'approved',
      author: {
        username: 'specialist',
        fullName: expect.any(String),
        unitCode: review.unitCode,
        unitName: expect.stringMatching(/\S/),
      },
      attachments: [],
      createdAt: expect.any(String),
    });
    expect(seen.body.items[0].author.unitName).not.toBe(review.unitCode);
    // and the opinion is also the `note` variable the diagrams and Form 03 read
    const instance = (await users.admin.get(`/api/instances/${dossier.instanceId}`).expect(200)).body;
    expect(instance.variables.note).toBe(specialistOpinion);
    expect(instance.opinions.map((o: { text: string }) => o.text)).toEqual([specialistOpinion, deskOpinion]);
    const completedReview = instance.history.find(
      (h: { type: string; taskId?: string }) => h.type === 'task.completed' && h.taskId === review.id,
    );
    expect(completedReview.opinion).toEqual({ id: expect.any(String), text: specialistOpinion, attachments: [] });

    // and the dossier carries them, each on its row of the control slip
    const detail = (await users.reception.get(`/api/dossiers/${dossier.code}`).expect(200)).body;
    expect(detail.opinions.map((o: { text: string }) => o.text)).toEqual([specialistOpinion, deskOpinion]);
    expect(detail.history.map((row: { opinion?: { text: string } | null }) => row.opinion?.text ?? null)).toEqual([
      deskOpinion,
      specialistOpinion,
      null,
    ]);
    const slip = await flatTextOf(
      (await getPdf(users.reception, `/api/dossiers/${dossier.code}/control-slip.pdf`).expect(200)).body,
    );
    expect(slip).toContain('Ý kiến xử lý');
    expect(slip).toContain(specialistOpinion);
    expect(slip).toContain(deskOpinion);

    // and the specialist's decision is in the audit log under the dossier (issue 19 item 6); the desk's step, with no outcome, is not
    const audit = (
      await users.admin
        .get(`/api/admin/audit?action=task.decided&subject=${encodeURIComponent(`dossier:${dossier.code}`)}`)
        .expect(200)
    ).body;
    expect(audit.items.map((e: { actor: string; data: unknown }) => [e.actor, e.data])).toEqual([
      [
        'specialist',
        {
          taskId: review.id,
          elementId: 'Task_ThamDinh',
          step: 'Thẩm định hồ sơ, dự thảo giấy chứng nhận',
          outcome: 'approved',
          instanceId: dossier.instanceId,
        },
      ],
    ]);
  });

  it('refuses a send-back without its reason (OPINION_REQUIRED) and changes nothing; a `note` variable still counts as the opinion', async () => {
    // given a dossier at the head's approval
    const dossier = await receive();
    for (const [elementId, who] of [
      ['Task_TiepNhan', users.reception],
      ['Task_ThamDinh', users.specialist],
    ] as const) {
      await complete(who, (await openTask(users.admin, dossier.instanceId, elementId)).id, {
        variables: { outcome: 'approved', approved: true },
      }).expect(200);
    }
    const approval = await openTask(users.admin, dossier.instanceId, 'Task_PheDuyet');

    // when the head sends it back with no opinion, or only blanks
    const none = await complete(users.head, approval.id, { variables: { outcome: 'rework', approved: false } });
    const blank = await complete(users.head, approval.id, {
      variables: { outcome: 'rework', approved: false },
      opinion: '   ',
    });

    // then both are refused with the stable code, and the step is still open with no opinion stored
    for (const res of [none, blank]) expect([res.status, res.body.code]).toEqual([400, 'OPINION_REQUIRED']);
    expect((await openTask(users.admin, dossier.instanceId, 'Task_PheDuyet')).id).toBe(approval.id);
    expect(await db(server).query(`SELECT 1 FROM task_opinions WHERE task_id = $1`, [approval.id])).toEqual([]);
    // when an old client writes the reason as `note`, it is the opinion
    await complete(users.head, approval.id, {
      variables: { outcome: 'rework', approved: false, note: `Bổ sung xác nhận tên ${run}` },
    }).expect(200);
    const detail = (await users.reception.get(`/api/dossiers/${dossier.code}`).expect(200)).body;
    expect(detail.opinions[0]).toMatchObject({
      text: `Bổ sung xác nhận tên ${run}`,
      outcome: 'rework',
      author: { username: 'head' },
    });
    expect(detail.opinions).toHaveLength(1);
  });

  it('refuses attachments that are not files uploaded for the step (FILE_NOT_ATTACHABLE) and a missing required one (ATTACHMENT_REQUIRED)', async () => {
    // given a step whose form requires a file
    const key = `opinion-files-${run}`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mc="urn:motcua:bpmn:1" id="D" targetNamespace="urn:motcua:test">
  <bpmn:process id="${key}" name="Bước cần tệp" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:userTask id="Task_KiemTra" name="Kiểm tra thực địa" mc:unit="receiving" mc:candidateGroups="specialist" mc:form="{&quot;attachments&quot;:&quot;required&quot;,&quot;opinion&quot;:&quot;required&quot;}" />
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_KiemTra" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_KiemTra" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;
    await users.admin.deployXml(xml).expect(201);
    const instanceId = (
      await users.admin.post('/api/instances', { definitionKey: key, businessKey: `OPN-${run}` }).expect(201)
    ).body.id;
    const task = await openTask(users.admin, instanceId, 'Task_KiemTra');

    // when the specialist completes it without an opinion, without a file, and with a file id nobody uploaded
    const noOpinion = await complete(users.specialist, task.id, { attachments: [randomUUID()] });
    const noFile = await complete(users.specialist, task.id, { opinion: 'Đã kiểm tra thực địa' });
    const stranger = randomUUID();
    const notMine = await complete(users.specialist, task.id, {
      opinion: 'Đã kiểm tra thực địa',
      attachments: [stranger],
    });
    const notUuid = await complete(users.specialist, task.id, {
      opinion: 'Đã kiểm tra thực địa',
      attachments: ['../../etc/passwd'],
    });

    // then each is refused with its own code, and the task stays open
    expect([noOpinion.status, noOpinion.body.code]).toEqual([400, 'OPINION_REQUIRED']);
    expect([noFile.status, noFile.body.code]).toEqual([400, 'ATTACHMENT_REQUIRED']);
    expect([notMine.status, notMine.body.code, notMine.body.details]).toEqual([
      400,
      'FILE_NOT_ATTACHABLE',
      { fileIds: [stranger] },
    ]);
    expect([notUuid.status, notUuid.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await openTask(users.admin, instanceId, 'Task_KiemTra')).status).toBe('open');
  });

  it('keeps the files attached to a step with its opinion, and refuses files of another step or of another kind', async () => {
    // given a dossier at the desk's step, a PDF uploaded as its attachment and a scan uploaded as a document
    const dossier = await receive();
    const token = await login(server, 'reception');
    const desk = await openTask(users.admin, dossier.instanceId, 'Task_TiepNhan');
    const upload = (fields: Record<string, string>, bytes: Buffer, name: string) => {
      const req = request(server.url)
        .post(`/api/dossiers/${dossier.code}/files`)
        .set('Authorization', `Bearer ${token}`);
      for (const [field, value] of Object.entries(fields)) req.field(field, value);
      return req.attach('file', bytes, name);
    };
    const report = (
      await upload({ kind: 'attachment', taskId: desk.id }, samples.pdf(5000), 'bien-ban-kiem-tra.pdf').expect(201)
    ).body.items[0];
    const scan = (
      await upload({ kind: 'document', documentKey: 'giay-de-nghi' }, samples.png(), 'giay-de-nghi.png').expect(201)
    ).body.items[0];

    // when the desk attaches the scan of a document, then the report
    const wrongKind = await complete(users.reception, desk.id, { opinion: 'Kèm biên bản', attachments: [scan.id] });
    await complete(users.reception, desk.id, {
      opinion: `Kèm biên bản kiểm tra ${run}`,
      attachments: [report.id, report.id],
    }).expect(200);

    // then the scan is refused, and the report is kept once with the opinion, named, on the dossier and Form 05
    expect([wrongKind.status, wrongKind.body.code, wrongKind.body.details]).toEqual([
      400,
      'FILE_NOT_ATTACHABLE',
      { fileIds: [scan.id] },
    ]);
    const detail = (await users.reception.get(`/api/dossiers/${dossier.code}`).expect(200)).body;
    expect(detail.opinions[0].attachments).toEqual([
      { id: report.id, name: 'bien-ban-kiem-tra.pdf', contentType: 'application/pdf', size: 5000 },
    ]);
    const slip = await flatTextOf(
      (await getPdf(users.reception, `/api/dossiers/${dossier.code}/control-slip.pdf`).expect(200)).body,
    );
    expect(slip).toContain('bien-ban-kiem-tra.pdf');
    // and the next step cannot attach the desk's file: it was uploaded for another step
    const review = await openTask(users.admin, dossier.instanceId, 'Task_ThamDinh');
    const otherStep = await complete(users.specialist, review.id, {
      variables: { outcome: 'approved', approved: true },
      attachments: [report.id],
    });
    expect([otherStep.status, otherStep.body.code]).toEqual([400, 'FILE_NOT_ATTACHABLE']);
  });

  it('never shows an opinion on the public lookup, with or without the key, nor in the SMS reply', async () => {
    // given a dossier with an opinion written on its first step
    const dossier = await receive();
    const secret = `Ý kiến nội bộ không công khai ${run}`;
    await complete(users.reception, (await openTask(users.admin, dossier.instanceId, 'Task_TiepNhan')).id, {
      opinion: secret,
    }).expect(200);
    expect((await users.reception.get(`/api/dossiers/${dossier.code}`).expect(200)).body.opinions[0].text).toBe(secret);

    // when the citizen looks it up by code, by code and key, and by SMS
    const byCode = await request(server.url).get(`/api/public/dossiers/${dossier.code}`).expect(200);
    const withKey = await request(server.url)
      .get(`/api/public/dossiers/${dossier.code}?key=${dossier.lookupKey}`)
      .expect(200);
    const sms = await request(server.url)
      .post('/api/sms/inbound')
      .set('x-sms-secret', process.env.SMS_INBOUND_SECRET!)
      .send({ from: '0905111222', text: `HS ${dossier.code}` })
      .expect(200);

    // then none of the answers holds the opinion (nor its `note` copy) or the word for it
    expect(withKey.body.timeline).toBeDefined();
    for (const res of [byCode, withKey, sms]) {
      expect(JSON.stringify(res.body)).not.toContain(run);
      expect(JSON.stringify(res.body)).not.toMatch(/opinion|ý kiến/i);
    }
  });

  it("answers 404 for the opinions of a task outside the caller's unit", async () => {
    const dossier = await receive();
    const desk = await openTask(users.admin, dossier.instanceId, 'Task_TiepNhan');
    const res = await users.outsider.get(`/api/tasks/${desk.id}/opinions`).expect(404);
    expect(res.body.code).toBe('TASK_NOT_FOUND');
  });
});

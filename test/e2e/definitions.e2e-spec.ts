import request from 'supertest';
import { startTestServer, type TestServer } from '../support/test-app';
import { fixture, rowCounts, signIn, withKey, type Api } from './workflow.helpers';

const single = (
  key: string,
  taskAttributes = 'mc:candidateGroups="specialist"',
) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mc="urn:motcua:bpmn:1" id="D" targetNamespace="urn:test">
  <bpmn:process id="${key}" name="Quy trình ${key}" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:userTask id="Task_A" name="Xử lý" ${taskAttributes} />
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_A" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_A" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

// Project-level testTimeout is not applied by jest 30 here; servers and fifty-user scenarios need more than 5 s.
jest.setTimeout(60_000);

/** Feature: administrators deploy BPMN; every deploy of a key is a new version; bad input changes nothing. */
describe('definitions (e2e)', () => {
  let server: TestServer;
  let admin: Api;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    admin = await signIn(server, 'admin');
    token = (
      await request(server.url)
        .post('/api/auth/login')
        .send({ username: 'admin', password: process.env.DEMO_PASSWORD ?? 'motcua-demo' })
    ).body.accessToken;
  });
  afterAll(() => server?.close());

  describe('POST /api/definitions', () => {
    it('deploys a text/xml body as version 1, then version 2, and returns the warnings', async () => {
      // when
      const first = await admin.deployXml(single('def-versions', '')).expect(201);
      const second = await admin.deployXml(single('def-versions')).expect(201);
      // then
      expect(first.body).toMatchObject({
        id: expect.any(String),
        key: 'def-versions',
        version: 1,
        name: 'Quy trình def-versions',
      });
      expect(first.body.warnings).toContainEqual({
        elementId: 'Task_A',
        code: 'TASK_UNASSIGNED',
        message: expect.any(String),
      });
      expect(second.body).toMatchObject({ key: 'def-versions', version: 2, warnings: [] });
      const list = await admin.get('/api/definitions?key=def-versions').expect(200);
      expect(list.body).toEqual({
        total: 2,
        items: [expect.objectContaining({ version: 2 }), expect.objectContaining({ version: 1 })],
      });
    });

    it('gives concurrent deploys of one key distinct consecutive versions', async () => {
      // when ten deploys race
      const responses = await Promise.all(Array.from({ length: 10 }, () => admin.deployXml(single('def-race'))));
      // then
      expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
      expect(responses.map((r) => r.body.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    it('accepts a multipart upload in the field "file"', async () => {
      const res = await request(server.url)
        .post('/api/definitions')
        .set('Authorization', `Bearer ${token}`)
        .attach('file', Buffer.from(single('def-upload')), {
          filename: 'def-upload.bpmn',
          contentType: 'application/octet-stream',
        })
        .expect(201);
      expect(res.body).toMatchObject({ key: 'def-upload', version: 1 });
    });

    it('deploys each executable process of a collaboration and describes the first', async () => {
      // given two processes, the second not executable
      const xml = single('def-collab-a').replace(
        '</bpmn:definitions>',
        `
        <bpmn:process id="def-collab-b" isExecutable="true"><bpmn:startEvent id="S2" /><bpmn:endEvent id="E2" /><bpmn:sequenceFlow id="G1" sourceRef="S2" targetRef="E2" /></bpmn:process>
        <bpmn:process id="def-collab-citizen" isExecutable="false"><bpmn:startEvent id="S3" /><bpmn:endEvent id="E3" /><bpmn:sequenceFlow id="G2" sourceRef="S3" targetRef="E3" /></bpmn:process>
      </bpmn:definitions>`,
      );
      // when
      const res = await admin.deployXml(xml).expect(201);
      // then
      expect(res.body).toMatchObject({ key: 'def-collab-a', version: 1 });
      expect(res.body.processes.map((p: { key: string }) => p.key)).toEqual(['def-collab-a', 'def-collab-b']);
      await admin.get('/api/definitions/def-collab-citizen/xml').expect(404);
    });

    it('deploys the processes of a file where none is marked executable (a modeler default)', async () => {
      const res = await admin
        .deployXml(single('def-not-marked').replace('isExecutable="true"', 'isExecutable="false"'))
        .expect(201);
      expect(res.body).toMatchObject({ key: 'def-not-marked', version: 1 });
    });

    it('refuses a collaboration when a participant that is not deployed has errors (nothing is dropped silently)', async () => {
      const xml = single('def-collab-bad').replace(
        '</bpmn:definitions>',
        `
        <bpmn:process id="def-collab-bad-citizen" isExecutable="false"><bpmn:startEvent id="S4" /><bpmn:userTask id="Citizen_Step" mc:duration="soon" /><bpmn:sequenceFlow id="G3" sourceRef="S4" targetRef="Citizen_Step" /></bpmn:process>
      </bpmn:definitions>`,
      );
      const res = await admin.deployXml(xml).expect(400);
      expect(res.body.details).toContainEqual(
        expect.objectContaining({ elementId: 'Citizen_Step', code: 'DURATION_INVALID' }),
      );
    });

    it('keeps running instances on their version', async () => {
      // given
      await admin.deployXml(single('def-pinned')).expect(201);
      const old = await admin.post('/api/instances', { definitionKey: 'def-pinned' }).expect(201);
      // when
      await admin.deployXml(single('def-pinned').replace('name="Xử lý"', 'name="Xử lý (mới)"')).expect(201);
      const fresh = await admin.post('/api/instances', { definitionKey: 'def-pinned' }).expect(201);
      // then
      expect(old.body.version).toBe(1);
      expect(old.body.tasks[0].name).toBe('Xử lý');
      expect(fresh.body.version).toBe(2);
      expect(fresh.body.tasks[0].name).toBe('Xử lý (mới)');
    });
  });

  describe('bad input: a 4xx with a stable code, and nothing changes', () => {
    const cases: [string, () => Promise<request.Response>, number, string][] = [
      [
        'malformed XML',
        () =>
          admin.deployXml('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process'),
        400,
        'BPMN_MALFORMED',
      ],
      [
        'XML that is not BPMN',
        () => admin.deployXml('<?xml version="1.0"?><html><body>Tờ khai</body></html>'),
        400,
        'BPMN_NOT_BPMN',
      ],
      ['an empty body', () => admin.deployXml(''), 400, 'BPMN_MISSING'],
      ['a JSON body', () => admin.post('/api/definitions', { xml: 42 }), 400, 'BPMN_MISSING'],
      [
        'an invalid diagram',
        () => admin.deployXml(single('def-invalid', 'mc:candidateGroups="specialist" mc:duration="soon"')),
        400,
        'BPMN_INVALID',
      ],
      [
        'an XML body over the size limit',
        () =>
          admin.deployXml(
            single('def-big').replace(
              '</bpmn:definitions>',
              `<!-- ${'x'.repeat(3 * 1024 * 1024)} --></bpmn:definitions>`,
            ),
          ),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      [
        'an upload over the size limit',
        () =>
          request(server.url)
            .post('/api/definitions')
            .set('Authorization', `Bearer ${token}`)
            .attach('file', Buffer.alloc(3 * 1024 * 1024, 'a'), 'big.bpmn'),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      [
        'an unknown definition key',
        () => admin.post('/api/instances', { definitionKey: 'no-such-process' }),
        404,
        'DEFINITION_NOT_FOUND',
      ],
      ['a start without a definition key', () => admin.post('/api/instances', {}), 400, 'VALIDATION_FAILED'],
      [
        'the XML of an unknown key',
        () => admin.get('/api/definitions/no-such-process/xml'),
        404,
        'DEFINITION_NOT_FOUND',
      ],
    ];

    it.each(cases)('%s', async (_name, send, status, code) => {
      // given
      const before = await rowCounts(server);
      // when
      const res = await send();
      // then
      expect(res.status).toBe(status);
      expect(res.body).toEqual(expect.objectContaining({ statusCode: status, code, message: expect.any(String) }));
      expect(await rowCounts(server)).toEqual(before);
    });

    it('lists every error of an invalid diagram in details', async () => {
      const res = await admin
        .deployXml(single('def-invalid-2', 'mc:candidateGroups="specialist" mc:duration="soon"'))
        .expect(400);
      expect(res.body.details).toEqual([
        { elementId: 'Task_A', code: 'DURATION_INVALID', message: expect.any(String) },
      ]);
    });

    it('is for administrators only', async () => {
      const reception = await signIn(server, 'reception');
      expect((await reception.deployXml(fixture('parallel-review.bpmn'))).status).toBe(403);
      expect((await reception.get('/api/definitions')).status).toBe(403);
      expect(
        (
          await request(server.url)
            .post('/api/definitions')
            .set('Content-Type', 'text/xml')
            .send(withKey(fixture('parallel-review.bpmn'), 'parallel-review', 'x'))
        ).status,
      ).toBe(401);
    });
  });
});

import request from 'supertest';
import { startTestServer, type TestServer } from '../support/test-app';
import { DEMO_PASSWORD, fixture, processFile, signIn, type Api } from './workflow.helpers';

// The modeler's live validation (issue 7): the server's validator, without deploying.
describe('POST /api/definitions/validate', () => {
  let server: TestServer;
  let admin: Api;
  let adminToken: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await signIn(server, 'admin');
    adminToken = (
      await request(server.url).post('/api/auth/login').send({ username: 'admin', password: DEMO_PASSWORD })
    ).body.accessToken;
  });
  afterAll(() => server.close());

  const validate = (xml: string, token = adminToken) =>
    request(server.url)
      .post('/api/definitions/validate')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'text/xml')
      .send(xml);

  it('reports a valid diagram as valid, and deploys nothing', async () => {
    // given a valid diagram and the number of deployed versions
    const before = (await admin.get('/api/definitions?key=four-steps')).body.total;
    // when it is validated
    const res = await validate(fixture('four-steps.bpmn'));
    // then it is valid and nothing was deployed
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: true, errors: [] });
    expect((await admin.get('/api/definitions?key=four-steps')).body.total).toBe(before);
  });

  it('lists errors on their elements with 200', async () => {
    // given a diagram whose condition is not FEEL
    const xml = fixture('parallel-review.bpmn').replace(/(<bpmn:conditionExpression[^>]*>)[^<]*</, '$1=(approved <');
    // when it is validated
    const res = await validate(xml);
    // then the error names the flow
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'FEEL_INVALID', elementId: expect.any(String) })]),
    );
  });

  it('names an unknown outcome and a refusal without its reason on the end event, in Vietnamese (ADR 0011)', async () => {
    // given the shipped household business with its refusal end event's reason removed, and one with a made-up outcome
    const shipped = processFile('dang-ky-ho-kinh-doanh.bpmn');
    const noReason = shipped.replace(' mc:reason="rejectionReason"', '');
    const unknown = shipped.replace('mc:outcome="rejected"', 'mc:outcome="tu-choi"');
    // when they are validated
    const [a, b, ok] = await Promise.all([validate(noReason), validate(unknown), validate(shipped)]);
    // then each error is on the end event, with a message an administrator reads; the shipped one is valid
    expect(a.body).toMatchObject({
      valid: false,
      errors: [
        {
          elementId: 'EndEvent_TuChoi',
          code: 'OUTCOME_REASON_MISSING',
          message: expect.stringMatching(/^Từ chối giải quyết phải có lý do gửi công dân/),
        },
      ],
    });
    expect(b.body.errors).toEqual([
      expect.objectContaining({
        elementId: 'EndEvent_TuChoi',
        code: 'OUTCOME_UNKNOWN',
        message: expect.stringContaining('Kết quả hồ sơ "tu-choi" không hợp lệ'),
      }),
    ]);
    expect(ok.body).toMatchObject({ valid: true, errors: [] });
  });

  it('refuses at deploy what the engine would have ignored, each with its code and element id (issue 21 item 1)', async () => {
    // given the four diagrams of the conformance findings the engine now refuses rather than ignores
    const cases: [string, string, string][] = [
      ['activity-quantities.bpmn', 'QUANTITY_INVALID', 'Task_Start_Zero'],
      ['activity-quantities.bpmn', 'QUANTITY_UNSUPPORTED', 'Task_Completion_Two'],
      ['multi-instance-behavior.bpmn', 'MULTI_INSTANCE_BEHAVIOR_UNSUPPORTED', 'Task_One'],
      ['call-global-task.bpmn', 'CALL_GLOBAL_TASK_UNSUPPORTED', 'Call_Review'],
    ];
    for (const [file, code, elementId] of cases) {
      // when each is deployed
      const res = await admin.deployXml(fixture(file));
      // then it is a 400 BPMN_INVALID naming the element, never an empty id
      expect([file, res.status, res.body.code]).toEqual([file, 400, 'BPMN_INVALID']);
      expect(res.body.details).toContainEqual(expect.objectContaining({ code, elementId }));
      expect(res.body.details.filter((issue: { elementId: string }) => issue.elementId === '')).toEqual([]);
    }
  });

  it('refuses malformed XML with 400 BPMN_MALFORMED', async () => {
    const res = await validate('<bpmn:definitions');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BPMN_MALFORMED');
  });

  it('is for administrators only', async () => {
    // given a specialist's token
    const token = (
      await request(server.url).post('/api/auth/login').send({ username: 'specialist', password: DEMO_PASSWORD })
    ).body.accessToken;
    // when they validate, then 403
    const res = await validate(fixture('four-steps.bpmn'), token);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN_ROLE');
  });
});

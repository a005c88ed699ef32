import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestServer, type TestServer } from '../support/test-app';
import { citizenToken, newCitizenPhone } from './citizen.support';
import { binary, login, samples, sha256 } from './files.support';
import { db } from './workflow.helpers';

jest.setTimeout(120_000);

/**
 * Issue 18 item 4: "my dossiers". A citizen signed in by phone sees the dossiers received at the desk
 * with that phone as the applicant's (typed in either form), each with what /tra-cuu shows with the
 * lookup key (status, appointment, the public timeline), the desk's citizen-facing messages, and the
 * electronic result; another phone's dossier is not found (404), as is everything to a staff token.
 */
describe('my dossiers (citizen)', () => {
  let server: TestServer;
  let reception: string;
  let specialist: string;

  const receive = async (
    phone: string,
    procedureCode = '1.001612',
    documents = ['giay-de-nghi', 'giay-to-phap-ly'],
  ) => {
    const res = await request(server.url)
      .post('/api/dossiers')
      .set('Authorization', `Bearer ${reception}`)
      .send({
        procedureCode,
        applicant: { fullName: 'Phạm Thị Công Dân', idNumber: '066190007777', phone },
        channel: 'direct',
        documents,
      })
      .expect(201);
    return res.body as { code: string; lookupKey: string };
  };
  const as = (token: string) => ({
    get: (path: string) => request(server.url).get(path).set('Authorization', `Bearer ${token}`),
  });

  beforeAll(async () => {
    process.env.THROTTLE_PREFIX = `test-${randomUUID().slice(0, 8)}`;
    server = await startTestServer({ runWorkers: false });
    [reception, specialist] = await Promise.all([login(server, 'reception'), login(server, 'specialist')]);
  });
  afterAll(() => server?.close());

  it("lists the citizen's own dossiers with status, appointment and the public timeline; another phone's is 404", async () => {
    // given two dossiers of one citizen (the phone typed once as +84…) and one of a neighbour
    const phone = newCitizenPhone();
    const neighbour = newCitizenPhone();
    const first = await receive(phone);
    const second = await receive(`+84${phone.slice(1)}`);
    const theirs = await receive(neighbour);
    // when the citizen signs in and opens "my dossiers"
    const citizen = as(await citizenToken(server.url, db(server), phone));
    const list = await citizen.get('/api/citizen/dossiers').expect(200);
    // then exactly the two are listed, newest first, with status and appointment
    expect(list.body.items.map((d: { code: string }) => d.code)).toEqual([second.code, first.code]);
    expect(list.body.total).toBe(2);
    expect(list.body.items[0]).toMatchObject({
      status: 'received',
      statusLabel: expect.any(String),
      procedureName: expect.any(String),
      appointmentAt: expect.any(String),
      overdue: false,
    });
    // and one dossier shows exactly what the lookup with the key shows, plus the desk's messages
    const mine = await citizen.get(`/api/citizen/dossiers/${first.code.toLowerCase()}`).expect(200);
    const lookup = await request(server.url)
      .get(`/api/public/dossiers/${first.code}?key=${first.lookupKey}`)
      .expect(200);
    const { receivedAt, messages, electronicResult, ...asLookup } = mine.body;
    expect(asLookup).toEqual(lookup.body);
    expect(lookup.body.timeline.length).toBeGreaterThan(0);
    expect(new Date(receivedAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(messages).toEqual([]);
    expect(typeof electronicResult).toBe('boolean');
    // and the neighbour's dossier is not found, nor its results, as an unknown code is
    for (const path of [`/api/citizen/dossiers/${theirs.code}`, `/api/citizen/dossiers/${theirs.code}/results`]) {
      const refused = await citizen.get(path);
      expect([path, refused.status, refused.body.code]).toEqual([path, 404, 'DOSSIER_NOT_FOUND']);
    }
    expect((await citizen.get('/api/citizen/dossiers/000.00.20.H15-000000-0000')).body.code).toBe('DOSSIER_NOT_FOUND');
    // and a staff token or no token reads none of it
    for (const token of [reception, 'none']) {
      const refused = await as(token).get('/api/citizen/dossiers');
      expect([refused.status, refused.body.code]).toEqual([401, 'CITIZEN_AUTH_REQUIRED']);
    }
  });

  it("shows the desk's citizen-facing messages: a supplement request's reason and documents by name, never an officer's note", async () => {
    // given a dossier the desk asked to complete, with a listed document and one typed in
    const phone = newCitizenPhone();
    const { code } = await receive(phone);
    await request(server.url)
      .post(`/api/dossiers/${code}/supplement-request`)
      .set('Authorization', `Bearer ${reception}`)
      .send({
        reason: 'Thiếu bản sao giấy tờ pháp lý có chứng thực',
        documents: ['giay-to-phap-ly', 'Sơ đồ địa điểm kinh doanh'],
      })
      .expect(200);
    // when the citizen opens it
    const citizen = as(await citizenToken(server.url, db(server), phone));
    const mine = await citizen.get(`/api/citizen/dossiers/${code}`).expect(200);
    // then the status says a supplement is needed and the message carries the desk's reason and the documents' names
    expect(mine.body.status).toBe('supplement_required');
    expect(mine.body.messages).toEqual([
      {
        at: expect.any(String),
        kind: 'supplement_request',
        text: 'Thiếu bản sao giấy tờ pháp lý có chứng thực',
        documents: [expect.not.stringMatching(/^giay-to-phap-ly$/), 'Sơ đồ địa điểm kinh doanh'],
      },
    ]);
    // and nothing of who acted
    expect(JSON.stringify(mine.body)).not.toMatch(/reception|actor|note/);
  });

  it('downloads the electronic result with the citizen token instead of the lookup key', async () => {
    // given a copy certification (electronic result) of the citizen, worked to its signed result
    const phone = newCitizenPhone();
    const { code } = await receive(phone, '2.000815', ['ban-chinh', 'ban-sao']);
    const step = async (elementId: string, token: string) => {
      const [task] = await db(server).query(
        `SELECT t.id FROM tasks t JOIN dossiers d ON d.instance_id = t.instance_id WHERE d.code = $1 AND t.element_id = $2 AND t.status = 'open'`,
        [code, elementId],
      );
      const auth = `Bearer ${token}`;
      await request(server.url).post(`/api/tasks/${task.id}/claim`).set('Authorization', auth).expect(200);
      await request(server.url)
        .post(`/api/tasks/${task.id}/complete`)
        .set('Authorization', auth)
        .send({ variables: { note: 'Đã xử lý', pages: 2 } })
        .expect(200);
    };
    await step('Task_TiepNhan', reception);
    const result = samples.pdf(50_000);
    const [file] = (
      await request(server.url)
        .post(`/api/dossiers/${code}/files`)
        .set('Authorization', `Bearer ${specialist}`)
        .field('kind', 'result')
        .attach('file', result, { filename: 'Bản sao chứng thực.pdf' })
        .expect(201)
    ).body.items;
    const citizen = as(await citizenToken(server.url, db(server), phone));
    // then before the signature nothing is listed
    expect((await citizen.get(`/api/citizen/dossiers/${code}/results`).expect(200)).body).toEqual({
      items: [],
      total: 0,
      ready: false,
    });
    // when the certification is signed
    await step('Task_ChungThuc', specialist);
    // then the citizen lists and downloads it as uploaded
    const detail = await citizen.get(`/api/citizen/dossiers/${code}`).expect(200);
    expect(detail.body.electronicResult).toBe(true);
    const listed = await citizen.get(`/api/citizen/dossiers/${code}/results`).expect(200);
    expect(listed.body.items.map((f: { id: string }) => f.id)).toEqual([file.id]);
    const download = await citizen
      .get(`/api/citizen/dossiers/${code}/results/${file.id}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(sha256(download.body as Buffer)).toBe(sha256(result));
    // and another citizen gets 404 for the same file
    const other = as(await citizenToken(server.url, db(server), newCitizenPhone()));
    expect((await other.get(`/api/citizen/dossiers/${code}/results/${file.id}`)).status).toBe(404);
  });
});

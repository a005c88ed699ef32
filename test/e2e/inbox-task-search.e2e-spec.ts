import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SEARCH_COUNT_CAP } from '../../libs/workflow/src/persistence/tasks.repository';
import { startTestServer, type TestServer } from '../support/test-app';
import { signIn, type Api } from './workflow.helpers';

jest.setTimeout(120_000);

/**
 * The inbox searches the open step's own folded text (migration 1764601610000, ADR 0032): written with the step
 * and with its dossier in the same transaction, changed with the applicant, and a search's total counted up to
 * SEARCH_COUNT_CAP.
 */
describe('inbox search on the open step (e2e)', () => {
  let server: TestServer;
  let reception: Api;
  let db: DataSource;

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    reception = await signIn(server, 'reception');
    db = server.app.get(DataSource);
  });
  afterAll(() => server?.close());

  const receive = async (fullName: string, idNumber: string) =>
    (
      await reception
        .post('/api/dossiers', {
          procedureCode: '1.001612',
          channel: 'direct',
          documents: ['giay-de-nghi', 'giay-to-phap-ly'],
          applicant: { fullName, idNumber, phone: '0905123456' },
        })
        .expect(201)
    ).body.code as string;

  it("a received dossier's open step carries its folded code, applicant and ID number, and follows a change of applicant", async () => {
    const idNumber = `0662${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const code = await receive('Võ Thị Ánh Nguyệt', idNumber);
    // then the step's own text is the dossier's, folded, as soon as the reception has answered
    const [step] = (await db.query(
      `SELECT t.id, t.search_text FROM tasks t JOIN process_instances i ON i.id = t.instance_id
        WHERE i.business_key = $1 AND t.status = 'open'`,
      [code],
    )) as { id: string; search_text: string }[];
    expect(step.search_text).toBe(`${code.toLowerCase()} vo thi anh nguyet ${idNumber}`);
    const found = await reception.get(`/api/tasks?q=${encodeURIComponent('ANH NGUYET')}&limit=100`).expect(200);
    expect(found.body.items.map((t: { id: string }) => t.id)).toContain(step.id);
    // when the applicant's name is corrected on the dossier, then the open step is found by the new one only
    const corrected = `Võ Thị Ánh Ngọc ${randomUUID().slice(0, 4)}`;
    await db.query(
      `UPDATE dossiers SET applicant = applicant || jsonb_build_object('fullName', $2::text) WHERE code = $1`,
      [code, corrected],
    );
    const byNew = await reception.get(`/api/tasks?q=${encodeURIComponent(corrected.toLowerCase())}`).expect(200);
    expect(byNew.body.items.map((t: { id: string }) => t.id)).toEqual([step.id]);
    const stale = await reception.get(`/api/tasks?q=${encodeURIComponent('anh nguyet ' + idNumber)}`).expect(200);
    expect(stale.body.total).toBe(0);
    // and a closed step is still found through its dossier (status=all)
    await db.query(`UPDATE tasks SET status = 'cancelled' WHERE id = $1`, [step.id]);
    const all = await reception.get(`/api/tasks?status=all&q=${idNumber}`).expect(200);
    expect(all.body.items.map((t: { id: string }) => t.id)).toContain(step.id);
    expect((await reception.get(`/api/tasks?q=${idNumber}`).expect(200)).body.total).toBe(0);
  });

  it(`counts a search's matches up to ${SEARCH_COUNT_CAP} and says so`, async () => {
    // given more open steps than the cap whose text holds this run's token (copies of one step, in SQL)
    const token = `zq${randomUUID().slice(0, 6)}`;
    const code = await receive(`Lê Văn ${token}`, '066299999999');
    await db.query(
      `INSERT INTO tasks (id, instance_id, element_id, name, unit_code, candidate_groups, status, created_at, due_at)
       SELECT gen_random_uuid(), t.instance_id, t.element_id, t.name, t.unit_code, t.candidate_groups, 'open', t.created_at, t.due_at
         FROM tasks t JOIN process_instances i ON i.id = t.instance_id, generate_series(1, $2) n
        WHERE i.business_key = $1 AND t.status = 'open'`,
      [code, SEARCH_COUNT_CAP + 5],
    );
    // when the desk searches it, then the page is full and the total is the cap, flagged as a lower bound
    const page = await reception.get(`/api/tasks?q=${token}&limit=20`).expect(200);
    expect(page.body.items).toHaveLength(20);
    expect(page.body).toEqual(expect.objectContaining({ total: SEARCH_COUNT_CAP, totalCapped: true }));
    // and a count below the cap is exact, with no flag
    const none = await reception.get(`/api/tasks?q=${token}x`).expect(200);
    expect(none.body).toEqual({ items: [], total: 0 });
  });
});

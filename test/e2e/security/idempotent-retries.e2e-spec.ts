import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { LookupKeyService } from '../../../libs/dossiers/src';
import { RuntimeService } from '../../../libs/workflow/src';
import { runIdempotent } from '../../../libs/workflow/src/idempotency/idempotency.scope';
import { IdempotencyKeysPurger } from '../../../libs/workflow/src/idempotency/idempotency-keys.purger';
import { requestFingerprint } from '../../../libs/workflow/src/idempotency/idempotency-request.rules';
import { startTestServer, type TestServer } from '../../support/test-app';
import { fixture, openTask, signIn, withKey, type Api } from '../workflow.helpers';

jest.setTimeout(120_000);

/**
 * Issue 15, item 4: a client that retries a creating POST with the same `Idempotency-Key` gets the
 * first answer again, never a second dossier, instance or completion, even when the server died
 * between committing the work and storing its answer.
 */
describe('idempotent retries (Idempotency-Key)', () => {
  let server: TestServer;
  let db: DataSource;
  let reception: Api;
  let otherReception: Api;
  let admin: Api;
  let specialist: Api;

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    db = server.app.get(DataSource);
    [reception, otherReception, admin, specialist] = await Promise.all(
      ['reception', 'reception.tanloi', 'admin', 'specialist'].map((name) => signIn(server, name)),
    );
    await admin.deployXml(withKey(fixture('workflow-single-task.bpmn'), 'single-task', 'idem-single-task')).expect(201);
  });
  afterAll(async () => {
    await db?.query(`DROP TRIGGER IF EXISTS idem_test_crash ON idempotency_keys`).catch(() => undefined);
    await server?.close();
  });

  /** A household registration whose ID number is unique to the test, so its dossiers can be counted. */
  const household = (idNumber: string) => ({
    procedureCode: '1.001612',
    channel: 'direct',
    documents: ['giay-de-nghi', 'giay-to-phap-ly'],
    applicant: { fullName: 'Trần Văn Thử', idNumber, phone: '0905123456', address: 'Phường Tân Lợi, Buôn Ma Thuột' },
  });
  const newIdNumber = () => `0661${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const dossiersOf = async (idNumber: string) =>
    (await db.query(`SELECT code FROM dossiers WHERE applicant->>'idNumber' = $1 ORDER BY code`, [idNumber])).map(
      (r: { code: string }) => r.code,
    );
  const smsOf = async (code: string) =>
    Number((await db.query(`SELECT count(*)::int AS n FROM sms_outbox WHERE code = $1`, [code]))[0].n);
  const instancesOf = async (businessKey: string) =>
    Number(
      (await db.query(`SELECT count(*)::int AS n FROM process_instances WHERE business_key = $1`, [businessKey]))[0].n,
    );

  /** The process dies after the work committed and before the answer is stored: the store step fails. */
  async function crashBeforeTheAnswerIsStored(): Promise<void> {
    await db.query(`CREATE OR REPLACE FUNCTION idem_test_crash() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'simulated crash before the answer is stored'; END $$ LANGUAGE plpgsql`);
    await db.query(`CREATE TRIGGER idem_test_crash BEFORE UPDATE ON idempotency_keys FOR EACH ROW
      WHEN (NEW.status = 'completed') EXECUTE FUNCTION idem_test_crash()`);
  }
  const restart = () => db.query(`DROP TRIGGER IF EXISTS idem_test_crash ON idempotency_keys`);

  describe('POST /api/dossiers', () => {
    it('answers a retry with the same key and body with the first answer, byte for byte: one dossier, one SMS', async () => {
      // given a reception with a key
      const idNumber = newIdNumber();
      const key = randomUUID();
      const first = await reception.post('/api/dossiers', household(idNumber)).set('Idempotency-Key', key);
      expect(first.status).toBe(201);
      // when the client retries it
      const retry = await reception.post('/api/dossiers', household(idNumber)).set('Idempotency-Key', key);
      // then it gets the first answer again, marked as a replay, and nothing was done twice
      expect(retry.status).toBe(201);
      expect(retry.text).toBe(first.text);
      expect(retry.headers['idempotency-replayed']).toBe('true');
      expect(first.headers['idempotency-replayed']).toBeUndefined();
      expect(await dossiersOf(idNumber)).toEqual([first.body.code]);
      expect(await smsOf(first.body.code)).toBe(1);
    });

    it('refuses the same key with another body or on another route (409 IDEMPOTENCY_KEY_REUSED)', async () => {
      // given a used key
      const key = randomUUID();
      const idNumber = newIdNumber();
      const first = await reception.post('/api/dossiers', household(idNumber)).set('Idempotency-Key', key).expect(201);
      // when it comes back with another body, or on another route
      const otherBody = await reception.post('/api/dossiers', household(newIdNumber())).set('Idempotency-Key', key);
      const otherRoute = await reception
        .post(`/api/dossiers/${first.body.code}/refuse`, { reason: 'Thiếu giấy tờ' })
        .set('Idempotency-Key', key);
      // then both are refused and did nothing
      expect({ status: otherBody.status, code: otherBody.body.code }).toEqual({
        status: 409,
        code: 'IDEMPOTENCY_KEY_REUSED',
      });
      expect({ status: otherRoute.status, code: otherRoute.body.code }).toEqual({
        status: 409,
        code: 'IDEMPOTENCY_KEY_REUSED',
      });
      expect(await dossiersOf(idNumber)).toHaveLength(1);
      expect((await db.query(`SELECT status FROM dossiers WHERE code = $1`, [first.body.code]))[0].status).toBe(
        'received',
      );
    });

    it('scopes keys per user: another officer with the same key gets their own dossier, not the first answer', async () => {
      // given a key used by the city desk
      const key = randomUUID();
      const body = household(newIdNumber());
      const city = await reception.post('/api/dossiers', body).set('Idempotency-Key', key).expect(201);
      // when the commune desk sends the same key and body
      const commune = await otherReception.post('/api/dossiers', body).set('Idempotency-Key', key);
      // then it is not a replay of the city's answer
      expect(commune.status).toBe(201);
      expect(commune.headers['idempotency-replayed']).toBeUndefined();
      expect(commune.body.code).not.toBe(city.body.code);
      expect(commune.body.lookupKey).not.toBe(city.body.lookupKey);
    });

    it('refuses a malformed key (400 IDEMPOTENCY_KEY_INVALID) and does nothing', async () => {
      const idNumber = newIdNumber();
      for (const key of ['x'.repeat(256), 'two words', 'tab\tkey']) {
        const res = await reception.post('/api/dossiers', household(idNumber)).set('Idempotency-Key', key);
        expect({ key, status: res.status, code: res.body.code }).toEqual({
          key,
          status: 400,
          code: 'IDEMPOTENCY_KEY_INVALID',
        });
      }
      expect(await dossiersOf(idNumber)).toEqual([]);
    });

    it('gives ten simultaneous requests with one key exactly one dossier; the others replay it or are told it is in progress', async () => {
      // given one key and one body
      const key = randomUUID();
      const idNumber = newIdNumber();
      // when ten copies arrive at once
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          reception.post('/api/dossiers', household(idNumber)).set('Idempotency-Key', key),
        ),
      );
      // then one dossier exists, and every answer is it or a 409 IDEMPOTENCY_KEY_IN_PROGRESS
      const codes = await dossiersOf(idNumber);
      expect(codes).toHaveLength(1);
      for (const answer of answers) {
        if (answer.status === 201) expect(answer.body.code).toBe(codes[0]);
        else
          expect({ status: answer.status, code: answer.body.code }).toEqual({
            status: 409,
            code: 'IDEMPOTENCY_KEY_IN_PROGRESS',
          });
      }
      expect(answers.filter((a) => a.status === 201 && !a.headers['idempotency-replayed'])).toHaveLength(1);
      expect(await smsOf(codes[0])).toBe(1);
    });

    it('answers a retry after a crash between commit and answer with the same dossier (and its lookup key), not a second one', async () => {
      // given a reception whose process dies once the dossier is committed, before the answer is stored
      const key = randomUUID();
      const idNumber = newIdNumber();
      await crashBeforeTheAnswerIsStored();
      // (here the store step fails: the first answer still reaches the client, then it is as if it had not)
      await reception.post('/api/dossiers', household(idNumber)).set('Idempotency-Key', key).expect(201);
      await restart();
      const [code] = await dossiersOf(idNumber);
      expect(code).toBeDefined();
      // when the client retries
      const retry = await reception.post('/api/dossiers', household(idNumber)).set('Idempotency-Key', key);
      // then it learns the dossier that was created, with a lookup key that opens it
      expect(retry.status).toBe(201);
      expect(retry.body).toMatchObject({ code, status: 'received', lookupKey: expect.stringMatching(/^[A-Z2-9]{6}$/) });
      expect(await dossiersOf(idNumber)).toEqual([code]);
      expect(await smsOf(code)).toBe(1);
      const stored = (await db.query(`SELECT lookup_key_hash FROM dossiers WHERE code = $1`, [code]))[0];
      expect(server.app.get(LookupKeyService).hash(code, retry.body.lookupKey)).toBe(stored.lookup_key_hash);
      // and the retry's answer is itself kept: a third try is byte-equal
      const again = await reception.post('/api/dossiers', household(idNumber)).set('Idempotency-Key', key);
      expect(again.text).toBe(retry.text);
    });

    it('lets a retry do the work when the first attempt died before committing anything', async () => {
      // given a key reserved a minute ago by a process that died before its work committed
      const key = randomUUID();
      const body = household(newIdNumber());
      const [{ id: userId }] = await db.query(`SELECT id FROM users WHERE username = 'reception'`);
      await db.query(
        `INSERT INTO idempotency_keys (user_id, key, route, request_hash, status, attempt, started_at, created_at)
         VALUES ($1, $2, 'POST /api/dossiers', $3, 'in_progress', gen_random_uuid(), now() - interval '1 minute', now() - interval '1 minute')`,
        [userId, key, requestFingerprint('POST', '/api/dossiers', body)],
      );
      // when the client retries
      const retry = await reception.post('/api/dossiers', body).set('Idempotency-Key', key);
      // then the work is done, once, and answered
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotency-replayed']).toBeUndefined();
      expect(await dossiersOf(body.applicant.idNumber)).toEqual([retry.body.code]);
    });
  });

  describe('POST /api/instances', () => {
    it('starts one instance for a retried start, and replays its answer', async () => {
      const key = randomUUID();
      const businessKey = `IDEM-${key}`;
      const first = await admin
        .post('/api/instances', { definitionKey: 'idem-single-task', businessKey })
        .set('Idempotency-Key', key)
        .expect(201);
      const retry = await admin
        .post('/api/instances', { definitionKey: 'idem-single-task', businessKey })
        .set('Idempotency-Key', key);
      expect(retry.status).toBe(201);
      expect(retry.text).toBe(first.text);
      expect(retry.headers['idempotency-replayed']).toBe('true');
      expect(await instancesOf(businessKey)).toBe(1);
    });

    it('after a crash between commit and answer, a retry starts no second instance and gets the first answer', async () => {
      const key = randomUUID();
      const businessKey = `IDEM-${key}`;
      await crashBeforeTheAnswerIsStored();
      const lost = await admin
        .post('/api/instances', { definitionKey: 'idem-single-task', businessKey })
        .set('Idempotency-Key', key)
        .expect(201);
      await restart();
      expect(await instancesOf(businessKey)).toBe(1);
      // the view was recorded in the start's transaction: a retry gets it at once (was 409 IDEMPOTENCY_KEY_ANSWER_LOST after the lease)
      const retry = await admin
        .post('/api/instances', { definitionKey: 'idem-single-task', businessKey })
        .set('Idempotency-Key', key);
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotency-replayed']).toBe('true');
      expect(retry.body.id).toBe(lost.body.id);
      expect(retry.body.tasks.map((task: { elementId: string }) => task.elementId)).toEqual(
        lost.body.tasks.map((task: { elementId: string }) => task.elementId),
      );
      expect(await instancesOf(businessKey)).toBe(1);
    });
  });

  it('lets no attempt commit work under a key another attempt has taken over (the slow original of a retry)', async () => {
    // given a key whose reservation a retry has taken over (attempt "retry" holds it)
    const key = randomUUID();
    const businessKey = `IDEM-${key}`;
    const [{ id: userId }] = await db.query(`SELECT id FROM users WHERE username = 'admin'`);
    await db.query(
      `INSERT INTO idempotency_keys (user_id, key, route, request_hash, status, attempt) VALUES ($1, $2, 'POST /api/instances', 'h', 'in_progress', gen_random_uuid())`,
      [userId, key],
    );
    // when the original attempt finally commits its start under the key
    const original = { userId, key, attempt: randomUUID(), successStatus: 201, open: true };
    const start = runIdempotent(original, () =>
      server.app
        .get(RuntimeService)
        .start('idem-single-task', { businessKey }, { username: 'admin', unitCode: '000.00.20.H15' }),
    );
    // then its transaction is refused and nothing was started
    await expect(start).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_IN_PROGRESS' });
    expect(await instancesOf(businessKey)).toBe(0);
  });

  describe('POST /api/tasks/:id/complete and the desk actions', () => {
    it('answers a retried completion with its first answer, not 409 TASK_NOT_OPEN', async () => {
      // given an open review step
      const key = randomUUID();
      const started = await admin
        .post('/api/instances', { definitionKey: 'idem-single-task', businessKey: `IDEM-${key}` })
        .expect(201);
      const task = await openTask(admin, started.body.id, 'Task_Review');
      // when the specialist completes it, and retries with the same key
      const first = await specialist
        .post(`/api/tasks/${task.id}/complete`, { variables: {} })
        .set('Idempotency-Key', key)
        .expect(200);
      const retry = await specialist
        .post(`/api/tasks/${task.id}/complete`, { variables: {} })
        .set('Idempotency-Key', key);
      // then the retry is the first answer
      expect(retry.status).toBe(200);
      expect(retry.text).toBe(first.text);
      expect(retry.headers['idempotency-replayed']).toBe('true');
      // and without a key, a second completion is still refused
      await specialist.post(`/api/tasks/${task.id}/complete`, { variables: {} }).expect(409);
    });

    it('answers a completion retried after a crash between commit and answer with the first answer', async () => {
      // given an open review step, and a completion whose answer is lost after its commit
      const key = randomUUID();
      const started = await admin
        .post('/api/instances', { definitionKey: 'idem-single-task', businessKey: `IDEM-${key}` })
        .expect(201);
      const task = await openTask(admin, started.body.id, 'Task_Review');
      await crashBeforeTheAnswerIsStored();
      const first = await specialist
        .post(`/api/tasks/${task.id}/complete`, { variables: {} })
        .set('Idempotency-Key', key)
        .expect(200);
      await restart();
      // when the specialist retries
      const retry = await specialist
        .post(`/api/tasks/${task.id}/complete`, { variables: {} })
        .set('Idempotency-Key', key);
      // then the answer committed with the completion is given again, byte for byte
      expect(retry.status).toBe(200);
      expect(retry.text).toBe(first.text);
      expect(retry.headers['idempotency-replayed']).toBe('true');
    });

    it('answers a retried refusal at the desk with its first answer; the refusal happened once', async () => {
      const dossier = await reception.post('/api/dossiers', household(newIdNumber())).expect(201);
      const key = randomUUID();
      const first = await reception
        .post(`/api/dossiers/${dossier.body.code}/refuse`, { reason: 'Thiếu giấy tờ' })
        .set('Idempotency-Key', key)
        .expect(200);
      const retry = await reception
        .post(`/api/dossiers/${dossier.body.code}/refuse`, { reason: 'Thiếu giấy tờ' })
        .set('Idempotency-Key', key);
      expect(retry.status).toBe(200);
      expect(retry.text).toBe(first.text);
      const events = await db.query(
        `SELECT count(*)::int AS n FROM dossier_events WHERE code = $1 AND type = 'refuse'`,
        [dossier.body.code],
      );
      expect(events[0].n).toBe(1);
    });
  });

  describe('desk actions after a crash', () => {
    it('answers a refusal retried after a crash between commit and answer with the first answer', async () => {
      // given a received dossier, and a refusal whose answer is lost after its commit
      const dossier = await reception.post('/api/dossiers', household(newIdNumber())).expect(201);
      const key = randomUUID();
      await crashBeforeTheAnswerIsStored();
      const first = await reception
        .post(`/api/dossiers/${dossier.body.code}/refuse`, { reason: 'Thiếu giấy tờ' })
        .set('Idempotency-Key', key)
        .expect(200);
      await restart();
      // when the desk retries
      const retry = await reception
        .post(`/api/dossiers/${dossier.body.code}/refuse`, { reason: 'Thiếu giấy tờ' })
        .set('Idempotency-Key', key);
      // then the answer committed with the refusal is given again, byte for byte
      expect(retry.status).toBe(200);
      expect(retry.text).toBe(first.text);
      expect(retry.headers['idempotency-replayed']).toBe('true');
    });
  });

  describe('keeping keys', () => {
    it('keeps a key for 24 hours, then the purge removes it and the key is free again', async () => {
      // given two keys, one used 23 hours ago, one 25 hours ago
      const [young, old] = [randomUUID(), randomUUID()];
      for (const key of [young, old])
        await reception.post('/api/dossiers', household(newIdNumber())).set('Idempotency-Key', key).expect(201);
      await db.query(`UPDATE idempotency_keys SET created_at = now() - interval '23 hours' WHERE key = $1`, [young]);
      await db.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [old]);
      // when the purge runs
      await server.app.get(IdempotencyKeysPurger).purge();
      // then only the old key is gone
      const left = (await db.query(`SELECT key FROM idempotency_keys WHERE key = ANY($1)`, [[young, old]])).map(
        (r: { key: string }) => r.key,
      );
      expect(left).toEqual([young]);
    });
  });
});

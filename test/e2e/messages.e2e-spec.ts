import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../support/test-app';
import { CITY, db, eventually, fixture, newOfficers, openTask, signIn, withKey, type Api } from './workflow.helpers';

jest.setTimeout(60_000);

/** Feature: a message from outside wakes the instance of its business key, or starts a process at its message start (issue 8). */
describe('messages (e2e)', () => {
  let server: TestServer;
  let admin: Api;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await signIn(server, 'admin');
  });
  afterAll(() => server?.close());

  const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
  /** The message-start fixture under a fresh key, starting on `messageName`. */
  const deployMessageStart = async (messageName: string, key = unique('message-start')) => {
    const xml = withKey(fixture('message-start.bpmn'), 'message-start', key)
      .split('dossier-submitted-online')
      .join(messageName);
    await admin.deployXml(xml).expect(201);
    return key;
  };
  const instanceRow = async (id: string) =>
    (
      await db(server).query(
        `SELECT business_key, definition_key, version, waiting_messages, variables FROM process_instances WHERE id = $1`,
        [id],
      )
    )[0];

  it('correlates with the instance of the business key that waits for the message', async () => {
    // given an instance of dossier BK waiting for fee-paid
    const key = unique('messages');
    await admin.deployXml(withKey(fixture('migration-v1.bpmn'), 'migration', key)).expect(201);
    const businessKey = unique('HS');
    const id = (
      await admin
        .post('/api/instances', { definitionKey: key, businessKey, variables: { receivingUnit: CITY } })
        .expect(201)
    ).body.id;

    // when the message arrives with the dossier code
    const res = await admin
      .post('/api/messages', { messageName: 'fee-paid', businessKey, variables: { feeReceipt: 'BL-01' } })
      .expect(200);

    // then it went to that instance, which no longer waits and holds the variables
    expect(res.body).toEqual({ outcome: 'correlated', instanceId: id });
    expect(await instanceRow(id)).toMatchObject({
      waiting_messages: [],
      variables: { feeReceipt: 'BL-01', receivingUnit: CITY },
    });

    // when it arrives again, nothing waits and no process starts on it
    const again = await admin.post('/api/messages', { messageName: 'fee-paid', businessKey }).expect(404);
    expect(again.body.code).toBe('MESSAGE_NOT_CORRELATED');
  });

  it('starts the latest version of the process whose message start has the name, with the business key', async () => {
    // given a process starting on an online submission
    const messageName = unique('submitted-online');
    await deployMessageStart(messageName);
    const businessKey = unique('HS');

    // when the message arrives for a dossier no instance has yet
    const res = await admin
      .post('/api/messages', { messageName, businessKey, variables: { receivingUnit: CITY } })
      .expect(200);

    // then a new instance runs from the message start, with that business key
    expect(res.body.outcome).toBe('started');
    expect(await instanceRow(res.body.instanceId)).toMatchObject({ business_key: businessKey, version: 1 });
    expect(await openTask(admin, res.body.instanceId, 'Task_Check_Online')).toMatchObject({
      elementId: 'Task_Check_Online',
    });
  });

  it('only the latest version counts, several processes on one name are a conflict, and only admins send messages', async () => {
    // given a key whose version 2 starts on another message
    const oldName = unique('old-name');
    const key = await deployMessageStart(oldName);
    await deployMessageStart(unique('new-name'), key);

    // then the old name starts nothing
    expect(
      (await admin.post('/api/messages', { messageName: oldName, variables: { receivingUnit: CITY } }).expect(404)).body
        .code,
    ).toBe('MESSAGE_NOT_CORRELATED');

    // given two processes starting on one name, then the message is refused as ambiguous
    const shared = unique('shared');
    await deployMessageStart(shared);
    await deployMessageStart(shared);
    expect(
      (await admin.post('/api/messages', { messageName: shared, variables: { receivingUnit: CITY } }).expect(409)).body
        .code,
    ).toBe('MESSAGE_START_AMBIGUOUS');

    // and an officer may not send one
    const [officer] = await newOfficers(server, 1, ['reception'], CITY);
    await officer.api.post('/api/messages', { messageName: shared }).expect(403);
  });
  it('a send task with a messageRef sends its message to the instance of the same business key (issue 21 #6)', async () => {
    // given an instance of dossier BK waiting for a message, and a sender process whose send task names it
    const messageName = unique('supplement');
    const named = (xml: string) => xml.split('supplementReceived').join(messageName);
    const receiverKey = unique('receiver');
    const senderKey = unique('sender');
    await admin.deployXml(named(withKey(fixture('workflow-message.bpmn'), 'supplement-wait', receiverKey))).expect(201);
    await admin.deployXml(named(withKey(fixture('send-message.bpmn'), 'send-message', senderKey))).expect(201);
    const businessKey = unique('HS');
    const receiverId = (
      await admin
        .post('/api/instances', { definitionKey: receiverKey, businessKey, variables: { receivingUnit: CITY } })
        .expect(201)
    ).body.id as string;

    // when an instance of the sender runs for the same dossier
    const sender = (
      await admin
        .post('/api/instances', { definitionKey: senderKey, businessKey, variables: { receivingUnit: CITY } })
        .expect(201)
    ).body as { id: string; status: string };

    // then the sender completes at once and the receiver gets the message: its next step opens
    expect(sender.status).toBe('completed');
    await eventually(() => openTask(admin, receiverId, 'Task_Review').catch(() => null));
    expect(await instanceRow(receiverId)).toMatchObject({ waiting_messages: [] });
    const jobs = await db(server).query(`SELECT kind, status FROM jobs WHERE instance_id = $1`, [sender.id]);
    expect(jobs).toEqual([{ kind: 'message.send', status: 'done' }]);
    expect((await admin.get(`/api/instances/${sender.id}`).expect(200)).body.incidents ?? []).toEqual([]);
  });

  it('a sent message that reaches nobody is an incident on the sender, not lost silently', async () => {
    // given a sender whose message no instance waits for and no process starts on
    const messageName = unique('nobody');
    const senderKey = unique('sender');
    await admin
      .deployXml(
        withKey(fixture('send-message.bpmn'), 'send-message', senderKey).split('supplementReceived').join(messageName),
      )
      .expect(201);

    // when it runs
    const senderId = (
      await admin
        .post('/api/instances', {
          definitionKey: senderKey,
          businessKey: unique('HS'),
          variables: { receivingUnit: CITY },
        })
        .expect(201)
    ).body.id as string;

    // then the send job ends in an incident naming the message
    const [incident] = await eventually(async () => {
      const rows = (await db(server).query(`SELECT code, element_id, message FROM incidents WHERE instance_id = $1`, [
        senderId,
      ])) as { code: string; element_id: string; message: string }[];
      return rows.length > 0 && rows;
    });
    expect(incident).toMatchObject({ code: 'MESSAGE_NOT_CORRELATED', element_id: 'Send_Supplement' });
    expect(incident.message).toContain(messageName);
  });
});

import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../support/test-app';
import {
  db,
  declarePartners,
  eventually,
  fixture,
  newOfficers,
  openTask,
  signIn,
  withKey,
  type Api,
  type TaskJson,
} from './workflow.helpers';

jest.setTimeout(60_000);

const DEPARTMENT = '000.00.01.H15';

interface InstanceJson {
  id: string;
  status: string;
  variables: Record<string, unknown>;
  tasks: TaskJson[];
}

/** Feature: a call activity starts the called process as a child instance and resumes when it completes (issue 8). */
describe('call activity (e2e)', () => {
  let server: TestServer;
  let admin: Api;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await signIn(server, 'admin');
  });
  afterAll(() => server?.close());

  /** Deploys a parent and its child under fresh keys. */
  const deployPair = async () => {
    const suffix = randomUUID().slice(0, 8);
    const parentKey = `call-parent-${suffix}`;
    const childKey = `call-child-${suffix}`;
    // The child's step is in a department outside the city: the city declares it a partner first (issue 15).
    await declarePartners(server, 'admin', childKey, [DEPARTMENT]);
    await admin.deployXml(withKey(fixture('call-child.bpmn'), 'call-child', childKey)).expect(201);
    await admin
      .deployXml(withKey(withKey(fixture('call-parent.bpmn'), 'call-parent', parentKey), 'call-child', childKey))
      .expect(201);
    return { parentKey, childKey };
  };
  const view = async (id: string) => (await admin.get(`/api/instances/${id}`).expect(200)).body as InstanceJson;
  const childOf = async (parentId: string) =>
    (await db(server).query(`SELECT id, parent_call_id FROM process_instances WHERE parent_instance_id = $1`, [
      parentId,
    ])) as { id: string; parent_call_id: string }[];

  it('starts the child in another unit with the mapped variables; completing its task resumes the parent', async () => {
    // given a parent whose call activity calls a child with one step in a department
    const { parentKey } = await deployPair();
    const [officer] = await newOfficers(server, 1, ['specialist'], DEPARTMENT);
    const businessKey = `HS-${randomUUID().slice(0, 8)}`;

    // when the parent starts
    const parentId = (
      await admin
        .post('/api/instances', {
          definitionKey: parentKey,
          businessKey,
          variables: { applicant: 'Trần Thị B', fee: 1 },
        })
        .expect(201)
    ).body.id as string;

    // then the child runs with the parent's business key and only the mapped variables, its step in the department
    const [child] = await eventually(async () => {
      const rows = await childOf(parentId);
      return rows.length > 0 && rows;
    });
    const childTask = await eventually(() => openTask(admin, child.id, 'Task_Opinion'));
    expect(childTask).toMatchObject({ unitCode: DEPARTMENT, businessKey });
    expect((await view(child.id)).variables).toEqual({ applicant: 'Trần Thị B' });
    expect((await view(parentId)).status).toBe('running');

    // when the department's officer completes the child's task
    await officer.api.post(`/api/tasks/${childTask.id}/complete`, { variables: { opinion: 'Đồng ý' } }).expect(200);

    // then the child completes and the parent moves on with the output mapping applied
    const resumed = await eventually(async () => {
      const parent = await view(parentId);
      return parent.tasks.some((t) => t.elementId === 'Task_After' && t.status === 'open') && parent;
    });
    expect((await view(child.id)).status).toBe('completed');
    expect(resumed.variables).toMatchObject({ applicant: 'Trần Thị B', departmentOpinion: 'Đồng ý' });
    expect(resumed.variables).not.toHaveProperty('opinion');
    const jobs = await db(server).query(`SELECT kind, status FROM jobs WHERE instance_id = $1 ORDER BY created_at`, [
      parentId,
    ]);
    expect(jobs).toEqual([
      { kind: 'call.start', status: 'done' },
      { kind: 'call.complete', status: 'done' },
    ]);
  });

  it('cancelling the parent cancels the child and its task', async () => {
    // given a parent waiting on its child
    const { parentKey } = await deployPair();
    const parentId = (
      await admin.post('/api/instances', { definitionKey: parentKey, variables: { applicant: 'Lê Văn C' } }).expect(201)
    ).body.id as string;
    const [child] = await eventually(async () => {
      const rows = await childOf(parentId);
      return rows.length > 0 && rows;
    });
    const childTask = await eventually(() => openTask(admin, child.id, 'Task_Opinion'));

    // when the parent is cancelled
    await admin.post(`/api/instances/${parentId}/cancel`, { reason: 'Công dân rút hồ sơ' }).expect(200);

    // then the child is terminated, its task cancelled
    const ended = await eventually(async () => {
      const current = await view(child.id);
      return current.status === 'terminated' && current;
    });
    expect(ended.tasks.find((t) => t.id === childTask.id)?.status).toBe('cancelled');
  });

  it('an error end in the child is thrown at the call activity: its error boundary takes over and the child ends', async () => {
    // given a parent waiting on its child
    const { parentKey } = await deployPair();
    const [officer] = await newOfficers(server, 1, ['specialist'], DEPARTMENT);
    const parentId = (
      await admin
        .post('/api/instances', { definitionKey: parentKey, variables: { applicant: 'Phạm Văn D' } })
        .expect(201)
    ).body.id as string;
    const [child] = await eventually(async () => {
      const rows = await childOf(parentId);
      return rows.length > 0 && rows;
    });
    const childTask = await eventually(() => openTask(admin, child.id, 'Task_Opinion'));

    // when the department refuses (the child reaches its error end event)
    await officer.api.post(`/api/tasks/${childTask.id}/complete`, { variables: { refused: true } }).expect(200);

    // then the parent's error boundary takes over, and the child is terminated
    await eventually(async () =>
      (await view(parentId)).tasks.some((t) => t.elementId === 'Task_Refused' && t.status === 'open'),
    );
    await eventually(async () => (await view(child.id)).status === 'terminated');
    expect((await view(parentId)).tasks.some((t) => t.elementId === 'Task_After')).toBe(false);
  });
  /** Deploys the escalation parent and child under fresh keys. */
  const deployEscalationPair = async () => {
    const suffix = randomUUID().slice(0, 8);
    const parentKey = `call-escalation-parent-${suffix}`;
    const childKey = `call-escalation-child-${suffix}`;
    await admin
      .deployXml(withKey(fixture('call-escalation-child.bpmn'), 'call-escalation-child', childKey))
      .expect(201);
    await admin
      .deployXml(
        withKey(
          withKey(fixture('call-escalation-parent.bpmn'), 'call-escalation-parent', parentKey),
          'call-escalation-child',
          childKey,
        ),
      )
      .expect(201);
    return parentKey;
  };

  it('an escalation end in the child reaches the interrupting escalation boundary of the call activity (issue 21 #2)', async () => {
    // given a child that ends at once in an escalation end event (LATE) and a parent with a LATE boundary on the call
    const parentKey = await deployEscalationPair();

    // when the parent starts
    const parentId = (
      await admin.post('/api/instances', { definitionKey: parentKey, variables: { mode: 'late' } }).expect(201)
    ).body.id as string;

    // then the boundary takes over: the late path opens, the normal path never does
    await eventually(async () =>
      (await view(parentId)).tasks.some((t) => t.elementId === 'Task_Late' && t.status === 'open'),
    );
    const [child] = await childOf(parentId);
    expect((await view(child.id)).status).toBe('completed');
    await new Promise((resolve) => setTimeout(resolve, 300)); // give a wrong completion the time to show
    expect((await view(parentId)).tasks.map((t) => t.elementId)).toEqual(['Task_Late']);
  });

  it('a non-interrupting escalation boundary on the call activity runs beside the call, which still completes', async () => {
    // given a child that throws NOTICE and then waits on a step
    const parentKey = await deployEscalationPair();
    const [officer] = await newOfficers(server, 1, ['specialist']);
    const parentId = (
      await admin.post('/api/instances', { definitionKey: parentKey, variables: { mode: 'notice' } }).expect(201)
    ).body.id as string;

    // when the child has started
    const [child] = await eventually(async () => {
      const rows = await childOf(parentId);
      return rows.length > 0 && rows;
    });
    const childTask = await eventually(() => openTask(admin, child.id, 'Task_Opinion'));

    // then the parent's notice path is open while the call still waits
    await eventually(async () =>
      (await view(parentId)).tasks.some((t) => t.elementId === 'Task_Notice' && t.status === 'open'),
    );
    expect((await view(child.id)).status).toBe('running');

    // when the child's step is done
    await officer.api.post(`/api/tasks/${childTask.id}/complete`, { variables: {} }).expect(200);

    // then the call completes and the parent moves on, the notice path still open
    await eventually(async () =>
      (await view(parentId)).tasks.some((t) => t.elementId === 'Task_After' && t.status === 'open'),
    );
    expect(
      (await view(parentId)).tasks
        .filter((t) => t.status === 'open')
        .map((t) => t.elementId)
        .sort(),
    ).toEqual(['Task_After', 'Task_Notice']);
  });
  it('a child that reaches an error end in its very first step still throws it at the call activity', async () => {
    // given a child that ends at once in an error end event (before the parent had linked it)
    const parentKey = await deployEscalationPair();

    // when the parent starts
    const parentId = (
      await admin.post('/api/instances', { definitionKey: parentKey, variables: { mode: 'refuse' } }).expect(201)
    ).body.id as string;

    // then the parent's error boundary takes over and the child, stuck on its error, is terminated
    await eventually(async () =>
      (await view(parentId)).tasks.some((t) => t.elementId === 'Task_Refused' && t.status === 'open'),
    );
    const [child] = await childOf(parentId);
    await eventually(async () => (await view(child.id)).status === 'terminated');
  });
});

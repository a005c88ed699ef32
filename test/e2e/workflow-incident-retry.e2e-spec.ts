import { DataSource } from 'typeorm';
import { DeploymentService, IncidentService, RuntimeService } from '../../libs/workflow/src';
import { startTestServer, type TestServer } from '../support/test-app';
import { fixture, withKey } from './workflow.helpers';

jest.setTimeout(60_000);

/**
 * IncidentService.retry on real Postgres, without HTTP (issue 17 item 9, the "medium" tier): the
 * retry's rules are SQL, so they are checked against the rows. Workers are off: the job a retry
 * puts back stays `pending` for the assertions (the HTTP flow with workers: workflow-jobs.e2e-spec.ts).
 */
describe('IncidentService.retry (service on real Postgres)', () => {
  let server: TestServer;
  let db: DataSource;
  let incidents: IncidentService;
  let runtime: RuntimeService;
  const admin = { username: 'admin', unitCode: 'H15' };
  let seq = 0;

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    db = server.app.get(DataSource);
    incidents = server.app.get(IncidentService);
    runtime = server.app.get(RuntimeService);
    const xml = withKey(
      withKey(fixture('workflow-service-task.bpmn'), 'service-task', 'incident-retry'),
      'svc-topic',
      'incident-retry',
    );
    await server.app.get(DeploymentService).deploy(xml, 'admin');
  });
  afterAll(() => server?.close());

  /** An instance whose service job failed through its attempts: the job `failed`, `incidents` open on it, the instance in `incident`. */
  async function failedInstance(openIncidents = 1) {
    const started = await runtime.start('incident-retry', { businessKey: `IR-${++seq}` }, admin);
    // (a CTE: TypeORM answers a bare UPDATE … RETURNING as [rows, count])
    const [job] = await db.query(
      `WITH j AS (UPDATE jobs SET status = 'failed', attempts = max_attempts, last_error = 'gateway down' WHERE instance_id = $1 RETURNING id, element_id) SELECT * FROM j`,
      [started.instanceId],
    );
    const ids: string[] = [];
    for (let i = 0; i < openIncidents; i++) {
      const [row] = await db.query(
        `INSERT INTO incidents (instance_id, job_id, element_id, code, message, status, created_at) VALUES ($1, $2, $3, 'JOB_FAILED', 'gateway down', 'open', now()) RETURNING id`,
        [started.instanceId, i === 0 ? job.id : null, job.element_id],
      );
      ids.push(row.id);
    }
    await db.query(`UPDATE process_instances SET status = 'incident', rev = rev + 1 WHERE id = $1`, [
      started.instanceId,
    ]);
    return { instanceId: started.instanceId, jobId: job.id as string, incidentIds: ids };
  }
  const rowOf = async (instanceId: string, jobId: string) => {
    const [row] = await db.query(
      `SELECT i.status AS instance, i.rev, j.status AS job, j.attempts, j.last_error,
         (SELECT count(*)::int FROM history_events h WHERE h.instance_id = i.id AND h.type = 'incident.resolved') AS resolved_events
       FROM process_instances i JOIN jobs j ON j.id = $2 WHERE i.id = $1`,
      [instanceId, jobId],
    );
    return row;
  };

  it('given the only open incident of an instance, when an admin retries it, then the job gets new attempts, the incident is resolved by them and the instance runs again', async () => {
    // given
    const { instanceId, jobId, incidentIds } = await failedInstance();
    const before = await rowOf(instanceId, jobId);
    // when
    const resolved = await incidents.retry(incidentIds[0], admin);
    // then
    expect(resolved).toMatchObject({ id: incidentIds[0], status: 'resolved', resolvedBy: 'admin', jobId });
    expect(await rowOf(instanceId, jobId)).toEqual({
      instance: 'running',
      rev: before.rev + 1,
      job: 'pending',
      attempts: 0,
      last_error: null,
      resolved_events: 1,
    });
  });

  it('given another incident still open on the instance, when one is retried, then the instance stays in incident (and keeps its revision); the resolution is on its history', async () => {
    const { instanceId, jobId, incidentIds } = await failedInstance(2);
    const before = await rowOf(instanceId, jobId);
    await incidents.retry(incidentIds[0], admin);
    expect(await rowOf(instanceId, jobId)).toMatchObject({
      instance: 'incident',
      rev: before.rev,
      job: 'pending',
      resolved_events: 1,
    });
  });

  it('given a retried incident, when retried again, then 409 INCIDENT_NOT_OPEN', async () => {
    const { incidentIds } = await failedInstance();
    await incidents.retry(incidentIds[0], admin);
    await expect(incidents.retry(incidentIds[0], admin)).rejects.toMatchObject({
      status: 409,
      code: 'INCIDENT_NOT_OPEN',
    });
  });

  it('given an incident without a job, when retried, then 409 INCIDENT_NOT_RETRYABLE', async () => {
    const { incidentIds } = await failedInstance(2);
    await expect(incidents.retry(incidentIds[1], admin)).rejects.toMatchObject({
      status: 409,
      code: 'INCIDENT_NOT_RETRYABLE',
    });
  });

  it('given its job is no longer failed, when retried, then 409 INCIDENT_NOT_RETRYABLE and nothing changed (one transaction)', async () => {
    // given the job was cancelled meanwhile
    const { instanceId, jobId, incidentIds } = await failedInstance();
    await db.query(`UPDATE jobs SET status = 'cancelled' WHERE id = $1`, [jobId]);
    const before = await rowOf(instanceId, jobId);
    // when
    await expect(incidents.retry(incidentIds[0], admin)).rejects.toMatchObject({
      status: 409,
      code: 'INCIDENT_NOT_RETRYABLE',
    });
    // then
    expect(await rowOf(instanceId, jobId)).toEqual(before);
    const [{ status }] = await db.query(`SELECT status FROM incidents WHERE id = $1`, [incidentIds[0]]);
    expect(status).toBe('open');
  });

  it('given an unknown or malformed id, when retried, then 404 INCIDENT_NOT_FOUND', async () => {
    await expect(incidents.retry('not-a-uuid', admin)).rejects.toMatchObject({
      status: 404,
      code: 'INCIDENT_NOT_FOUND',
    });
    await expect(incidents.retry('0b6c2a4e-9d7f-4f6b-8f0a-1c2d3e4f5a6b', admin)).rejects.toMatchObject({
      status: 404,
      code: 'INCIDENT_NOT_FOUND',
    });
  });
});

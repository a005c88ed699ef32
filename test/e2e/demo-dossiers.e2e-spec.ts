import { DataSource } from 'typeorm';
import { seedDemoDossiers } from '../../apps/server/src/seed/demo-dossiers.seed';
import { DEMO_DOSSIERS } from '../../apps/server/src/seed/demo-dossiers.data';
import { CLOCK, type Clock } from '../../libs/common/src';
import type { TestServer } from '../support/test-app';
import { FakeClock, startServerWithClock } from './dossiers.support';
import { signIn } from './workflow.helpers';

jest.setTimeout(180_000);

/** The demo seed's applicants: ID numbers of the `06619900…` series. */
const DEMO = `applicant->>'idNumber' LIKE '06619900%'`;

describe('demo dossiers (seed through the real services, back-dated)', () => {
  // A Wednesday morning in April 2026: no other suite receives dossiers on these days, and the
  // dossiers left open are carried over only into periods after the reports' golden months (2025).
  const now = new Date('2026-04-08T10:00:00+07:00');
  const clock = new FakeClock(now);
  let server: TestServer;
  let db: DataSource;

  beforeAll(async () => {
    server = await startServerWithClock(clock);
    db = server.app.get(DataSource);
  });
  afterAll(() => server?.close());

  it('creates dossiers in every state once, and a second run creates none', async () => {
    // when the seed runs twice
    await seedDemoDossiers(server.app);
    const again = await seedDemoDossiers(server.app);

    // then every planned dossier exists once, and the second run added nothing
    expect(again).toBe(0);
    const rows: { code: string; status: string; overdue: boolean; received_at: Date }[] = await db.query(
      `SELECT code, status, appointment_at < $1 AND status NOT IN ('returned', 'rejected', 'withdrawn', 'result_ready') AS overdue, received_at
       FROM dossiers WHERE ${DEMO}`,
      [now],
    );
    expect(rows).toHaveLength(DEMO_DOSSIERS.length);
    const statuses = new Set(rows.map((r) => r.status));
    for (const status of [
      'received',
      'processing',
      'financial_obligation',
      'supplement_required',
      'result_ready',
      'returned',
      'rejected',
      'withdrawn',
    ]) {
      expect([status, statuses.has(status)]).toEqual([status, true]);
    }
    expect(rows.filter((r) => r.overdue).length).toBeGreaterThanOrEqual(4);
    expect(rows.filter((r) => r.status === 'processing' && !r.overdue).length).toBeGreaterThanOrEqual(5);
    // and one permit waits at the drawn supplement step the appraisal chose, after the desk's request (Form 02): held, clock paused
    const atDesk = await db.query(
      `SELECT d.status, t.due_at, (SELECT count(*)::int FROM dossier_events e WHERE e.code = d.code AND e.type = 'supplement-request') AS requests
       FROM tasks t JOIN dossiers d ON d.instance_id = t.instance_id WHERE d.${DEMO} AND t.element_id = 'Task_BoSung' AND t.status = 'open'`,
    );
    expect(atDesk).toEqual([{ status: 'supplement_required', due_at: null, requests: 1 }]);
    // and the officers' opinions are stored with the steps they completed, in Vietnamese
    const [{ steps, opinions }] = await db.query(
      `SELECT (SELECT count(*)::int FROM tasks t JOIN dossiers d ON d.instance_id = t.instance_id WHERE d.${DEMO} AND t.status = 'completed' AND t.spec->>'action' IS NULL) AS steps,
              (SELECT count(*)::int FROM task_opinions o JOIN dossiers d ON d.code = o.business_key WHERE d.${DEMO} AND length(o.text) > 20) AS opinions`,
    );
    expect(opinions).toBe(steps);
    expect(opinions).toBeGreaterThan(50);
    // and files: scans of listed documents, an attachment of the site inspection, results where the procedure hands them back electronically
    const files: { kind: string; content_type: string; electronic: boolean; status: string }[] = await db.query(
      `SELECT f.kind, f.content_type, coalesce(p.electronic_result, false) AS electronic, d.status
       FROM dossier_files f JOIN dossiers d ON d.code = f.dossier_code JOIN procedures p ON p.code = d.procedure_code WHERE d.${DEMO}`,
    );
    expect(new Set(files.map((f) => f.kind))).toEqual(new Set(['document', 'attachment', 'result']));
    expect(files.every((f) => f.content_type === 'application/pdf')).toBe(true);
    expect(
      files
        .filter((f) => f.kind === 'result')
        .every((f) => f.electronic && ['result_ready', 'returned'].includes(f.status)),
    ).toBe(true);
    expect(files.filter((f) => f.kind === 'result').length).toBeGreaterThanOrEqual(4);
    // and one household business was refused inside its diagram: closed with the head's reason, Form 03's event, the refusal SMS
    const refusedInDiagram = await db.query(
      `SELECT d.code, d.resolved_at, e.data->>'reason' AS reason, s.public_reason, (SELECT count(*)::int FROM sms_outbox o WHERE o.code = d.code AND o.kind = 'rejected') AS sms
       FROM dossiers d JOIN dossier_events e ON e.code = d.code AND e.type = 'refuse' AND e.data->>'by' = 'process' JOIN dossier_status s ON s.code = d.code
       WHERE d.${DEMO} AND d.status = 'rejected'`,
    );
    expect(refusedInDiagram).toEqual([
      {
        code: expect.any(String),
        resolved_at: expect.any(Date),
        reason: expect.stringContaining('Tên hộ kinh doanh trùng'),
        public_reason: expect.stringContaining('Tên hộ kinh doanh trùng'),
        sms: 1,
      },
    ]);
    // and the history is back-dated: received over the past weeks, never after now
    expect(Math.min(...rows.map((r) => r.received_at.getTime()))).toBeLessThan(now.getTime() - 20 * 86_400_000);
    expect(Math.max(...rows.map((r) => r.received_at.getTime()))).toBeLessThanOrEqual(now.getTime());
    // and the app's clock is the test's again
    expect(server.app.get<Clock>(CLOCK).now().toISOString()).toBe(now.toISOString());
  });

  it('gives the staff pages real control slips, apologies and supplements', async () => {
    // given the city desk
    const reception = await signIn(server, 'reception');
    // when it lists the returned dossiers of the demo and opens one
    const returned = await reception.get('/api/dossiers?status=returned&limit=200').expect(200);
    const demoCodes: string[] = (
      await db.query(`SELECT code FROM dossiers WHERE ${DEMO} AND status = 'returned' AND unit_code = '000.00.20.H15'`)
    ).map((r: { code: string }) => r.code);
    const code = returned.body.items.map((d: { code: string }) => d.code).find((c: string) => demoCodes.includes(c));
    const detail = await reception.get(`/api/dossiers/${code}`).expect(200);

    // then every step before the return has a result, and the handovers are in the past
    const done = detail.body.history.filter((row: { result: string | null }) => row.result !== null);
    expect(done.length).toBeGreaterThanOrEqual(3);
    expect(detail.body.events.map((e: { type: string }) => e.type)).toEqual(['received', 'return']);
    // and the demo holds an apology with a later date, and a supplement that moved the appointment
    const events: { type: string; data: { appointmentAt?: string; previousAppointmentAt?: string } }[] = await db.query(
      `SELECT e.type, e.data FROM dossier_events e JOIN dossiers d ON d.code = e.code WHERE d.${DEMO} AND e.type IN ('apology', 'supplement-received')`,
    );
    expect(events.map((e) => e.type).sort()).toEqual(['apology', 'supplement-received']);
    for (const e of events)
      expect(new Date(e.data.appointmentAt!).getTime()).toBeGreaterThan(
        new Date(e.data.previousAppointmentAt!).getTime(),
      );
  });
});

import { Logger, type INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type AuthUser, type Clock } from '../../../../libs/common/src';
import { DossierActionsService } from '../../../../libs/dossiers/src/services/dossier-actions.service';
import { DossierReceptionService } from '../../../../libs/dossiers/src/services/dossier-reception.service';
import { UsersService } from '../../../../libs/identity/src';
import { TaskService } from '../../../../libs/workflow/src';
import { WorkingCalendarService } from '../../../../libs/worktime/src';
import {
  DEMO_DOSSIERS,
  DEMO_PROCEDURES,
  PACE_SHARE,
  demoApplicant,
  scannedAtDesk,
  stepCompletion,
  type DemoDossier,
  type DemoFile,
} from './demo-dossiers.data';
import { demoPdf } from './demo-files';
import { DossierFilesService } from '../../../../libs/files/src/services/dossier-files.service';
import { setting } from '../../../../libs/config/src';

/** Two servers booting at once must not both create the missing dossiers. */
const SEED_LOCK = 74_206_001;
const HOUR_S = 3600;
/** A reception or desk action runs in one transaction that a deadline job firing meanwhile may deadlock: try again. */
const TRANSIENT = new Set(['CONCURRENT_UPDATE', '40P01', '40001']);

async function retrying<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const e = error as { code?: string; driverError?: { code?: string } };
      if (attempt >= attempts || !TRANSIENT.has(e.driverError?.code ?? e.code ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

/**
 * Creates the demo dossiers that are missing (DESIGN §7), through the real services: reception,
 * task completions by the demo officers, and the desk's actions. Their history is back-dated by
 * moving the app's clock while the seed runs; it runs before the server listens, and puts the
 * clock back after. `SEED_DEMO=false` seeds nothing. Returns how many dossiers it created.
 */
export async function seedDemoDossiers(app: INestApplication): Promise<number> {
  if (!setting('SEED_DEMO')) return 0;
  const db = app.get(DataSource);
  const lock = db.createQueryRunner();
  await lock.connect();
  const clock = new SeedClock(app.get<Clock>(CLOCK));
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [SEED_LOCK]);
    const seeder = new DemoDossierSeeder(app, db, clock);
    let created = 0;
    for (const [i, plan] of DEMO_DOSSIERS.entries()) {
      if (await seeder.exists(i)) continue;
      await seeder.create(i, plan);
      created++;
    }
    if (created) new Logger('seed').log(`Demo dossiers: ${created} created`);
    return created;
  } finally {
    clock.restore();
    await lock.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK]).catch(() => undefined);
    await lock.release();
  }
}

/** The app's one clock, held at a chosen instant while the seed writes history in the past. */
class SeedClock {
  private readonly own: PropertyDescriptor | undefined;
  readonly realNow: Date;
  private current: Date;

  constructor(private readonly clock: Clock) {
    this.realNow = clock.now();
    this.current = this.realNow;
    this.own = Object.getOwnPropertyDescriptor(clock, 'now');
    Object.defineProperty(clock, 'now', { value: () => new Date(this.current), configurable: true, writable: true });
  }

  /** Moves to `at`, never past the real now (history cannot be in the future). */
  set(at: Date): Date {
    this.current = new Date(Math.min(at.getTime(), this.realNow.getTime()));
    return this.current;
  }

  get now(): Date {
    return this.current;
  }

  restore(): void {
    if (this.own) Object.defineProperty(this.clock, 'now', this.own);
    else delete (this.clock as { now?: unknown }).now;
  }
}

class DemoDossierSeeder {
  private readonly users = new Map<string, AuthUser>();

  constructor(
    private readonly app: INestApplication,
    private readonly db: DataSource,
    private readonly clock: SeedClock,
  ) {}

  async exists(i: number): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM dossiers WHERE applicant->>'idNumber' = $1 LIMIT 1`, [
      demoApplicant(i).idNumber,
    ]);
    return rows.length > 0;
  }

  /** Receives the dossier `daysAgo` working days back, runs its steps at the plan's pace, then the desk's ending. */
  async create(i: number, plan: DemoDossier): Promise<void> {
    const procedure = DEMO_PROCEDURES[plan.procedure];
    const desk = await this.user(procedure.reception);
    const calendar = await this.app.get(WorkingCalendarService).forUnit(desk.unitCode);
    // Spread the receptions over the morning so the codes of a day follow one another.
    this.clock.set(
      calendar.subtractWorkingTime(this.clock.realNow, { seconds: plan.daysAgo * 8 * HOUR_S + (i % 6) * 1200 + 600 }),
    );
    const { code } = await retrying(() =>
      this.app.get(DossierReceptionService).receive(desk, {
        procedureCode: procedure.code,
        channel: 'direct',
        applicant: demoApplicant(i),
        documents: procedure.documents,
      }),
    );
    if (scannedAtDesk(i)) await this.scanDocuments(desk, code, procedure.code, procedure.documents);
    const steps = plan.steps === 'result' ? procedure.stepsToResult : plan.steps;
    let completed = 0;
    for (let n = 0; n < steps; n++) {
      const task = await this.openTask(code);
      const step = task && procedure.steps[task.element_id];
      if (!task || !step) break;
      const allowed = task.due_at ? calendar.workingMillisBetween(task.created_at, task.due_at) : 4 * HOUR_S * 1000;
      const at = this.clock.set(
        calendar.addWorkingTime(task.created_at, { seconds: (allowed * PACE_SHARE[plan.pace]) / 1000 }),
      );
      if (at.getTime() >= this.clock.realNow.getTime()) break; // the step is still being worked on now
      const officer = await this.user(step.user);
      const { variables, opinion } = stepCompletion(
        step,
        i,
        plan.outcomes?.[task.element_id],
        plan.opinions?.[task.element_id],
      );
      const attachments = step.attachment
        ? await this.store(officer, code, { kind: 'attachment', taskId: task.id }, step.attachment)
        : [];
      await retrying(() => this.app.get(TaskService).complete(officer, task.id, variables, { opinion, attachments }));
      completed++;
    }
    // the signed result, scanned for the citizen to download with the code and key (procedures with an electronic result)
    if (plan.steps === 'result' && completed === steps && procedure.result)
      await this.store(desk, code, { kind: 'result' }, procedure.result);
    await this.end(code, plan, desk, calendar);
  }

  private async end(
    code: string,
    plan: DemoDossier,
    desk: AuthUser,
    calendar: Awaited<ReturnType<WorkingCalendarService['forUnit']>>,
  ): Promise<void> {
    const service = this.app.get(DossierActionsService);
    const actions = {
      act: (...args: Parameters<DossierActionsService['act']>) => retrying(() => service.act(...args)),
    };
    const later = (hours: number) =>
      this.clock.set(calendar.addWorkingTime(this.clock.now, { seconds: hours * HOUR_S }));
    switch (plan.ending) {
      case 'return':
        later(1);
        return void (await actions.act(desk, code, 'return', { note: 'Công dân đã nhận kết quả.' }));
      case 'refuse':
        later(2);
        return void (await actions.act(desk, code, 'refuse', {
          reason: 'Thửa đất/địa điểm kinh doanh không đủ điều kiện theo quy định.',
        }));
      case 'withdraw':
        later(2);
        return void (await actions.act(desk, code, 'withdraw', {
          reason: 'Công dân có đơn xin rút hồ sơ để điều chỉnh thiết kế.',
        }));
      case 'supplement':
      case 'supplement-resumed':
        later(1);
        await actions.act(desk, code, 'supplement-request', DEMO_PROCEDURES[plan.procedure].supplement);
        if (plan.ending === 'supplement') return;
        later(16);
        return void (await actions.act(desk, code, 'supplement-received', {
          note: 'Công dân đã nộp đủ giấy tờ bổ sung.',
        }));
      case 'apology': {
        later(1);
        const [{ appointment_at: appointmentAt }] = await this.db.query(
          `SELECT appointment_at FROM dossiers WHERE code = $1`,
          [code],
        );
        const newAppointmentAt = calendar.addWorkingTime(
          new Date(Math.max(appointmentAt.getTime(), this.clock.realNow.getTime())),
          { seconds: 3 * 8 * HOUR_S },
        );
        return void (await actions.act(await this.user('leader'), code, 'apology', {
          reason: 'Phải lấy thêm ý kiến của Phòng Tài nguyên và Môi trường về ranh giới thửa đất.',
          newAppointmentAt: newAppointmentAt.toISOString(),
        }));
      }
      case 'none':
        return;
    }
  }

  /** The desk scans each listed document at reception: one small PDF per document. */
  private async scanDocuments(
    desk: AuthUser,
    code: string,
    procedureCode: string,
    documents: readonly string[],
  ): Promise<void> {
    const [{ list }]: { list: { code: string; name: string }[] }[] = await this.db.query(
      `SELECT required_documents AS list FROM procedures WHERE code = $1`,
      [procedureCode],
    );
    for (const documentKey of documents) {
      const name = list.find((d) => d.code === documentKey)?.name ?? documentKey;
      await this.store(
        desk,
        code,
        { kind: 'document', documentKey },
        {
          fileName: `${name}.pdf`,
          title: name,
          lines: ['Bản chụp từ bản giấy công dân nộp tại Bộ phận Một cửa, đã đối chiếu với bản chính.'],
        },
      );
    }
  }

  /** A demo file stored through the files service (same checks, storage, audit as an upload); returns the ids. */
  private async store(
    user: AuthUser,
    code: string,
    fields: Parameters<DossierFilesService['add']>[2],
    file: DemoFile,
  ): Promise<string[]> {
    const look = fields.kind === 'result' ? 'result' : fields.kind === 'document' ? 'scan' : 'attachment';
    const body = await demoPdf({ title: file.title, code, lines: file.lines, look });
    const { items } = await this.app
      .get(DossierFilesService)
      .add(user, code, fields, [{ fileName: file.fileName, body }]);
    return items.map((f) => f.id);
  }

  private async openTask(
    code: string,
  ): Promise<{ id: string; element_id: string; created_at: Date; due_at: Date | null } | undefined> {
    const rows = await this.db.query(
      `SELECT t.id, t.element_id, t.created_at, t.due_at FROM tasks t JOIN dossiers d ON d.instance_id = t.instance_id
       WHERE d.code = $1 AND t.status = 'open' ORDER BY t.created_at DESC LIMIT 1`,
      [code],
    );
    return rows[0];
  }

  private async user(username: string): Promise<AuthUser> {
    const cached = this.users.get(username);
    if (cached) return cached;
    const profile = await this.app.get(UsersService).findByUsername(username);
    if (!profile) throw new Error(`Demo account ${username} is missing: run the identity seed first`);
    this.users.set(username, profile);
    return profile;
  }
}

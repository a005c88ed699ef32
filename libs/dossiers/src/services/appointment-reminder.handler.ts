import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UNIT_DIRECTORY, type UnitDirectory } from '../../../common/src';
import {
  APPOINTMENT_REMINDER,
  JobKindRegistry,
  JobScheduler,
  NotificationService,
  RuntimeService,
  type ClaimedJob,
  type JobOutcome,
} from '../../../workflow/src';
import type { DossierStatus } from '../domain/dossier-status.machine';
import { reminderMessage, reminderStillDue, type ReminderPayload } from './appointment-reminder.plan';

interface ReminderDossier {
  code: string;
  unitCode: string;
  status: DossierStatus;
  appointmentAt: Date;
  procedureName: string;
}

const SELECT_DOSSIER = `SELECT d.code, d.unit_code AS "unitCode", d.status, d.appointment_at AS "appointmentAt", s.procedure_name AS "procedureName"
  FROM dossiers d JOIN dossier_status s ON s.code = d.code WHERE d.code = $1`;

/**
 * Runs `appointment.reminder` (issue 3 item 4): one working day before the appointment, if
 * the dossier is still unresolved, the leaders of the receiving unit are asked for an apology
 * letter and a new date (a notification each). Idempotent: the dossier row is locked first
 * (the order desk actions use), the job is finished only if still ours, and the notices carry
 * the job id, so a redelivery, a takeover or a stale job (the appointment moved) asks nobody twice.
 */
@Injectable()
export class AppointmentReminderHandler implements OnModuleInit {
  constructor(
    private readonly kinds: JobKindRegistry,
    private readonly jobs: JobScheduler,
    private readonly runtime: RuntimeService,
    private readonly notifications: NotificationService,
    private readonly db: DataSource,
    @Inject(UNIT_DIRECTORY) private readonly directory: UnitDirectory,
  ) {}

  onModuleInit(): void {
    this.kinds.register(APPOINTMENT_REMINDER, (job, workerId) => this.remind(job, workerId));
  }

  async remind(job: ClaimedJob, workerId: string): Promise<JobOutcome> {
    const payload = job.payload as Partial<ReminderPayload> | null;
    // Recipients are looked up before the transaction, which then holds one connection only.
    const [before]: ReminderDossier[] = payload?.code ? await this.db.query(SELECT_DOSSIER, [payload.code]) : [];
    const leaders = before ? await this.directory.usersWithRole(before.unitCode, 'leader') : [];
    return this.runtime.transaction(async (tx) => {
      const [dossier] = payload?.code
        ? await tx.rows<ReminderDossier>(`${SELECT_DOSSIER} FOR UPDATE OF d`, [payload.code])
        : [];
      if (!(await this.jobs.finish(tx, job.id, workerId))) return { kind: 'skipped' } as const;
      if (!dossier || !reminderStillDue(dossier, payload)) return { kind: 'done' } as const;
      const { title, body } = reminderMessage(dossier);
      await this.notifications.send(
        tx,
        leaders.map(({ username }) => ({
          recipient: username,
          kind: APPOINTMENT_REMINDER,
          jobId: job.id,
          instanceId: job.instance_id,
          businessKey: dossier.code,
          title,
          body,
        })),
      );
      return { kind: 'done' } as const;
    });
  }
}

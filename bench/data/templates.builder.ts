import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { configureApp } from '../../apps/server/src/app.factory';
import { AppModule } from '../../apps/server/src/app.module';
import { seedDemo } from '../../apps/server/src/seed/demo.seed';
import { CLOCK, type AuthUser, type Clock } from '../../libs/common/src';
import { DossierActionsService } from '../../libs/dossiers/src/services/dossier-actions.service';
import { DossierReceptionService } from '../../libs/dossiers/src/services/dossier-reception.service';
import { TaskService } from '../../libs/workflow/src';
import { WorkingCalendarService } from '../../libs/worktime/src';
import { accountName } from './template.compiler';
import type { GeneratedProcedure } from './procedures';

/** The clock the template server runs on: set to each template's reception, moved per step. */
class ManualClock implements Clock {
  private current = new Date();
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** One real dossier, stopped after `completed` steps (or returned), made by the real services. */
export interface TemplateDossier {
  procedure: GeneratedProcedure;
  /** The demo unit it was received at (commune Tân Lợi or the city). */
  unitCode: string;
  /** 0 = first step open; -1 = returned to the citizen. */
  stage: number;
  weekday: number;
  code: string;
  lookupKey: string;
  instanceId: string;
  openTasks: number;
  /** The template's last write (copies must not end after now). */
  lastAt: Date;
  /** Due time of the open step, if any. */
  openDueAt: Date | null;
}

export const TEMPLATE_APPLICANT = { fullName: 'Người Mẫu Khuôn', idNumber: '066099999999', phone: '0999999999' };
const TEMPLATE_UNIT = { commune: '000.20.20.H15', district: '000.00.20.H15', province: '000.00.20.H15' } as const;
const HOUR = 3_600_000;

/** The real server (migrations done, demo seeded, workers off) on a clock the generator moves. */
export async function startTemplateServer(): Promise<{ app: INestApplication; clock: ManualClock }> {
  const clock = new ManualClock();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['error', 'warn'] });
  configureApp(app);
  await app.init();
  await seedDemo(app);
  return { app, clock };
}

function actor(role: string, unitCode: string, roles: string[]): AuthUser {
  return {
    id: randomUUID(),
    username: accountName(role, unitCode),
    fullName: `Cán bộ ${role}`,
    unitId: randomUUID(),
    unitCode,
    roles,
  };
}

/**
 * Makes one template per procedure × stage × weekday of `monday`'s week, each received at 08:15
 * (Vietnam) on that day, through the real reception, task and desk services: every row a copy
 * carries was written by the application. Each officer finishes a step after 30–110 % of the
 * step's working time (some steps end late), so a template's timeline is the procedure's real length.
 */
export async function buildTemplates(
  app: INestApplication,
  clock: ManualClock,
  procedures: GeneratedProcedure[],
  monday: Date,
): Promise<TemplateDossier[]> {
  const reception = app.get(DossierReceptionService);
  const tasks = app.get(TaskService);
  const desk = app.get(DossierActionsService);
  const calendars = app.get(WorkingCalendarService);
  const db = app.get(DataSource);
  const out: TemplateDossier[] = [];
  let pace = 0;
  for (const procedure of procedures) {
    const unitCode = TEMPLATE_UNIT[procedure.level];
    for (let weekday = 0; weekday < 5; weekday++) {
      for (let stage = -1; ; stage++) {
        clock.set(new Date(monday.getTime() + weekday * 24 * HOUR + 1.25 * HOUR));
        const receivedBy = actor('reception', unitCode, ['reception']);
        const documents = procedure.requiredDocuments.filter((d) => d.required).map((d) => d.code);
        const channel = weekday === 2 && procedure.channels.includes('online') ? 'online' : 'direct';
        const received = await reception.receive(receivedBy, {
          procedureCode: procedure.code,
          applicant: TEMPLATE_APPLICANT,
          channel,
          documents,
        });
        const [{ instance_id: instanceId }] = await db.query(`SELECT instance_id FROM dossiers WHERE code = $1`, [
          received.code,
        ]);
        const finished = await advance(stage, instanceId, weekday);
        if (stage === -1 && finished) {
          workOn((await openSteps(instanceId))[0]);
          await desk.act(receivedBy, received.code, 'return', {});
        }
        const open = await openSteps(instanceId);
        const openDueAt = open.length && open[0].due_at ? new Date(open[0].due_at) : null;
        out.push({
          procedure,
          unitCode,
          stage,
          weekday,
          code: received.code,
          lookupKey: received.lookupKey,
          instanceId,
          openTasks: open.length,
          lastAt: clock.now(),
          openDueAt,
        });
        if (stage >= 0 && finished) break;
      }
    }
  }
  return out;

  function openSteps(instanceId: string): Promise<OpenStep[]> {
    return db.query(
      `SELECT id, unit_code, candidate_groups, spec, created_at, due_at FROM tasks WHERE instance_id = $1 AND status = 'open' ORDER BY created_at, id`,
      [instanceId],
    );
  }

  /** Moves the clock to when the officer finishes `step`: a share of its working time after it opened. */
  function workOn(step: OpenStep | undefined): void {
    if (!step?.due_at) return clock.advance(HOUR);
    const calendar = calendars.calendarSync(step.unit_code);
    const allowed = calendar.workingMillisBetween(new Date(step.created_at), new Date(step.due_at));
    const share = 0.3 + ((pace++ * 0.37) % 0.8);
    const at = calendar.addWorkingTime(new Date(step.created_at), { seconds: Math.round((share * allowed) / 1000) });
    clock.set(new Date(Math.max(at.getTime(), clock.now().getTime() + 60_000)));
  }

  /** Completes open steps (all of them for stage -1, else `stage`); true when the next step would be the desk's return. */
  async function advance(stage: number, instanceId: string, weekday: number): Promise<boolean> {
    for (let done = 0; stage < 0 || done < stage; done++) {
      const open = await openSteps(instanceId);
      if (!open.length || open[0].spec.status === 'result_ready') return true;
      for (const task of open) {
        workOn(task);
        await tasks.complete(
          actor(task.candidate_groups[0]?.split(':')[0] ?? 'specialist', task.unit_code, task.candidate_groups),
          task.id,
          { approved: true },
        );
      }
    }
    const [next] = await openSteps(instanceId);
    // Two weekdays of five: the officer has already claimed the open step.
    if (next && (weekday === 1 || weekday === 3)) {
      await tasks.claim(
        actor(next.candidate_groups[0]?.split(':')[0] ?? 'specialist', next.unit_code, next.candidate_groups),
        next.id,
      );
    }
    return !next || next.spec.status === 'result_ready';
  }
}

interface OpenStep {
  id: string;
  unit_code: string;
  candidate_groups: string[];
  spec: { status?: string };
  created_at: Date;
  due_at: Date | null;
}

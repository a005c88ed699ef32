import { Injectable } from '@nestjs/common';
import type { WorkingCalendar } from '../../../calendar/src';
import { WorkingCalendarService } from '../../../worktime/src';
import { controlSlip, dueAroundPauses, type HandoverRow, type SlipContext } from '../domain/control-slip.rows';
import { DossiersRepository, type Queryable } from '../repositories/dossiers.repository';
import type { DossierDetail } from './dossiers.service';

/** The parts of a dossier its control slip is read from. */
export type SlipSource = Pick<
  DossierDetail,
  'unitCode' | 'receivedBy' | 'instanceId' | 'pauses' | 'pausedAt' | 'returnedAt' | 'events'
> & {
  /** The dossier's opinions (`OpinionsRepository.forBusinessKey`): each printed on its step's row. */
  opinions?: SlipContext['opinions'];
};

/**
 * The control slip (Form 05) as it should be rated: each step against its due time moved by
 * the supplement pauses during it (on its unit's calendar), and the step the desk's return
 * ended as done by the officer who returned the result. The dossier detail (`DossiersService.get`)
 * and Form 05 both read it, so the page and the printed slip agree.
 */
@Injectable()
export class ControlSlipReader {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly calendars: WorkingCalendarService,
  ) {}

  async history(d: SlipSource, now: Date, tx?: Queryable): Promise<HandoverRow[]> {
    const steps = await this.dossiers.steps(d.instanceId, tx);
    const units = [...new Set(steps.map((s) => s.unitCode))];
    const calendars = new Map<string, WorkingCalendar>(
      await Promise.all(units.map(async (u) => [u, await this.calendars.forUnit(u)] as const)),
    );
    const pauses = [
      ...d.pauses.map((p) => ({ from: new Date(p.from), to: new Date(p.to) })),
      ...(d.pausedAt ? [{ from: new Date(d.pausedAt), to: now }] : []),
    ];
    const returnEvent = [...d.events].reverse().find((e) => e.type === 'return');
    return controlSlip({ unitCode: d.unitCode, user: d.receivedBy }, steps, {
      returned: d.returnedAt && returnEvent ? { at: new Date(d.returnedAt), by: returnEvent.actor } : undefined,
      dueOf: (step) => dueAroundPauses(calendars.get(step.unitCode)!, step, pauses),
      opinions: d.opinions,
    });
  }
}

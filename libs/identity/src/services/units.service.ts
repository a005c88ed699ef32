import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/src';
import type { UnitView } from '../identity.types';
import { UnitsRepository } from '../repositories/units.repository';

/** 400 `UNIT_NOT_FOUND`: a unit code given by a caller or a diagram does not exist. */
export function unitNotFound(code: string): AppError {
  return AppError.badRequest('UNIT_NOT_FOUND', `Unit ${code} does not exist`, { unitCode: code });
}

/** Reads of the unit tree for other modules (dossiers, reports, workflow). */
@Injectable()
export class UnitsService {
  constructor(private readonly units: UnitsRepository) {}

  async findByCode(code: string): Promise<UnitView | undefined> {
    return this.units.findByCode(code);
  }

  /** Like `findByCode`, but throws 400 `UNIT_NOT_FOUND`. */
  async getByCode(code: string): Promise<UnitView> {
    const unit = await this.units.findByCode(code);
    if (!unit) throw unitNotFound(code);
    return unit;
  }

  /** The whole tree as a flat list, parents before children. */
  list(): Promise<UnitView[]> {
    return this.units.listTree();
  }

  /** The unit's code and its descendants' (leaders' reports cover a subtree); 400 `UNIT_NOT_FOUND`. */
  async subtreeCodes(code: string): Promise<string[]> {
    const codes = await this.units.subtreeCodes(code);
    if (codes.length === 0) throw unitNotFound(code);
    return codes;
  }
}

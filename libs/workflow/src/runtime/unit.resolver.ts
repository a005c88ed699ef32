import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { AppError, UNIT_DIRECTORY, type UnitDirectory } from '../../../common/src';

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

/**
 * Resolves a task's `mc:unit` through identity's `UnitDirectory`, with a short cache: the
 * unit tree changes rarely and this sits on the task-completion hot path.
 */
@Injectable()
export class UnitResolver {
  private readonly logger = new Logger(UnitResolver.name);
  private readonly cache = new Map<string, { code: string; expires: number }>();

  constructor(@Optional() @Inject(UNIT_DIRECTORY) private readonly directory?: UnitDirectory) {
    if (!directory)
      this.logger.warn('No UNIT_DIRECTORY provider: tasks go to the receiving unit or the unit code as drawn');
  }

  async resolve(unitRef: string | undefined, receivingUnitCode: string): Promise<string> {
    const ref = unitRef?.trim() || undefined;
    if (!this.directory) return this.fallback(ref, receivingUnitCode);
    const key = `${ref ?? ''}\u0000${receivingUnitCode}`;
    const hit = this.cache.get(key);
    if (hit && hit.expires > Date.now()) return hit.code;
    const code = await this.directory.resolve(ref, receivingUnitCode);
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(key, { code, expires: Date.now() + TTL_MS });
    return code;
  }

  private fallback(ref: string | undefined, receiving: string): string {
    if (!ref || ref === 'receiving') return receiving;
    if (ref === 'parent' || ref === 'province')
      throw AppError.badRequest('UNIT_NOT_FOUND', `Cannot resolve unit "${ref}" without a unit directory`);
    return ref;
  }
}

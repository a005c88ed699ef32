import { Controller, Get, HttpStatus, OnModuleDestroy, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../../../../libs/common/src';
import { redisOptions } from '../../../../libs/database/src';

type Check = 'up' | 'down';

/** Readiness: Postgres and Redis answer within a second. Liveness: the process answers. */
@ApiTags('ops')
@Controller()
export class HealthController implements OnModuleDestroy {
  private readonly redis = new Redis({ ...redisOptions(), lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });

  constructor(private readonly dataSource: DataSource) {
    this.redis.on('error', () => undefined); // reported by the probe, not as an unhandled event
  }

  @Public()
  @Get('health')
  async health(@Res() res: Response) {
    const [postgres, redis] = await Promise.all([
      this.check(() => this.dataSource.query('SELECT 1')),
      this.check(async () => {
        if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
        return this.redis.ping();
      }),
    ]);
    const ok = postgres === 'up' && redis === 'up';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: ok ? 'ok' : 'unavailable', checks: { postgres, redis } });
  }

  @Public()
  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  async onModuleDestroy() {
    this.redis.disconnect();
  }

  private async check(probe: () => Promise<unknown>): Promise<Check> {
    try {
      await Promise.race([probe(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000).unref())]);
      return 'up';
    } catch {
      return 'down';
    }
  }
}

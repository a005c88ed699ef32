import { applyDecorators, Controller, Get, HttpStatus, OnModuleDestroy, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../../../../libs/common/src';
import { redisOptions } from '../../../../libs/database/src';
import { LivenessDto, ReadinessDto } from './health.dto';

/** Readiness answers with its checks either way; 503 is not an ErrorBody. */
const ReadinessResponses = () =>
  applyDecorators(
    ApiOkResponse({ type: ReadinessDto, description: 'Postgres, Redis and migrations are up' }),
    ApiServiceUnavailableResponse({ type: ReadinessDto, description: 'A check is down (status: unavailable)' }),
  );

type Check = 'up' | 'down';

/**
 * Readiness (`/health/ready`, also `/health`): Postgres and Redis answer within a second and every
 * migration this build knows is applied. Liveness (`/health/live`): the process answers.
 */
@ApiTags('ops')
@Controller()
export class HealthController implements OnModuleDestroy {
  private readonly redis = new Redis({
    ...redisOptions(),
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  });
  /** Migrations are never un-applied: once seen complete, not asked again. */
  private migrationsApplied = false;

  constructor(private readonly dataSource: DataSource) {
    this.redis.on('error', () => undefined); // reported by the probe, not as an unhandled event
  }

  @Public()
  @Get('health')
  @ApiOperation({ summary: 'Readiness (same as /health/ready)' })
  @ReadinessResponses()
  health(@Res() res: Response) {
    return this.ready(res);
  }

  @Public()
  @Get('health/ready')
  @ApiOperation({ summary: 'Readiness: Postgres, Redis, migrations; 503 when one is not' })
  @ReadinessResponses()
  async ready(@Res() res: Response) {
    const [postgres, redis, migrations] = await Promise.all([
      this.check(() => this.dataSource.query('SELECT 1')),
      this.check(async () => {
        if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
        return this.redis.ping();
      }),
      this.check(() => this.checkMigrations()),
    ]);
    const ok = postgres === 'up' && redis === 'up' && migrations === 'up';
    res
      .status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ status: ok ? 'ok' : 'unavailable', checks: { postgres, redis, migrations } });
  }

  @Public()
  @Get('health/live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  async onModuleDestroy() {
    this.redis.disconnect();
  }

  private async checkMigrations(): Promise<void> {
    if (this.migrationsApplied) return;
    if (await this.dataSource.showMigrations()) throw new Error('pending migrations');
    this.migrationsApplied = true;
  }

  private async check(probe: () => Promise<unknown>): Promise<Check> {
    try {
      await Promise.race([
        probe(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000).unref()),
      ]);
      return 'up';
    } catch {
      return 'down';
    }
  }
}

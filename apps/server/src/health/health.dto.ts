import { ApiProperty } from '@nestjs/swagger';

const check = { enum: ['up', 'down'] } as const;

/** Each dependency readiness waits for; `down`: no answer within a second (or migrations pending). */
export class HealthChecksDto {
  @ApiProperty(check) postgres: 'up' | 'down';
  @ApiProperty(check) redis: 'up' | 'down';
  @ApiProperty({ ...check, description: 'Every migration this build knows is applied' }) migrations: 'up' | 'down';
}

/** `GET /health/ready`: 200 with `ok`, 503 with `unavailable` and the check that failed. */
export class ReadinessDto {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status: 'ok' | 'unavailable';
  @ApiProperty({ type: HealthChecksDto }) checks: HealthChecksDto;
}

/** `GET /health/live`: the process answers. */
export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

import type { INestApplication } from '@nestjs/common';

/** Seeds the demo province on an empty database (DESIGN §7). Idempotent. (Being written.) */
export async function seedDemo(_app: INestApplication): Promise<void> {}

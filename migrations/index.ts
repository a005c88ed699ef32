/**
 * Every migration, in order. Listed explicitly (not globbed) so the same list works from
 * compiled JavaScript and under jest. Each module appends its own.
 */
import type { MigrationInterface } from 'typeorm';

export const migrations: (new () => MigrationInterface)[] = [];

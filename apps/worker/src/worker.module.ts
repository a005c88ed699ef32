import { Module } from '@nestjs/common';
import { coreModules } from '../../server/src/core.modules';

/**
 * The scale-out worker (DESIGN §1): the server's core modules (same Postgres, Redis and queue
 * prefix) without HTTP. WorkflowModule's processor and reconciler do the work.
 */
@Module({ imports: coreModules() })
export class WorkerModule {}

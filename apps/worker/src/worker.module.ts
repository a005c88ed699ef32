import { Module } from '@nestjs/common';
import { ObservabilityModule } from '../../../libs/observability/src';
import { coreModules } from '../../../libs/core/src';

/**
 * The scale-out worker (DESIGN §1): the server's core modules (same Postgres, Redis and queue
 * prefix) without the API. WorkflowModule's processor and reconciler do the work; the
 * observability module's registry feeds the worker's own `/metrics` (worker-probes.ts).
 */
@Module({ imports: [...coreModules(), ObservabilityModule] })
export class WorkerModule {}

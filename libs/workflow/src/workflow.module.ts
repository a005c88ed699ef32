import { Module } from '@nestjs/common';

/** The engine's persistence, timers and service tasks. (Being written.) */
@Module({})
export class WorkflowModule {}

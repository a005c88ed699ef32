import { Global, Module } from '@nestjs/common';
import { STEP_ATTACHMENTS } from '../../common/src';
import { FileStorageModule } from './file-storage.module';
import { StepAttachmentsAdapter } from './services/step-attachments.adapter';

/** Global: libs/workflow checks a completion's attachments through `STEP_ATTACHMENTS` without importing libs/files. */
@Global()
@Module({
  imports: [FileStorageModule],
  providers: [StepAttachmentsAdapter, { provide: STEP_ATTACHMENTS, useExisting: StepAttachmentsAdapter }],
  exports: [STEP_ATTACHMENTS],
})
export class StepAttachmentsModule {}

import { Global, Module } from '@nestjs/common';
import { CLOCK, systemClock } from './clock';

/** Provides the one `CLOCK` to every module (tests override it with a fake clock). */
@Global()
@Module({ providers: [{ provide: CLOCK, useValue: systemClock }], exports: [CLOCK] })
export class ClockModule {}

import { Inject, Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseOptions } from '../../libs/database/src';
import type { WorkingTime } from '../../libs/calendar/src';
import { stepDueAt, WORKING_TIME } from '../../libs/workflow/src';
import { WorktimeModule } from '../../libs/worktime/src';
import { useTestEnvironment } from '../support/test-env';

/** Stands for workflow's EffectWriter and CommandExecutor: a module that only knows the tokens. */
@Injectable()
class TokenConsumer {
  constructor(@Inject(WORKING_TIME) readonly workingTime: WorkingTime) {}
}

@Module({ providers: [TokenConsumer] })
class ConsumerModule {}

@Module({
  imports: [
    TypeOrmModule.forRootAsync({ useFactory: () => ({ ...databaseOptions(), autoLoadEntities: true }) }),
    WorktimeModule.providing(WORKING_TIME),
    ConsumerModule,
  ],
})
class BindingTestModule {}

/** Feature: WorktimeModule.providing() plugs the calendar into workflow's tokens, preloaded at init. */
describe('calendar binding (e2e)', () => {
  let context: INestApplicationContext;

  beforeAll(async () => {
    useTestEnvironment();
    context = await NestFactory.createApplicationContext(BindingTestModule, { logger: false });
  });
  afterAll(() => context?.close());

  it('gives other modules the preloaded calendar under WORKING_TIME, the one working-time port', () => {
    // given
    const consumer = context.get(TokenConsumer);
    const friday1600 = new Date('2027-02-19T16:00:00+07:00');
    // when
    const stepDue = stepDueAt(consumer.workingTime, friday1600, 'PT2H', '000.00.20.H15');
    const timerDue = consumer.workingTime.add(friday1600, 'PT2H');
    // then: 1 h left on Friday, 1 h from Monday's opening
    expect(stepDue?.toISOString()).toBe('2027-02-22T01:00:00.000Z');
    expect(timerDue.toISOString()).toBe('2027-02-22T01:00:00.000Z');
  });
});

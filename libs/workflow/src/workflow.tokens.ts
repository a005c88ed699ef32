/** BullMQ queue carrying every timer and service-task job; the prefix comes from BullModule.forRootAsync. */
export const JOBS_QUEUE = 'motcua-jobs';

/**
 * Optional `WorkingTime` (libs/calendar's one working-time port) for step deadlines and
 * `mc:workingTime` timers; the calendar module provides it, else wall-clock time counts.
 */
export const WORKING_TIME = Symbol('WORKING_TIME');

/** BullMQ queue carrying every timer and service-task job; the prefix comes from BullModule.forRootAsync. */
export const JOBS_QUEUE = 'motcua-jobs';

/** Optional `WorkingTime` (engine contract) for `mc:workingTime` timers; the calendar module provides it. */
export const WORKING_TIME = Symbol('WORKING_TIME');

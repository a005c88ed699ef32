import { AppError } from '../../common/src';
import { CalendarError, type CalendarErrorCode } from '../../calendar/src';

/** A CalendarError as a 400 AppError with the same code; `details` lists each problem (at least the message). */
export function calendarBadRequest(error: CalendarError): AppError;
export function calendarBadRequest(code: CalendarErrorCode, message: string): AppError;
export function calendarBadRequest(errorOrCode: CalendarError | CalendarErrorCode, message?: string): AppError {
  const error =
    errorOrCode instanceof CalendarError ? errorOrCode : new CalendarError(errorOrCode, message ?? errorOrCode);
  const details = error.details.length > 0 ? [...error.details] : [error.message];
  return new AppError(400, error.code, error.message, details, { cause: error });
}

/** Runs `work`, turning a CalendarError into `calendarBadRequest(error)`. */
export function withCalendarErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw error instanceof CalendarError ? calendarBadRequest(error) : error;
  }
}

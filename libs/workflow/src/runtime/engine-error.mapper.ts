import { AppError } from '../../../common/src';
import { EngineError } from './engine.port';

/** Engine codes that blame the caller's input rather than the instance's state. */
const BAD_INPUT = /(INVALID|MALFORMED|NOT_BPMN|VARIABLE|FEEL|EXPRESSION|^BPMN_)/;

/** EngineError → AppError (400 for bad input, 409 for a command the state does not allow); other errors pass through. */
export function toAppError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof EngineError || (error instanceof Error && error.name === 'EngineError' && 'code' in error)) {
    const engineError = error as EngineError;
    const status = BAD_INPUT.test(engineError.code) ? 400 : 409;
    return new AppError(status, engineError.code, engineError.message, engineError.details, { cause: error });
  }
  return error;
}

import { AppError } from '../../../common/src';

/** 404 with the code identity's UnitDirectory uses for an unknown unit. */
export function unitNotFound(unitCode: string): AppError {
  return AppError.notFound('UNIT_NOT_FOUND', `No unit with code ${unitCode}`);
}

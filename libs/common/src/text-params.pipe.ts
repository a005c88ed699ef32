import { BadRequestException, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { FIELD_LIMITS } from './field-limits';

/** Named route parameters and query values that are not read through a DTO, by name. */
const PARAM_LIMITS: Record<string, number> = {
  code: FIELD_LIMITS.code,
  id: FIELD_LIMITS.code,
  form: FIELD_LIMITS.code,
  username: FIELD_LIMITS.username,
  key: FIELD_LIMITS.bpmnId,
  file: FIELD_LIMITS.fileName,
};
const QUERY_LIMITS: Record<string, number> = {
  key: FIELD_LIMITS.code,
  from: FIELD_LIMITS.timeText,
  to: FIELD_LIMITS.timeText,
};

/**
 * Bounds `@Param('name')` and `@Query('name')` text (issue 15, item 8) with the same answer as a
 * DTO's `@MaxLength`: 400 VALIDATION_FAILED "<name> must be shorter than or equal to N characters".
 * Whole-object `@Query()` / `@Body()` go through their DTOs instead.
 */
export class TextParamsPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (typeof value !== 'string' || !metadata.data || (metadata.type !== 'param' && metadata.type !== 'query'))
      return value;
    const limits = metadata.type === 'param' ? PARAM_LIMITS : QUERY_LIMITS;
    const max = limits[metadata.data] ?? FIELD_LIMITS.otherParam;
    if (value.length > max) {
      throw new BadRequestException({
        statusCode: 400,
        message: [`${metadata.data} must be shorter than or equal to ${max} characters`],
        error: 'Bad Request',
      });
    }
    return value;
  }
}

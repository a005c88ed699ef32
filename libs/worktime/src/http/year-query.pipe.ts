import { Injectable, type PipeTransform } from '@nestjs/common';
import { AppError } from '../../../common/src';

/** `?year=2027` → 2027; absent → undefined; anything else → 400 CALENDAR_INVALID_YEAR (not the generic VALIDATION_FAILED). */
@Injectable()
export class YearQueryPipe implements PipeTransform<unknown, number | undefined> {
  transform(value: unknown): number | undefined {
    if (value === undefined || value === '') return undefined;
    const text = String(value).trim();
    const year = /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
    if (!(year >= 1900 && year <= 2199)) {
      throw AppError.badRequest(
        'CALENDAR_INVALID_YEAR',
        `year must be a year from 1900 to 2199, such as 2027; got '${text}'`,
      );
    }
    return year;
  }
}

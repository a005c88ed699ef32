import { Injectable } from '@nestjs/common';
import { AppError, removeDiacritics } from '../../../common/src';
import { parseSmsCommand } from '../domain/sms-command';
import { RATE_REPLIES } from '../domain/rating.rules';
import { SMS_HELP, SMS_NOT_FOUND, statusReply } from '../domain/sms-reply';
import { PublicLookupService } from './public-lookup.service';
import { RatingsService } from './ratings.service';

/**
 * Answers `HS <code>` / `TRACUU <code>` from the public projection, never personal data (DESIGN §5);
 * and records `DG <code> <1-5>` sent from the applicant's phone (ADR 0030).
 */
@Injectable()
export class SmsInboundService {
  constructor(
    private readonly lookup: PublicLookupService,
    private readonly ratings: RatingsService,
  ) {}

  async reply(text: string, from?: string): Promise<string> {
    const command = parseSmsCommand(text);
    if (command.kind === 'help') return SMS_HELP;
    if (command.kind === 'rate-help') return RATE_REPLIES.help;
    if (command.kind === 'rate')
      return (await this.ratings.rateBySms(from, command.code, command.score)) ?? SMS_NOT_FOUND(command.code);
    try {
      const view = await this.lookup.lookup(command.code);
      return statusReply(view.code, removeDiacritics(view.statusLabel), new Date(view.appointmentAt), {
        status: view.status,
        reason: view.reason,
      });
    } catch (error) {
      if (error instanceof AppError && error.code === 'DOSSIER_NOT_FOUND') return SMS_NOT_FOUND(command.code);
      throw error;
    }
  }
}

import { Injectable } from '@nestjs/common';
import { AppError, removeDiacritics } from '../../../common/src';
import { parseSmsCommand } from '../domain/sms-command';
import { SMS_HELP, SMS_NOT_FOUND, statusReply } from '../domain/sms-reply';
import { PublicLookupService } from './public-lookup.service';

/** Answers `HS <code>` / `TRACUU <code>` from the public projection; never personal data (DESIGN §5). */
@Injectable()
export class SmsInboundService {
  constructor(private readonly lookup: PublicLookupService) {}

  async reply(text: string): Promise<string> {
    const command = parseSmsCommand(text);
    if (command.kind === 'help') return SMS_HELP;
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

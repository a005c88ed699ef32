import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentUser, Roles, type AuthUser } from '../../../common/src';
import { OwnershipService } from '../ownership/ownership.service';
import { MessageCorrelationService } from './message-correlation.service';
import { MessageDto, MessageOutcomeDto } from './message.dto';

/**
 * Admin only: a message reaches any instance and can start any process, so it is an integration
 * entry point (the national portal, a payment gateway), not an officer's action. Officers act on
 * their tasks; integrations sign in as an administrator account.
 */
@ApiTags('messages')
@Roles('admin')
@Controller('api/messages')
export class MessageController {
  constructor(
    private readonly messages: MessageCorrelationService,
    private readonly ownership: OwnershipService,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Correlate with the instance of businessKey waiting for the message, else start the process with that message start',
  })
  @ApiOkResponse({ type: MessageOutcomeDto })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'RECEIVING_UNIT_REQUIRED', 'UNIT_NOT_FOUND'],
    403: ['ADMIN_SCOPE'],
    404: ['MESSAGE_NOT_CORRELATED'],
    409: [
      'MESSAGE_START_AMBIGUOUS',
      'MESSAGE_CORRELATION_AMBIGUOUS',
      'MESSAGE_NOT_CORRELATED',
      'INSTANCE_NOT_RUNNING',
      'CONCURRENT_UPDATE',
    ],
  })
  async deliver(@Body() body: MessageDto, @CurrentUser() user: AuthUser) {
    // Another unit's instances are out of reach (issue 15); message starts stay open to every administrator.
    if (body.businessKey) await this.ownership.assertBusinessKey(await this.ownership.reach(user), body.businessKey);
    return this.messages.deliver(body.messageName, { businessKey: body.businessKey, variables: body.variables }, user);
  }
}

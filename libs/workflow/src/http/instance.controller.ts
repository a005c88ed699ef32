import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentUser, Roles, type AuthUser } from '../../../common/src';
import { RuntimeService } from '../services/runtime.service';
import { OwnershipService } from '../ownership/ownership.service';
import { CancelInstanceDto } from './dtos/cancel-instance.dto';
import { CorrelateMessageDto } from './dtos/correlate-message.dto';
import { InstanceDto } from './dtos/instance.response';
import { StartInstanceDto } from './dtos/start-instance.dto';

@ApiTags('instances')
@Roles('admin')
@Controller('api/instances')
export class InstanceController {
  constructor(
    private readonly runtime: RuntimeService,
    private readonly ownership: OwnershipService,
  ) {}

  /** 404 `INSTANCE_NOT_FOUND` unless the caller manages the instance's key (issue 15). */
  private async visible(id: string, user: AuthUser): Promise<void> {
    await this.ownership.assertInstance(await this.ownership.reach(user), id);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Start the latest version of a deployed process' })
  @ApiCreatedResponse({ type: InstanceDto })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'RECEIVING_UNIT_REQUIRED', 'UNIT_NOT_FOUND'],
    403: ['ADMIN_SCOPE'],
    404: ['DEFINITION_NOT_FOUND'],
    409: ['CONCURRENT_UPDATE'],
  })
  async start(@Body() body: StartInstanceDto, @CurrentUser() user: AuthUser) {
    const reach = await this.ownership.reach(user);
    await this.ownership.keyFor(reach, body.definitionKey, 'change');
    const receiving = body.variables?.receivingUnit;
    if (typeof receiving === 'string' && receiving && !reach.manages(receiving))
      reach.assert(receiving, `Unit ${receiving}`);
    return this.runtime.startAndRead(
      body.definitionKey,
      { businessKey: body.businessKey, variables: body.variables },
      user,
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'State, tasks, jobs, incidents and history of an instance' })
  @ApiOkResponse({ type: InstanceDto })
  @ApiErrors({ 404: ['INSTANCE_NOT_FOUND'] })
  async get(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    await this.visible(id, user);
    return this.runtime.get(id);
  }

  @Post(':id/messages')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deliver a message to the instance (409 MESSAGE_NOT_CORRELATED when it does not wait for it)',
  })
  @ApiOkResponse({ type: InstanceDto })
  @ApiErrors({
    400: ['VALIDATION_FAILED'],
    404: ['INSTANCE_NOT_FOUND'],
    409: ['MESSAGE_NOT_CORRELATED', 'INSTANCE_NOT_RUNNING', 'CONCURRENT_UPDATE'],
  })
  async message(@Param('id') id: string, @Body() body: CorrelateMessageDto, @CurrentUser() user: AuthUser) {
    await this.visible(id, user);
    await this.runtime.correlateMessage({ instanceId: id }, body.messageName, body.variables, user);
    return this.runtime.get(id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Terminate the instance; its open tasks and jobs are cancelled' })
  @ApiOkResponse({ type: InstanceDto })
  @ApiErrors({
    400: ['VALIDATION_FAILED'],
    404: ['INSTANCE_NOT_FOUND'],
    409: ['INSTANCE_NOT_RUNNING', 'CONCURRENT_UPDATE'],
  })
  async cancel(@Param('id') id: string, @Body() body: CancelInstanceDto, @CurrentUser() user: AuthUser) {
    await this.visible(id, user);
    await this.runtime.cancel(id, body.reason, user);
    return this.runtime.get(id);
  }
}

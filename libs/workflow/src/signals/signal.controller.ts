import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Roles } from '../../../common/src';
import { SignalBroadcastService } from './signal-broadcast.service';
import { SignalBroadcastDto, SignalDto } from './signal.dto';

/** Admin only, like `POST /api/messages`: a signal reaches every instance of every process. */
@ApiTags('signals')
@Roles('admin')
@Controller('api/signals')
export class SignalController {
  constructor(private readonly signals: SignalBroadcastService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Broadcast a signal: one delivery job per instance waiting for it now; deliveries run asynchronously',
  })
  @ApiAcceptedResponse({ type: SignalBroadcastDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  broadcast(@Body() body: SignalDto) {
    return this.signals.broadcast(body.signalName, body.variables);
  }
}

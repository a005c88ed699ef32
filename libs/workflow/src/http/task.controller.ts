import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../../../common/src';
import { TaskService } from '../services/task.service';
import { CompleteTaskDto } from './dtos/complete-task.dto';
import { DelegateTaskDto } from './dtos/delegate-task.dto';
import { TaskQueryDto } from './dtos/task-query.dto';

/** The inbox of every officer; a task of another unit is 404, whatever it is. */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/tasks')
export class TaskController {
  constructor(private readonly tasks: TaskService) {}

  @Get()
  @ApiOperation({ summary: 'Tasks of my unit offered to my roles, by due time' })
  inbox(@CurrentUser() user: AuthUser, @Query() query: TaskQueryDto) {
    return this.tasks.inbox(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.tasks.get(user, id);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOperation({ summary: '409 TASK_ALREADY_CLAIMED when someone else got there first' })
  claim(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.tasks.claim(user, id);
  }

  @Post(':id/unclaim')
  @HttpCode(200)
  unclaim(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.tasks.unclaim(user, id);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete (claiming it if unclaimed) with an optional opinion and attachments; 409 TASK_CLAIMED_BY_OTHER / TASK_NOT_OPEN; 400 OPINION_REQUIRED / ATTACHMENT_REQUIRED / FILE_NOT_ATTACHABLE' })
  complete(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: CompleteTaskDto) {
    return this.tasks.complete(user, id, body.variables ?? {}, { opinion: body.opinion, attachments: body.attachments });
  }

  @Get(':id/opinions')
  @ApiOperation({ summary: "The opinions of the task's dossier, newest first (shown when completing it)" })
  opinions(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.tasks.opinions(user, id);
  }

  @Post(':id/delegate')
  @HttpCode(200)
  delegate(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: DelegateTaskDto) {
    return this.tasks.delegate(user, id, body.userId);
  }
}

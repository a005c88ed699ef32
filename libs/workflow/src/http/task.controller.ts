import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentUser, Roles, type AuthUser } from '../../../common/src';
import { TaskService } from '../services/task.service';
import { AssignableOfficersDto, BulkAssignDto, BulkClaimDto, BulkTaskResultDto } from './dtos/bulk-task.dto';
import { CompleteTaskDto } from './dtos/complete-task.dto';
import { DelegateTaskDto } from './dtos/delegate-task.dto';
import { TaskQueryDto } from './dtos/task-query.dto';
import { OpinionPageDto, TaskDto, TaskPageDto } from './dtos/task.response';

/** The inbox of every officer; a task of another unit is 404, whatever it is. */
@ApiTags('tasks')
@Controller('api/tasks')
export class TaskController {
  constructor(private readonly tasks: TaskService) {}

  @Get()
  @ApiOperation({ summary: 'Tasks of my unit offered to my roles, by due time' })
  @ApiOkResponse({ type: TaskPageDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 403: ['FORBIDDEN_ROLE'] })
  inbox(@CurrentUser() user: AuthUser, @Query() query: TaskQueryDto) {
    return this.tasks.inbox(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One task (of my unit, or of a unit I manage)' })
  @ApiOkResponse({ type: TaskDto })
  @ApiErrors({ 404: ['TASK_NOT_FOUND'] })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.tasks.get(user, id);
  }

  @Post('bulk-claim')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Claim several tasks at once; each is claimed or refused on its own, with the code the single claim would answer',
  })
  @ApiOkResponse({ type: BulkTaskResultDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  claimMany(@CurrentUser() user: AuthUser, @Body() body: BulkClaimDto) {
    return this.tasks.claimMany(user, body.taskIds);
  }

  @Post('bulk-assign')
  @HttpCode(200)
  @Roles('head')
  @ApiOperation({
    summary: 'The head of the unit hands several tasks to one officer; each is assigned or refused on its own',
  })
  @ApiOkResponse({ type: BulkTaskResultDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  assignMany(@CurrentUser() user: AuthUser, @Body() body: BulkAssignDto) {
    return this.tasks.delegateMany(user, body.taskIds, body.userId);
  }

  @Post('assignable-officers')
  @HttpCode(200)
  @Roles('head')
  @ApiOperation({
    summary:
      "Officers of the head's unit who may take the chosen steps (their roles fit the steps' groups), with how many each fits",
  })
  @ApiOkResponse({ type: AssignableOfficersDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  assignableOfficers(@CurrentUser() user: AuthUser, @Body() body: BulkClaimDto) {
    return this.tasks.assignableOfficers(user, body.taskIds);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Claim a task offered to my roles' })
  @ApiOkResponse({ type: TaskDto })
  @ApiErrors({ 403: ['TASK_NOT_CANDIDATE'], 404: ['TASK_NOT_FOUND'], 409: ['TASK_ALREADY_CLAIMED', 'TASK_NOT_OPEN'] })
  claim(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.tasks.claim(user, id);
  }

  @Post(':id/unclaim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give a claimed task back (its assignee or the head of the unit)' })
  @ApiOkResponse({ type: TaskDto })
  @ApiErrors({ 403: ['TASK_NOT_ASSIGNEE'], 404: ['TASK_NOT_FOUND'], 409: ['TASK_NOT_CLAIMED', 'TASK_NOT_OPEN'] })
  unclaim(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.tasks.unclaim(user, id);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete (claiming it if unclaimed) with an optional opinion and attachments' })
  @ApiOkResponse({ type: TaskDto })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'OPINION_REQUIRED', 'ATTACHMENT_REQUIRED', 'FILE_NOT_ATTACHABLE'],
    403: ['TASK_NOT_CANDIDATE', 'TASK_NOT_ASSIGNEE'],
    404: ['TASK_NOT_FOUND'],
    409: ['TASK_CLAIMED_BY_OTHER', 'TASK_NOT_OPEN', 'TASK_DESK_ACTION'],
  })
  complete(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: CompleteTaskDto) {
    return this.tasks.complete(user, id, body.variables ?? {}, {
      opinion: body.opinion,
      attachments: body.attachments,
    });
  }

  @Get(':id/opinions')
  @ApiOperation({ summary: "The opinions of the task's dossier, newest first (shown when completing it)" })
  @ApiOkResponse({ type: OpinionPageDto })
  @ApiErrors({ 404: ['TASK_NOT_FOUND'] })
  opinions(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.tasks.opinions(user, id);
  }

  @Post(':id/delegate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the task to another officer of its unit (a candidate or the head of the unit)' })
  @ApiOkResponse({ type: TaskDto })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'DELEGATE_TARGET_INVALID'],
    403: ['TASK_NOT_ASSIGNEE'],
    404: ['TASK_NOT_FOUND'],
    409: ['TASK_NOT_OPEN'],
  })
  delegate(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: DelegateTaskDto) {
    return this.tasks.delegate(user, id, body.userId);
  }
}

import { Body, Controller, Get, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, asWire, AUDIT_LOG, CurrentUser, Roles, type AuditLog, type AuthUser } from '../../../common/src';
import { AdminRatingCriteriaDto, CreateRatingCriterionDto, UpdateRatingCriterionDto } from '../dtos/rating.dto';
import { RatingsService } from '../services/ratings.service';

/** Administrators edit the satisfaction criteria (ADR 0030); past ratings keep the criteria they were given on. */
@ApiTags('admin')
@Roles('admin')
@Controller('api/admin/rating-criteria')
export class AdminRatingCriteriaController {
  constructor(
    private readonly ratings: RatingsService,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every criterion, active or retired, in order' })
  @ApiOkResponse({ type: AdminRatingCriteriaDto })
  async list(): Promise<AdminRatingCriteriaDto> {
    return asWire(await this.ratings.allCriteria());
  }

  @Post()
  @ApiOperation({ summary: 'Add a criterion at the end (audited as rating-criterion.created)' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 409: ['RATING_CRITERION_EXISTS'] })
  @ApiCreatedResponse({ type: AdminRatingCriteriaDto, description: 'The whole list after the change' })
  async create(@Body() body: CreateRatingCriterionDto, @CurrentUser() user: AuthUser): Promise<AdminRatingCriteriaDto> {
    const list = await this.ratings.createCriterion(body.code, body.label);
    await this.audit.record({
      actor: user.username,
      action: 'rating-criterion.created',
      subject: `rating-criterion:${body.code}`,
      data: { label: body.label },
    });
    return asWire(list);
  }

  @Patch(':code')
  @ApiOperation({ summary: "Change a criterion's label, place or state (audited as rating-criterion.updated)" })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['RATING_CRITERION_NOT_FOUND'], 409: ['RATING_CRITERIA_EMPTY'] })
  @ApiOkResponse({ type: AdminRatingCriteriaDto, description: 'The whole list after the change' })
  async update(
    @Param('code') code: string,
    @Body() body: UpdateRatingCriterionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AdminRatingCriteriaDto> {
    const list = await this.ratings.updateCriterion(code, body);
    await this.audit.record({
      actor: user.username,
      action: 'rating-criterion.updated',
      subject: `rating-criterion:${code}`,
      data: { ...body },
    });
    return asWire(list);
  }
}

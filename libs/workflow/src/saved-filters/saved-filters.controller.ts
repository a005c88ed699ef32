import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, AppError, CurrentUser, type AuthUser } from '../../../common/src';
import { CreateSavedFilterDto, MAX_SAVED_FILTERS, SavedFilterDto, SavedFilterListDto } from './saved-filter.dto';
import { SavedFiltersRepository } from './saved-filters.repository';
import { isUuid } from '../persistence/uuid';

/** Each officer's saved inbox filters (issue 19 item 1): only the caller's own are listed, applied or deleted. */
@ApiTags('tasks')
@Controller('api/inbox/filters')
export class SavedFiltersController {
  constructor(private readonly filters: SavedFiltersRepository) {}

  @Get()
  @ApiOperation({ summary: 'My saved inbox filters, by name' })
  @ApiOkResponse({ type: SavedFilterListDto })
  async list(@CurrentUser() user: AuthUser): Promise<SavedFilterListDto> {
    return { items: await this.filters.list(user.id), limit: MAX_SAVED_FILTERS };
  }

  @Post()
  @ApiOperation({ summary: 'Save the inbox filters under a name (at most 20 per account, names unique)' })
  @ApiCreatedResponse({ type: SavedFilterDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 409: ['SAVED_FILTER_NAME_TAKEN', 'SAVED_FILTER_LIMIT'] })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateSavedFilterDto): Promise<SavedFilterDto> {
    const name = body.name.trim().replace(/\s+/g, ' ');
    if (!name) throw AppError.badRequest('VALIDATION_FAILED', 'name must not be blank');
    const { procedure, due, assignee, q } = body.filter;
    const filter = Object.fromEntries(
      Object.entries({ procedure: procedure?.trim(), due, assignee, q: q?.trim() }).filter(([, v]) => v),
    );
    return this.filters.create(user.id, name, filter);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete one of my saved filters; answers the ones left' })
  @ApiOkResponse({ type: SavedFilterListDto })
  @ApiErrors({ 404: ['SAVED_FILTER_NOT_FOUND'] })
  async remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SavedFilterListDto> {
    if (!isUuid(id)) throw AppError.notFound('SAVED_FILTER_NOT_FOUND', `Saved filter ${id} not found`);
    await this.filters.remove(user.id, id);
    return this.list(user);
  }
}

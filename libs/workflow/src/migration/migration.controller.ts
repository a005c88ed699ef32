import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentUser, Roles, type AuthUser } from '../../../common/src';
import { MigrationDto, MigrationReportDto } from './migration.dto';

const MIGRATION_ERRORS = {
  400: ['VALIDATION_FAILED', 'MIGRATION_VERSION_ORDER'],
  403: ['ADMIN_SCOPE'],
  404: ['DEFINITION_NOT_FOUND'],
} as const;
import { InstanceMigrationService } from './instance-migration.service';
import { OwnershipService } from '../ownership/ownership.service';

@ApiTags('migrations')
@Roles('admin')
@Controller('api/admin/migrations')
export class MigrationController {
  constructor(
    private readonly migrations: InstanceMigrationService,
    private readonly ownership: OwnershipService,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move waiting instances to a later version; each instance migrates or is refused on its own',
  })
  @ApiOkResponse({ type: MigrationReportDto })
  @ApiErrors(MIGRATION_ERRORS)
  async migrate(@Body() body: MigrationDto, @CurrentUser() user: AuthUser) {
    await this.ownership.keyFor(await this.ownership.reach(user), body.definitionKey, 'change');
    return this.migrations.migrate(body, user.username);
  }

  @Post('plan')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dry run: what POST /api/admin/migrations would migrate and refuse, changing nothing' })
  @ApiOkResponse({ type: MigrationReportDto, description: 'What would migrate and what would be refused' })
  @ApiErrors(MIGRATION_ERRORS)
  async plan(@Body() body: MigrationDto, @CurrentUser() user: AuthUser) {
    await this.ownership.keyFor(await this.ownership.reach(user), body.definitionKey, 'change');
    return this.migrations.plan(body);
  }
}

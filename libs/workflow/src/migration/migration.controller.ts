import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../../../common/src';
import { MigrationDto } from './migration.dto';
import { InstanceMigrationService } from './instance-migration.service';

@ApiTags('migrations')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/admin/migrations')
export class MigrationController {
  constructor(private readonly migrations: InstanceMigrationService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Move waiting instances to a later version; each instance migrates or is refused on its own' })
  migrate(@Body() body: MigrationDto, @CurrentUser() user: AuthUser) {
    return this.migrations.migrate(body, user.username);
  }

  @Post('plan')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dry run: what POST /api/admin/migrations would migrate and refuse, changing nothing' })
  plan(@Body() body: MigrationDto) {
    return this.migrations.plan(body);
  }
}

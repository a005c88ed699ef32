import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentUser, Roles, type AuthUser } from '../../../common/src';
import { AuditListDto, AuditQueryDto, toAuditEntryDto } from '../dtos/audit.dto';
import { AuditLogService } from '../services/audit-log.service';
import { UnitDirectoryService } from '../services/unit-directory.service';

@ApiTags('admin')
@Controller('api/admin/audit')
export class AuditController {
  constructor(
    private readonly audit: AuditLogService,
    private readonly units: UnitDirectoryService,
  ) {}

  /**
   * Administrators: audit entries of their subtree (issue 15: by an account of it, or about one
   * of its accounts or units; everything for the province), newest first, by actor, action (or
   * family), subject and time range.
   */
  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: AuditListDto })
  @ApiOperation({ summary: 'Audit log of my subtree, newest first' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 403: ['ADMIN_SCOPE'] })
  async list(@Query() query: AuditQueryDto, @CurrentUser() user: AuthUser): Promise<AuditListDto> {
    const { codes, root } = await this.units.administered(user.unitCode);
    const { items, total } = await this.audit.find({ ...query, unitCodes: root ? undefined : codes });
    return { items: items.map(toAuditEntryDto), total };
  }
}

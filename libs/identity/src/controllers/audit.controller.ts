import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../common/src';
import { AuditListDto, AuditQueryDto, toAuditEntryDto } from '../dtos/audit.dto';
import { AuditLogService } from '../services/audit-log.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditLogService) {}

  /** Administrators: audit entries, newest first, by actor, action (or family), subject and time range. */
  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: AuditListDto })
  async list(@Query() query: AuditQueryDto): Promise<AuditListDto> {
    const { items, total } = await this.audit.find(query);
    return { items: items.map(toAuditEntryDto), total };
  }
}

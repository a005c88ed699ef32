import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { toUnitDto, UnitListDto } from '../dtos/unit.dto';
import { UnitsService } from '../services/units.service';

@ApiTags('units')
@Controller('api/units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  /** Any signed-in staff: the unit tree as a flat list with `parentCode`. */
  @Get()
  @ApiOkResponse({ type: UnitListDto })
  @ApiOperation({ summary: 'Every unit (directory for pickers), by code' })
  async list(): Promise<UnitListDto> {
    const items = (await this.units.list()).map(toUnitDto);
    return { items, total: items.length };
  }
}

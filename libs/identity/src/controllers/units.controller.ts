import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { toUnitDto, UnitListDto } from '../dtos/unit.dto';
import { UnitsService } from '../services/units.service';

@ApiTags('units')
@ApiBearerAuth()
@Controller('api/units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  /** Any signed-in staff: the unit tree as a flat list with `parentCode`. */
  @Get()
  @ApiOkResponse({ type: UnitListDto })
  async list(): Promise<UnitListDto> {
    const items = (await this.units.list()).map(toUnitDto);
    return { items, total: items.length };
  }
}

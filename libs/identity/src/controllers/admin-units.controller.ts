import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Roles } from '../../../common/src';
import { Actor } from '../guards/actor.decorator';
import type { AdminActor } from '../services/admin-scope';
import { CreateUnitDto, MoveUnitDto, toUnitNodeDto, UnitTreeDto, UpdateUnitDto } from '../dtos/admin-unit.dto';
import { toUnitDto, UnitDto } from '../dtos/unit.dto';
import { UnitAdminService } from '../services/unit-admin.service';

function count(nodes: UnitTreeDto['items']): number {
  return nodes.reduce((sum, node) => sum + 1 + count(node.children), 0);
}

/** Units of the administrator's subtree (403 `ADMIN_SCOPE` outside it). Office hours: `/api/calendar/office-hours`. */
@ApiTags('admin')
@Roles('admin')
@Controller('api/admin/units')
export class AdminUnitsController {
  constructor(private readonly units: UnitAdminService) {}

  @Get()
  @ApiOperation({ summary: "The caller's unit and its descendants, nested, with active account counts" })
  @ApiOkResponse({ type: UnitTreeDto })
  @ApiErrors({ 403: ['ADMIN_SCOPE'] })
  async tree(@Actor() user: AdminActor): Promise<UnitTreeDto> {
    const items = (await this.units.tree(user)).map(toUnitNodeDto);
    return { items, total: count(items) };
  }

  @Post()
  @ApiOperation({
    summary: 'Create under a unit of the scope; 400 UNIT_CODE_INVALID / UNIT_NOT_FOUND, 409 UNIT_CODE_TAKEN',
  })
  @ApiCreatedResponse({ type: UnitDto })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'UNIT_CODE_INVALID', 'UNIT_NOT_FOUND'],
    403: ['ADMIN_SCOPE'],
    409: ['UNIT_CODE_TAKEN'],
  })
  async create(@Actor() user: AdminActor, @Body() body: CreateUnitDto): Promise<UnitDto> {
    return toUnitDto(await this.units.create(user, body));
  }

  @Patch(':code')
  @ApiOperation({ summary: 'Rename or change the kind' })
  @ApiOkResponse({ type: UnitDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED', 'UNIT_NOT_FOUND'], 403: ['ADMIN_SCOPE'] })
  async update(@Actor() user: AdminActor, @Param('code') code: string, @Body() body: UpdateUnitDto): Promise<UnitDto> {
    return toUnitDto(await this.units.update(user, code, body));
  }

  @Post(':code/move')
  @HttpCode(200)
  @ApiOperation({ summary: 'New parent; 400 UNIT_MOVE_CYCLE under itself or a descendant' })
  @ApiOkResponse({ type: UnitDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED', 'UNIT_MOVE_CYCLE', 'UNIT_NOT_FOUND'], 403: ['ADMIN_SCOPE'] })
  async move(@Actor() user: AdminActor, @Param('code') code: string, @Body() body: MoveUnitDto): Promise<UnitDto> {
    return toUnitDto(await this.units.move(user, code, body.parentCode));
  }

  @Post(':code/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Units are never deleted; 409 UNIT_HAS_ACTIVE_CHILDREN' })
  @ApiOkResponse({ type: UnitDto })
  @ApiErrors({ 400: ['UNIT_NOT_FOUND'], 403: ['ADMIN_SCOPE'], 409: ['UNIT_HAS_ACTIVE_CHILDREN'] })
  async deactivate(@Actor() user: AdminActor, @Param('code') code: string): Promise<UnitDto> {
    return toUnitDto(await this.units.setActive(user, code, false));
  }

  @Post(':code/reactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: UnitDto })
  @ApiOperation({ summary: 'Reactivate a unit (its parent must be active)' })
  @ApiErrors({ 400: ['UNIT_NOT_FOUND'], 403: ['ADMIN_SCOPE'] })
  async reactivate(@Actor() user: AdminActor, @Param('code') code: string): Promise<UnitDto> {
    return toUnitDto(await this.units.setActive(user, code, true));
  }
}

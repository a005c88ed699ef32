import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { FIELD_LIMITS } from '../../../common/src';
import { UNIT_KINDS, type UnitKind } from '../identity.types';
import type { UnitNode } from '../services/unit-admin.service';
import { UnitDto } from './unit.dto';

export class CreateUnitDto {
  @ApiProperty({ example: '000.21.20.H15', description: 'National format NNN.NN.NN.Hxx, else 400 UNIT_CODE_INVALID' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.code)
  code: string;
  @ApiProperty({ example: 'UBND phường Tân Lập' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.personName)
  name: string;
  @ApiProperty({ enum: UNIT_KINDS }) @IsIn(UNIT_KINDS) kind: UnitKind;
  @ApiProperty({ example: '000.00.20.H15' }) @IsString() @IsNotEmpty() @MaxLength(FIELD_LIMITS.code) parentCode: string;
}

/** Office hours are edited on the calendar API (`PUT /api/calendar/office-hours?unit=`), not here. */
export class UpdateUnitDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(FIELD_LIMITS.personName) name?: string;
  @ApiPropertyOptional({ enum: UNIT_KINDS }) @IsOptional() @IsIn(UNIT_KINDS) kind?: UnitKind;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '01 Lê Thị Hồng Gấm, phường Tân Lợi, TP. Buôn Ma Thuột',
    description: 'Street address shown to citizens on the procedure pages; null or empty clears it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.address)
  address?: string | null;
}

export class MoveUnitDto {
  @ApiProperty({ example: '000.00.20.H15' }) @IsString() @IsNotEmpty() @MaxLength(FIELD_LIMITS.code) parentCode: string;
}

export class UnitNodeDto extends UnitDto {
  @ApiProperty({ description: 'Active accounts of this unit (not of its descendants)' }) users: number;
  @ApiProperty({ type: () => [UnitNodeDto] }) children: UnitNodeDto[];
}

export class UnitTreeDto {
  @ApiProperty({ type: [UnitNodeDto], description: "The administrator's own unit with its descendants" })
  items: UnitNodeDto[];
  @ApiProperty({ description: 'Number of units in the tree' }) total: number;
}

export function toUnitNodeDto(node: UnitNode): UnitNodeDto {
  const { id, code, name, kind, parentCode, active, users } = node;
  const address = node.address ?? null;
  return { id, code, name, kind, parentCode, active, address, users, children: node.children.map(toUnitNodeDto) };
}

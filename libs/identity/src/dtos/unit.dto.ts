import { ApiProperty } from '@nestjs/swagger';
import { UNIT_KINDS, type UnitKind } from '../identity.types';
import type { UnitView } from '../identity.types';

export class UnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '000.00.20.H15' }) code: string;
  @ApiProperty({ example: 'UBND thành phố Buôn Ma Thuột' }) name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty({ example: '000.00.00.H15', nullable: true, type: String }) parentCode: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ example: '01 Lê Thị Hồng Gấm, phường Tân Lợi', nullable: true, type: String }) address: string | null;
}

export class UnitListDto {
  @ApiProperty({ type: [UnitDto], description: 'The whole tree, parents before children' }) items: UnitDto[];
  @ApiProperty() total: number;
}

export function toUnitDto(unit: UnitView): UnitDto {
  const { id, code, name, kind, parentCode, active } = unit;
  return { id, code, name, kind, parentCode, active, address: unit.address ?? null };
}

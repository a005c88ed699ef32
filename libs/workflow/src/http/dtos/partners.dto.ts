import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';

/** `PUT /api/definitions/:key/partners`: the units (outside the owner's subtree) the key's diagrams may send steps to. */
export class PartnersDto {
  @ApiProperty({ example: ['000.00.01.H15'], description: 'Replaces the list; [] removes every partner' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  unitCodes!: string[];
}

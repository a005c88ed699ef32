import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { FIELD_LIMITS } from '../../../common/src';
import type { AccountRow } from '../repositories/user-admin.repository';
import { MAX_OFFSET } from '../../../common/src';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class AccountQueryDto {
  @ApiPropertyOptional({ example: '000.00.20.H15', description: 'Defaults to the whole scope' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.code)
  unit?: string;
  @ApiPropertyOptional({ default: true, description: 'Include the units below `unit`' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  subtree?: boolean;
  @ApiPropertyOptional({ example: 'specialist', description: '`specialist` also finds `specialist:land`' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.code)
  role?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ description: 'Part of the username or full name' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.search)
  q?: string;
  @ApiPropertyOptional({ type: 'integer', default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;
  @ApiPropertyOptional({ type: 'integer', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset = 0;
}

export class CreateAccountDto {
  @ApiProperty({
    example: 'nguyen.van.b',
    description: 'Lowercase letters, digits, `.`, `_`, `-` (400 USERNAME_INVALID)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.username)
  username: string;
  @ApiProperty({ example: 'Nguyễn Văn B' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.personName)
  fullName: string;
  @ApiProperty({ example: '000.00.20.H15' }) @IsString() @IsNotEmpty() @MaxLength(FIELD_LIMITS.code) unitCode: string;
  @ApiProperty({
    example: ['specialist:land'],
    description: 'admin | reception | specialist | specialist:<field> | head | leader (400 ROLE_INVALID)',
  })
  @IsArray()
  @ArrayMaxSize(FIELD_LIMITS.roles)
  @IsString({ each: true })
  @MaxLength(FIELD_LIMITS.code, { each: true })
  roles: string[];
  @ApiPropertyOptional({
    description: 'Initial password (400 PASSWORD_WEAK); omitted: one is generated and returned once',
  })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.password)
  password?: string;
}

export class UpdateAccountDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(FIELD_LIMITS.personName) fullName?: string;
  @ApiPropertyOptional({ description: 'Move the account to another unit of the scope' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.code)
  unitCode?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FIELD_LIMITS.roles)
  @IsString({ each: true })
  @MaxLength(FIELD_LIMITS.code, { each: true })
  roles?: string[];
}

export class AccountDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty() active: boolean;
  @ApiProperty() mustChangePassword: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'Set while locked out (or after an expired lock)',
  })
  lockedUntil: string | null;
  @ApiProperty() failedLogins: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AccountListDto {
  @ApiProperty({ type: [AccountDto] }) items: AccountDto[];
  @ApiProperty() total: number;
}

export class AccountWithPasswordDto {
  @ApiProperty({ type: AccountDto }) user: AccountDto;
  @ApiPropertyOptional({ description: 'Shown once: generated when no password was given or on reset' })
  temporaryPassword?: string;
}

export class DeactivatedAccountDto {
  @ApiProperty({ type: AccountDto }) user: AccountDto;
  @ApiProperty({ type: [String], description: 'Claimed open tasks put back in their group' }) releasedTaskIds: string[];
}

export function toAccountDto(row: AccountRow): AccountDto {
  return { ...row, lockedUntil: row.lockedUntil?.toISOString() ?? null, createdAt: row.createdAt.toISOString() };
}

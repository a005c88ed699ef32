import { ApiProperty } from '@nestjs/swagger';
import type { UserProfile } from '../identity.types';

/** The signed-in user as clients see it (login response and `/api/auth/me`). */
export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'reception' }) username: string;
  @ApiProperty({ example: 'Trần Thị Thu Hà' }) fullName: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: '000.00.20.H15' }) unitCode: string;
  @ApiProperty({ example: 'UBND thành phố Buôn Ma Thuột' }) unitName: string;
  @ApiProperty({ example: ['reception'], type: [String] }) roles: string[];
  @ApiProperty({ description: 'The client should ask for a new password before anything else' })
  mustChangePassword: boolean;
}

export function toUserDto(user: UserProfile): UserDto {
  const { id, username, fullName, unitId, unitCode, unitName, roles, mustChangePassword } = user;
  return { id, username, fullName, unitId, unitCode, unitName, roles, mustChangePassword };
}

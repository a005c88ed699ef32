import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Roles } from '../../../common/src';
import { Actor } from '../guards/actor.decorator';
import type { AdminActor } from '../services/admin-scope';
import {
  AccountDto,
  AccountListDto,
  AccountQueryDto,
  AccountWithPasswordDto,
  CreateAccountDto,
  DeactivatedAccountDto,
  toAccountDto,
  UpdateAccountDto,
} from '../dtos/admin-user.dto';
import { UserAdminService } from '../services/user-admin.service';

/** Accounts of the administrator's subtree (403 `ADMIN_SCOPE` outside it); every change audited. */
@ApiTags('admin')
@Roles('admin')
@Controller('api/admin/users')
export class AdminUsersController {
  constructor(private readonly accounts: UserAdminService) {}

  @Get()
  @ApiOkResponse({ type: AccountListDto })
  @ApiOperation({ summary: 'Accounts of my subtree, filtered by unit, role, text' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 403: ['ADMIN_SCOPE'] })
  async list(@Actor() admin: AdminActor, @Query() query: AccountQueryDto): Promise<AccountListDto> {
    const { items, total } = await this.accounts.list(admin, { ...query, unitCode: query.unit, search: query.q });
    return { items: items.map(toAccountDto), total };
  }

  @Get(':username')
  @ApiOkResponse({ type: AccountDto })
  @ApiOperation({ summary: 'One account of my subtree' })
  @ApiErrors({ 403: ['ADMIN_SCOPE'], 404: ['USER_NOT_FOUND'] })
  async get(@Actor() admin: AdminActor, @Param('username') username: string): Promise<AccountDto> {
    return toAccountDto(await this.accounts.get(admin, username));
  }

  @Post()
  @ApiOperation({
    summary:
      'Must change the password at first login; 400 ROLE_INVALID / USERNAME_INVALID / PASSWORD_WEAK, 409 USERNAME_TAKEN',
  })
  @ApiCreatedResponse({ type: AccountWithPasswordDto })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'ROLE_INVALID', 'USERNAME_INVALID', 'UNIT_NOT_FOUND', 'PASSWORD_WEAK'],
    403: ['ADMIN_SCOPE'],
    409: ['USERNAME_TAKEN'],
  })
  async create(@Actor() admin: AdminActor, @Body() body: CreateAccountDto): Promise<AccountWithPasswordDto> {
    const { account, temporaryPassword } = await this.accounts.create(admin, body);
    return { user: toAccountDto(account), temporaryPassword };
  }

  @Patch(':username')
  @ApiOperation({ summary: 'Full name, unit, roles; 400 ROLE_INVALID / ADMIN_SELF_CHANGE' })
  @ApiOkResponse({ type: AccountDto })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'ROLE_INVALID', 'UNIT_NOT_FOUND', 'ADMIN_SELF_CHANGE'],
    403: ['ADMIN_SCOPE'],
    404: ['USER_NOT_FOUND'],
  })
  async update(
    @Actor() admin: AdminActor,
    @Param('username') username: string,
    @Body() body: UpdateAccountDto,
  ): Promise<AccountDto> {
    return toAccountDto(await this.accounts.update(admin, username, body));
  }

  @Post(':username/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: "Tokens stop working at once; the account's claimed tasks go back to their group" })
  @ApiOkResponse({ type: DeactivatedAccountDto })
  @ApiErrors({ 400: ['ADMIN_SELF_CHANGE'], 403: ['ADMIN_SCOPE'], 404: ['USER_NOT_FOUND'] })
  async deactivate(@Actor() admin: AdminActor, @Param('username') username: string): Promise<DeactivatedAccountDto> {
    const { account, releasedTaskIds } = await this.accounts.deactivate(admin, username);
    return { user: toAccountDto(account), releasedTaskIds };
  }

  @Post(':username/reactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: AccountDto })
  @ApiOperation({ summary: 'Let a deactivated account sign in again' })
  @ApiErrors({ 403: ['ADMIN_SCOPE'], 404: ['USER_NOT_FOUND'] })
  async reactivate(@Actor() admin: AdminActor, @Param('username') username: string): Promise<AccountDto> {
    return toAccountDto(await this.accounts.reactivate(admin, username));
  }

  @Post(':username/reset-password')
  @HttpCode(200)
  @ApiOperation({ summary: 'A temporary password, returned once; must be changed at next login; also unlocks' })
  @ApiOkResponse({ type: AccountWithPasswordDto })
  @ApiErrors({ 400: ['ADMIN_SELF_CHANGE'], 403: ['ADMIN_SCOPE'], 404: ['USER_NOT_FOUND'] })
  async resetPassword(
    @Actor() admin: AdminActor,
    @Param('username') username: string,
  ): Promise<AccountWithPasswordDto> {
    const { account, temporaryPassword } = await this.accounts.resetPassword(admin, username);
    return { user: toAccountDto(account), temporaryPassword };
  }

  @Post(':username/unlock')
  @HttpCode(200)
  @ApiOkResponse({ type: AccountDto })
  @ApiOperation({ summary: 'End the lockout after failed logins' })
  @ApiErrors({ 403: ['ADMIN_SCOPE'], 404: ['USER_NOT_FOUND'] })
  async unlock(@Actor() admin: AdminActor, @Param('username') username: string): Promise<AccountDto> {
    return toAccountDto(await this.accounts.unlock(admin, username));
  }
}

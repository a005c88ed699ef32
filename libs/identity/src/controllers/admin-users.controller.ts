import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../common/src';
import { Actor } from '../guards/actor.decorator';
import type { AdminActor } from '../services/admin-scope';
import {
  AccountDto, AccountListDto, AccountQueryDto, AccountWithPasswordDto, CreateAccountDto, DeactivatedAccountDto, toAccountDto, UpdateAccountDto,
} from '../dtos/admin-user.dto';
import { UserAdminService } from '../services/user-admin.service';

/** Accounts of the administrator's subtree (403 `ADMIN_SCOPE` outside it); every change audited. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/admin/users')
export class AdminUsersController {
  constructor(private readonly accounts: UserAdminService) {}

  @Get()
  @ApiOkResponse({ type: AccountListDto })
  async list(@Actor() admin: AdminActor, @Query() query: AccountQueryDto): Promise<AccountListDto> {
    const { items, total } = await this.accounts.list(admin, { ...query, unitCode: query.unit, search: query.q });
    return { items: items.map(toAccountDto), total };
  }

  @Get(':username')
  @ApiOkResponse({ type: AccountDto })
  async get(@Actor() admin: AdminActor, @Param('username') username: string): Promise<AccountDto> {
    return toAccountDto(await this.accounts.get(admin, username));
  }

  @Post()
  @ApiOperation({ summary: 'Must change the password at first login; 400 ROLE_INVALID / USERNAME_INVALID / PASSWORD_WEAK, 409 USERNAME_TAKEN' })
  @ApiCreatedResponse({ type: AccountWithPasswordDto })
  async create(@Actor() admin: AdminActor, @Body() body: CreateAccountDto): Promise<AccountWithPasswordDto> {
    const { account, temporaryPassword } = await this.accounts.create(admin, body);
    return { user: toAccountDto(account), temporaryPassword };
  }

  @Patch(':username')
  @ApiOperation({ summary: 'Full name, unit, roles; 400 ROLE_INVALID / ADMIN_SELF_CHANGE' })
  @ApiOkResponse({ type: AccountDto })
  async update(@Actor() admin: AdminActor, @Param('username') username: string, @Body() body: UpdateAccountDto): Promise<AccountDto> {
    return toAccountDto(await this.accounts.update(admin, username, body));
  }

  @Post(':username/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: "Tokens stop working at once; the account's claimed tasks go back to their group" })
  @ApiOkResponse({ type: DeactivatedAccountDto })
  async deactivate(@Actor() admin: AdminActor, @Param('username') username: string): Promise<DeactivatedAccountDto> {
    const { account, releasedTaskIds } = await this.accounts.deactivate(admin, username);
    return { user: toAccountDto(account), releasedTaskIds };
  }

  @Post(':username/reactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: AccountDto })
  async reactivate(@Actor() admin: AdminActor, @Param('username') username: string): Promise<AccountDto> {
    return toAccountDto(await this.accounts.reactivate(admin, username));
  }

  @Post(':username/reset-password')
  @HttpCode(200)
  @ApiOperation({ summary: 'A temporary password, returned once; must be changed at next login; also unlocks' })
  @ApiOkResponse({ type: AccountWithPasswordDto })
  async resetPassword(@Actor() admin: AdminActor, @Param('username') username: string): Promise<AccountWithPasswordDto> {
    const { account, temporaryPassword } = await this.accounts.resetPassword(admin, username);
    return { user: toAccountDto(account), temporaryPassword };
  }

  @Post(':username/unlock')
  @HttpCode(200)
  @ApiOkResponse({ type: AccountDto })
  async unlock(@Actor() admin: AdminActor, @Param('username') username: string): Promise<AccountDto> {
    return toAccountDto(await this.accounts.unlock(admin, username));
  }
}

import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AUDIT_LOG, CLAIMED_WORK, ClaimedWorkReleases, UNIT_DIRECTORY, UNIT_OFFICE_HOURS } from '../../common/src';
import { AdminUnitsController } from './controllers/admin-units.controller';
import { AdminUsersController } from './controllers/admin-users.controller';
import { AuditController } from './controllers/audit.controller';
import { AuthController } from './controllers/auth.controller';
import { UnitsController } from './controllers/units.controller';
import { AuthGuard } from './guards/auth.guard';
import { AuditRepository } from './repositories/audit.repository';
import { UnitAdminRepository } from './repositories/unit-admin.repository';
import { UserAdminRepository } from './repositories/user-admin.repository';
import { UnitOfficeHoursRepository } from './repositories/unit-office-hours.repository';
import { UnitsRepository } from './repositories/units.repository';
import { UsersRepository } from './repositories/users.repository';
import { IdentitySeeder } from './seed/identity.seeder';
import { AccessTokenService } from './services/access-token.service';
import { AuditLogService } from './services/audit-log.service';
import { AuthService } from './services/auth.service';
import { LoginThrottle } from './services/login-throttle.service';
import { PasswordHasher } from './services/password-hasher.service';
import { UnitAdminService } from './services/unit-admin.service';
import { UnitDirectoryService } from './services/unit-directory.service';
import { UserAdminService } from './services/user-admin.service';
import { UnitsService } from './services/units.service';
import { UsersService } from './services/users.service';

/**
 * Units, accounts, roles, authentication and the audit trail. Global: the guard protects every
 * route, and other modules inject `UNIT_DIRECTORY`, `AUDIT_LOG`, `CLAIMED_WORK`, `UNIT_OFFICE_HOURS`, `UnitsService`, `UsersService`.
 */
@Global()
@Module({
  imports: [
    // Options are passed per call by AccessTokenService, which reads JWT_SECRET lazily.
    JwtModule.register({}),
  ],
  controllers: [AuthController, UnitsController, AuditController, AdminUnitsController, AdminUsersController],
  providers: [
    UsersRepository,
    UnitsRepository,
    AuditRepository,
    UnitAdminRepository,
    UserAdminRepository,
    UnitOfficeHoursRepository,
    PasswordHasher,
    AccessTokenService,
    AuthService,
    LoginThrottle,
    UsersService,
    UnitsService,
    UnitDirectoryService,
    UnitAdminService,
    UserAdminService,
    AuditLogService,
    IdentitySeeder,
    { provide: UNIT_DIRECTORY, useExisting: UnitDirectoryService },
    { provide: AUDIT_LOG, useExisting: AuditLogService },
    { provide: CLAIMED_WORK, useValue: new ClaimedWorkReleases() },
    { provide: UNIT_OFFICE_HOURS, useExisting: UnitOfficeHoursRepository },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [
    UNIT_DIRECTORY,
    AUDIT_LOG,
    CLAIMED_WORK,
    UNIT_OFFICE_HOURS,
    UnitsService,
    UsersService,
    AuditLogService,
    IdentitySeeder,
  ],
})
export class IdentityModule {}

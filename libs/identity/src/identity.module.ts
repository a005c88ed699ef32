import { Module } from '@nestjs/common';

/** Units, accounts, roles, authentication and the audit trail. (Being written.) */
@Module({})
export class IdentityModule {}

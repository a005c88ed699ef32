import { SetMetadata } from '@nestjs/common';

export const ALLOWED_DURING_PASSWORD_CHANGE = 'motcua:allowed-during-password-change';

/** The few routes a user who must change their password may still call (`/api/auth/me`, `/api/auth/password`). */
export const AllowedDuringPasswordChange = () => SetMetadata(ALLOWED_DURING_PASSWORD_CHANGE, true);

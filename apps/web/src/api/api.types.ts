/** Shapes of the HTTP contract (DESIGN §6) that the web app relies on: generated ones (schemas.ts), named. */
import type { Schemas } from './schemas';

/** Every error response of the server. */
export type ApiErrorBody = Schemas['ErrorBodyDto'];

/** Lists are paginated with `?limit=&offset=`. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** The signed-in officer (`GET /api/auth/me`). */
export type CurrentUser = Schemas['UserDto'];

export type LoginResponse = Schemas['LoginResponseDto'];

export type Task = Schemas['TaskDto'];

export type TaskStatus = Task['status'];

/** A file attached to an opinion (issue 16): downloaded by id from the dossier's files. */
export type OpinionAttachment = Schemas['AttachmentRefDto'];

/** An officer's opinion (ý kiến xử lý) on a completed step: staff only, never on a public channel. */
export type Opinion = Schemas['OpinionDto'];

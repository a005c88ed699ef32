/** Shapes of the HTTP contract (DESIGN §6) that the web app relies on. */

/** Every error response of the server. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

/** Lists are paginated with `?limit=&offset=`. */
export interface Page<T> {
  items: T[];
  total: number;
}

export interface CurrentUser {
  id: string;
  username: string;
  fullName: string;
  unitCode: string;
  unitName: string;
  roles: string[];
  /** True after an administrator set or reset the password: the app asks for a new one first. */
  mustChangePassword?: boolean;
}

export interface LoginResponse {
  accessToken: string;
  user: CurrentUser;
}

export type TaskStatus = 'open' | 'completed' | 'cancelled';

export interface Task {
  id: string;
  elementId: string;
  name: string;
  instanceId: string;
  businessKey: string | null;
  unitCode: string;
  candidateGroups: string[];
  /** Username of the officer who claimed the task, or null. */
  assignee: string | null;
  status: TaskStatus;
  createdAt: string;
  dueAt: string | null;
  /** Set by the server: open and past due (its overdue job flagged it, or the due time has passed). */
  overdue?: boolean;
  /** When the overdue job flagged the task and told the head of the unit. */
  overdueAt?: string | null;
  /** The step's completion form as drawn (`mc:form`), or null (see pages/inbox/task-form.ts). */
  form?: unknown;
  /** `mc:action`: the one-stop action on the dossier page that completes this step (`supplement`, `apology`), or null. */
  deskAction?: string | null;
  /** Inbox list only: the dossier's applicant, procedure and appointment (null for a step without a dossier). */
  applicantName?: string | null;
  procedureName?: string | null;
  appointmentAt?: string | null;
}

/** A file attached to an opinion (issue 16): downloaded by id from the dossier's files. */
export interface OpinionAttachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

/** An officer's opinion (ý kiến xử lý) on a completed step: staff only, never on a public channel. */
export interface Opinion {
  id: string;
  taskId: string;
  instanceId: string;
  businessKey: string | null;
  elementId: string;
  step: string;
  outcome: string | null;
  author: { username: string; fullName: string; unitCode: string; unitName: string };
  text: string;
  attachments: OpinionAttachment[];
  createdAt: string;
}

/** Inbox filters, one per tab. */
export type TaskFilter = 'all' | 'mine' | 'unassigned' | 'overdue';

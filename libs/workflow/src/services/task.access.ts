import { AppError, rolesMatchGroups, type AuthUser } from '../../../common/src';
import type { TaskRow } from '../views/task.view';

/** The desk actions' names as the officer knows them (the buttons on the dossier page). */
const DESK_ACTION_NAMES: Record<string, string> = {
  supplement: 'thao tác "Yêu cầu bổ sung" (Mẫu 02) rồi "Đã nhận bổ sung"',
  apology: 'thao tác "Xin lỗi, hẹn lại ngày trả" (Mẫu 04)',
};

/** The one place task access is decided (as Immich's utils/access.ts). */
export const TaskAccess = {
  /** A candidate: same unit, and a role that satisfies one of the task's groups. */
  isCandidate(user: AuthUser, task: TaskRow): boolean {
    return task.unit_code === user.unitCode && rolesMatchGroups(user.roles, task.candidate_groups ?? []);
  },

  /** The head of the task's unit supervises every task of the unit. */
  isHeadOf(user: AuthUser, task: TaskRow): boolean {
    return task.unit_code === user.unitCode && user.roles.includes('head');
  },

  /** Candidates, the unit's head, and administrators of the task's unit or a unit above it (`administers`, issue 15). */
  canSee(user: AuthUser, task: TaskRow, administers: (unitCode: string) => boolean = () => false): boolean {
    return (
      this.isCandidate(user, task) ||
      this.isHeadOf(user, task) ||
      (user.roles.includes('admin') && administers(task.unit_code))
    );
  },

  /** 404 for anyone outside the task's unit or groups: no existence oracle. */
  notFound(id: string): AppError {
    return AppError.notFound('TASK_NOT_FOUND', `Task ${id} not found`);
  },

  /** What a completion needs of the user: a candidate of the task, which is unassigned or theirs (status aside). */
  mayComplete(user: AuthUser, task: { unitCode: string; candidateGroups: string[]; assignee: string | null }): boolean {
    const candidate = task.unitCode === user.unitCode && rolesMatchGroups(user.roles, task.candidateGroups);
    return candidate && (task.assignee === null || task.assignee === user.username);
  },

  /** Null when the user may complete the task now (open, a candidate, unassigned or theirs); else why not. */
  completionRefusal(id: string, task: TaskRow | undefined, user: AuthUser): AppError | null {
    const allowed =
      task &&
      task.status === 'open' &&
      this.isCandidate(user, task) &&
      (task.assignee === null || task.assignee === user.username);
    return allowed ? this.deskActionRefusal(id, task.spec?.action) : this.refusal(id, task, user, 'complete');
  },

  /**
   * A step drawn with `mc:action` is completed only by its desk action, which does what the inbox
   * cannot (Form 02 or 04, the clock, the SMS, the desk log): 409 `TASK_DESK_ACTION` (ADR 0012).
   */
  deskActionRefusal(id: string, action: string | undefined | null): AppError | null {
    if (!action) return null;
    const what = DESK_ACTION_NAMES[action] ?? `thao tác một cửa "${action}"`;
    return AppError.conflict(
      'TASK_DESK_ACTION',
      `Bước này được hoàn thành bằng ${what} trên trang hồ sơ, không hoàn thành từ hộp công việc`,
      { taskId: id, action },
    );
  },

  /**
   * Why a guarded update changed nothing, from the task as it is now.
   * `action` picks the conflict code a client of that action expects.
   */
  refusal(
    id: string,
    task: TaskRow | undefined,
    user: AuthUser,
    action: 'claim' | 'complete' | 'unclaim' | 'delegate',
  ): AppError {
    if (!task) return this.notFound(id);
    const candidate = this.isCandidate(user, task);
    const head = this.isHeadOf(user, task);
    if (!candidate && !head) return this.notFound(id);
    if (task.status !== 'open') return AppError.conflict('TASK_NOT_OPEN', `Task ${id} is ${task.status}`);
    if ((action === 'claim' || action === 'complete') && !candidate) {
      return AppError.forbidden('TASK_NOT_CANDIDATE', `Task ${id} is offered to ${task.candidate_groups.join(', ')}`);
    }
    if (action === 'claim')
      return AppError.conflict('TASK_ALREADY_CLAIMED', `Task ${id} is already claimed by ${task.assignee}`);
    if (action === 'complete')
      return AppError.conflict('TASK_CLAIMED_BY_OTHER', `Task ${id} is claimed by ${task.assignee}`);
    if (action === 'unclaim' && task.assignee === null)
      return AppError.conflict('TASK_NOT_CLAIMED', `Task ${id} is not claimed`);
    return AppError.forbidden(
      'TASK_NOT_ASSIGNEE',
      `Only the assignee or the head of the unit may ${action} task ${id}`,
    );
  },
};

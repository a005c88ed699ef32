import { formatVietnamDate, vietnamWallClock } from '../../../calendar/src';

/** A step as its deadline notifications describe it. */
export interface DeadlineTask {
  id: string;
  instance_id: string;
  element_id: string;
  name: string;
  unit_code: string;
  candidate_groups: string[];
  assignee: string | null;
  due_at: Date;
  business_key: string | null;
}

/** `16:00 02/06/2025`, Vietnam time, as officers read it. */
export function vietnamTime(at: Date): string {
  return `${vietnamWallClock(at).time} ${formatVietnamDate(at)}`;
}

const stepName = (task: DeadlineTask) => task.name || task.element_id;
const dossier = (task: DeadlineTask) => (task.business_key ? `Hồ sơ ${task.business_key}` : 'Hồ sơ');

/** Title and body of the warning to the assignee. */
export function warningMessage(task: DeadlineTask): { title: string; body: string } {
  return {
    title: `Sắp đến hạn: ${stepName(task)}`,
    body: `${dossier(task)}: bước "${stepName(task)}" đến hạn lúc ${vietnamTime(task.due_at)}.`,
  };
}

/** Title and body of the overdue notice to the heads of the unit. */
export function overdueMessage(task: DeadlineTask): { title: string; body: string } {
  const who = task.assignee ? `do ${task.assignee} xử lý` : 'chưa có người nhận';
  return {
    title: `Quá hạn: ${stepName(task)}`,
    body: `${dossier(task)}: bước "${stepName(task)}" (${who}) đã quá hạn từ ${vietnamTime(task.due_at)}.`,
  };
}

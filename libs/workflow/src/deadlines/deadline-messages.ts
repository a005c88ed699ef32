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

const VIETNAM = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `16:00 02/06/2025`, Vietnam time, as officers read it. */
export function vietnamTime(at: Date): string {
  const part = Object.fromEntries(VIETNAM.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.hour}:${part.minute} ${part.day}/${part.month}/${part.year}`;
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

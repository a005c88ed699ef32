/** A notification as its recipient sees it. */
export interface NotificationView {
  id: string;
  kind: string;
  taskId: string | null;
  instanceId: string | null;
  businessKey: string | null;
  /** Vietnamese, shown in the bell. */
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}

/** What a module asks to be sent to one officer. */
export interface NewNotification {
  recipient: string;
  kind: string;
  title: string;
  body?: string;
  taskId?: string | null;
  instanceId?: string | null;
  businessKey?: string | null;
  /** The job that sends it: a redelivered job does not notify twice. */
  jobId?: string | null;
}

export const NOTIFICATION_COLUMNS = `id, kind, task_id AS "taskId", instance_id AS "instanceId", business_key AS "businessKey",
  title, body, created_at AS "createdAt", read_at AS "readAt"`;

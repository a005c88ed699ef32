import type { AttachmentRef } from '../../../common/src';

/** An officer's opinion (ý kiến xử lý) on a completed step, with the files attached to it (issue 16). */
export interface OpinionView {
  id: string;
  taskId: string;
  instanceId: string;
  /** The dossier code (the instance's business key). */
  businessKey: string | null;
  elementId: string;
  /** The step's name as drawn when it was completed. */
  step: string;
  /** The outcome chosen (`outcome` variable), if the form had outcomes. */
  outcome: string | null;
  author: { username: string; fullName: string; unitCode: string; unitName: string };
  text: string;
  attachments: AttachmentRef[];
  createdAt: Date;
}

/** The columns of an `OpinionView`, on alias `o`. */
export const OPINION_COLUMNS = `o.id, o.task_id AS "taskId", o.instance_id AS "instanceId", o.business_key AS "businessKey",
  o.element_id AS "elementId", o.step_name AS step, o.outcome,
  json_build_object('username', o.author_username, 'fullName', o.author_name, 'unitCode', o.author_unit_code, 'unitName', o.author_unit_name) AS author,
  o.text, o.attachments, o.created_at AS "createdAt"`;

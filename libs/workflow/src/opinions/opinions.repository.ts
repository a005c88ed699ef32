import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AttachmentRef } from '../../../common/src';
import type { Sql } from '../persistence/sql';
import type { WriteStatement } from '../persistence/write.statement';
import { OPINION_COLUMNS, type OpinionView } from './opinion.view';

/** What a completion writes beside the task: the opinion and the files vouched for. */
export interface OpinionDraft {
  text: string;
  attachments: AttachmentRef[];
  outcome: string | null;
  author: { username: string; fullName: string; unitCode: string; unitName: string };
}

type Reader = Pick<Sql, 'rows'> | { query(sql: string, params?: unknown[]): Promise<unknown> };

/** `task_opinions`: written in the completion's own statement, read per dossier or per instance, newest first. */
@Injectable()
export class OpinionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Adds the opinion's insert to a completion's statement, reading the completed task from the
   * part `completion` (its RETURNING row): no completion, no opinion; one statement, one commit.
   */
  addInsert(st: WriteStatement, completion: string, businessKey: string | null, draft: OpinionDraft, at: Date): string {
    const { author } = draft;
    return st.add(
      `INSERT INTO task_opinions (task_id, instance_id, business_key, element_id, step_name, outcome, author_username, author_name,
         author_unit_code, author_unit_name, text, attachments, created_at)
       SELECT c.id, c.instance_id, ${st.param(businessKey, '::text')}, c.element_id, c.name, ${st.param(draft.outcome, '::text')},
         ${st.param(author.username, '::text')}, ${st.param(author.fullName, '::text')}, ${st.param(author.unitCode, '::text')},
         ${st.param(author.unitName, '::text')}, ${st.param(draft.text, '::text')}, ${st.json(draft.attachments)}, ${st.param(at, '::timestamptz')}
       FROM ${completion} c
       RETURNING id`,
    );
  }

  /** Every opinion of a dossier (its instance and call-activity children), newest first. */
  forBusinessKey(businessKey: string, db: Reader = this.dataSource): Promise<OpinionView[]> {
    return read(
      db,
      `SELECT ${OPINION_COLUMNS} FROM task_opinions o WHERE o.business_key = $1 ORDER BY o.created_at DESC, o.id DESC`,
      [businessKey],
    );
  }

  /** The opinions written in one instance, newest first. */
  forInstance(instanceId: string, db: Reader = this.dataSource): Promise<OpinionView[]> {
    return read(
      db,
      `SELECT ${OPINION_COLUMNS} FROM task_opinions o WHERE o.instance_id = $1 ORDER BY o.created_at DESC, o.id DESC`,
      [instanceId],
    );
  }
}

async function read(db: Reader, sql: string, params: unknown[]): Promise<OpinionView[]> {
  return ('rows' in db ? await db.rows<OpinionView>(sql, params) : await db.query(sql, params)) as OpinionView[];
}

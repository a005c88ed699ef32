import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Online submission (issue 18 item 3, ADR 0028): the procedure's e-form (`procedures.e_form`), the
 * citizen's submissions waiting for the desk (`online_submissions`, libs/online), and the files a
 * citizen uploads before submitting (`staged_files`, libs/files: the same storage and checks as a
 * dossier's files; bound to a submission when it is sent, copied to `dossier_files` on acceptance).
 * SMS to the citizen go through the outbox, filled by triggers in the transaction that changed the
 * submission, as for dossiers (migration 1764300800000): sent, supplement asked, refused; on
 * acceptance the dossier's own "received" message carries the link to Form 01 (`detail`, taken
 * from the transaction-local setting `motcua.online_receipt_link`, so the lookup key is kept in no
 * table but the outbox that sends it).
 */
export class OnlineSubmissions1764601200000 implements MigrationInterface {
  name = 'OnlineSubmissions1764601200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE procedures ADD COLUMN e_form jsonb`);
    await db.query(`
      CREATE TABLE online_submissions (
        id              uuid PRIMARY KEY,
        code            text NOT NULL UNIQUE,
        citizen_id      text NOT NULL,
        phone           text NOT NULL,
        procedure_code  text NOT NULL,
        unit_code       text NOT NULL,
        applicant       jsonb NOT NULL,
        answers         jsonb NOT NULL,
        status          text NOT NULL CHECK (status IN ('waiting', 'supplement_required', 'refused', 'accepted')),
        reason          text,
        rounds          integer NOT NULL DEFAULT 1,
        dossier_code    text,
        decided_by      text,
        idempotency_key text NOT NULL,
        request_hash    text NOT NULL,
        submitted_at    timestamptz NOT NULL,
        updated_at      timestamptz NOT NULL,
        UNIQUE (citizen_id, idempotency_key),
        CHECK (status <> 'accepted' OR dossier_code IS NOT NULL)
      )`);
    await db.query(
      `CREATE INDEX online_submissions_queue_idx ON online_submissions (unit_code, status, updated_at) WHERE status = 'waiting'`,
    );
    await db.query(`CREATE INDEX online_submissions_citizen_idx ON online_submissions (citizen_id, submitted_at DESC)`);
    await db.query(`
      CREATE TABLE staged_files (
        id            uuid PRIMARY KEY,
        owner         text NOT NULL,
        procedure_code text NOT NULL,
        document_key  text NOT NULL,
        submission_id uuid,
        file_name     text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        content_type  text NOT NULL,
        size          bigint NOT NULL CHECK (size > 0),
        sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key   text NOT NULL UNIQUE,
        uploaded_at   timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX staged_files_submission_idx ON staged_files (submission_id) WHERE submission_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX staged_files_owner_idx ON staged_files (owner, uploaded_at) WHERE submission_id IS NULL`,
    );

    await db.query(`ALTER TABLE sms_outbox DROP CONSTRAINT sms_outbox_kind_check`);
    await db.query(
      `ALTER TABLE sms_outbox ADD CONSTRAINT sms_outbox_kind_check CHECK (kind IN ('received', 'supplement_required', 'result_ready', 'apology', 'rejected',
         'sign_in_code', 'online_submitted', 'online_supplement', 'online_refused', 'online_received'))`,
    );
    await db.query(`
      CREATE FUNCTION sms_outbox_on_online() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'INSERT' OR (NEW.status = 'waiting' AND OLD.status = 'supplement_required') THEN
          INSERT INTO sms_outbox (code, kind, phone, appointment_at) VALUES (NEW.code, 'online_submitted', NEW.phone, NEW.updated_at);
        ELSIF NEW.status IS DISTINCT FROM OLD.status AND NEW.status = 'supplement_required' THEN
          INSERT INTO sms_outbox (code, kind, phone, appointment_at, detail) VALUES (NEW.code, 'online_supplement', NEW.phone, NEW.updated_at, NEW.reason);
        ELSIF NEW.status IS DISTINCT FROM OLD.status AND NEW.status = 'refused' THEN
          INSERT INTO sms_outbox (code, kind, phone, appointment_at, detail) VALUES (NEW.code, 'online_refused', NEW.phone, NEW.updated_at, NEW.reason);
        ELSIF NEW.status IS DISTINCT FROM OLD.status AND NEW.status = 'accepted' THEN
          UPDATE sms_outbox SET kind = 'online_received', detail = NULLIF(current_setting('motcua.online_receipt_link', true), '')
           WHERE code = NEW.dossier_code AND kind = 'received' AND status = 'pending';
        END IF;
        RETURN NULL;
      END $$ LANGUAGE plpgsql`);
    await db.query(
      `CREATE TRIGGER sms_outbox_online AFTER INSERT OR UPDATE OF status ON online_submissions FOR EACH ROW EXECUTE FUNCTION sms_outbox_on_online()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER sms_outbox_online ON online_submissions`);
    await db.query(`DROP FUNCTION sms_outbox_on_online()`);
    await db.query(`DELETE FROM sms_outbox WHERE kind LIKE 'online_%'`);
    await db.query(`ALTER TABLE sms_outbox DROP CONSTRAINT sms_outbox_kind_check`);
    await db.query(
      `ALTER TABLE sms_outbox ADD CONSTRAINT sms_outbox_kind_check CHECK (kind IN ('received', 'supplement_required', 'result_ready', 'apology', 'rejected', 'sign_in_code'))`,
    );
    await db.query(`DROP TABLE staged_files`);
    await db.query(`DROP TABLE online_submissions`);
    await db.query(`ALTER TABLE procedures DROP COLUMN e_form`);
  }
}

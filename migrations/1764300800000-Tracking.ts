import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound SMS (libs/tracking, DESIGN §5). Triggers fill the outbox inside the transaction that
 * changed the dossier, so a notification exists exactly when its change committed, and neither
 * the desk nor the engine projection had to learn about SMS: reception (a new `dossier_status`
 * row), supplement request and result ready (its status moving there), apology (the desk event).
 */
export class Tracking1764300800000 implements MigrationInterface {
  name = 'Tracking1764300800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sms_outbox (
        id             bigserial PRIMARY KEY,
        code           text NOT NULL,
        kind           text NOT NULL CHECK (kind IN ('received', 'supplement_required', 'result_ready', 'apology')),
        phone          text NOT NULL,
        appointment_at timestamptz NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts       integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error     text,
        text           text,
        sent_at        timestamptz
      )`);
    await db.query(`CREATE INDEX sms_outbox_pending_idx ON sms_outbox (next_attempt_at) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX sms_outbox_code_idx ON sms_outbox (code)`);
    await db.query(`
      CREATE FUNCTION sms_outbox_enqueue(p_code text, p_kind text, p_appointment timestamptz) RETURNS void AS $$
        INSERT INTO sms_outbox (code, kind, phone, appointment_at)
        SELECT d.code, p_kind, d.applicant->>'phone', p_appointment FROM dossiers d
         WHERE d.code = p_code AND COALESCE(d.applicant->>'phone', '') <> ''
      $$ LANGUAGE sql`);
    await db.query(`
      CREATE FUNCTION sms_outbox_on_status() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM sms_outbox_enqueue(NEW.code, 'received', NEW.appointment_at);
        ELSIF NEW.status IS DISTINCT FROM OLD.status AND NEW.status IN ('supplement_required', 'result_ready') THEN
          PERFORM sms_outbox_enqueue(NEW.code, NEW.status, NEW.appointment_at);
        END IF;
        RETURN NULL;
      END $$ LANGUAGE plpgsql`);
    await db.query(
      `CREATE TRIGGER sms_outbox_status AFTER INSERT OR UPDATE OF status ON dossier_status FOR EACH ROW EXECUTE FUNCTION sms_outbox_on_status()`,
    );
    await db.query(`
      CREATE FUNCTION sms_outbox_on_event() RETURNS trigger AS $$
      BEGIN
        PERFORM sms_outbox_enqueue(NEW.code, 'apology', (SELECT appointment_at FROM dossiers WHERE code = NEW.code));
        RETURN NULL;
      END $$ LANGUAGE plpgsql`);
    await db.query(
      `CREATE TRIGGER sms_outbox_apology AFTER INSERT ON dossier_events FOR EACH ROW WHEN (NEW.type = 'apology') EXECUTE FUNCTION sms_outbox_on_event()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER sms_outbox_apology ON dossier_events`);
    await db.query(`DROP TRIGGER sms_outbox_status ON dossier_status`);
    await db.query(`DROP FUNCTION sms_outbox_on_event()`);
    await db.query(`DROP FUNCTION sms_outbox_on_status()`);
    await db.query(`DROP FUNCTION sms_outbox_enqueue(text, text, timestamptz)`);
    await db.query(`DROP TABLE sms_outbox`);
  }
}

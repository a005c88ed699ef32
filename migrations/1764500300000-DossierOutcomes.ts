import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refusals reach the citizen (issue 16, item 2; ADR 0011): the public projection keeps the
 * citizen-facing reason of a refusal, and a refusal — by the desk's action or by the diagram's
 * end event, both of which write the `refuse` dossier event — puts an SMS with that reason in the
 * outbox, in the transaction that refused (as the apology's trigger does).
 */
export class DossierOutcomes1764500300000 implements MigrationInterface {
  name = 'DossierOutcomes1764500300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier_status ADD COLUMN public_reason text`);
    await db.query(`ALTER TABLE sms_outbox ADD COLUMN detail text`);
    await db.query(`ALTER TABLE sms_outbox DROP CONSTRAINT sms_outbox_kind_check`);
    await db.query(
      `ALTER TABLE sms_outbox ADD CONSTRAINT sms_outbox_kind_check CHECK (kind IN ('received', 'supplement_required', 'result_ready', 'apology', 'rejected'))`,
    );
    await db.query(`
      CREATE FUNCTION sms_outbox_on_refusal() RETURNS trigger AS $$
      BEGIN
        INSERT INTO sms_outbox (code, kind, phone, appointment_at, detail)
        SELECT d.code, 'rejected', d.applicant->>'phone', d.appointment_at, NULLIF(btrim(NEW.data->>'reason'), '') FROM dossiers d
         WHERE d.code = NEW.code AND COALESCE(d.applicant->>'phone', '') <> '';
        RETURN NULL;
      END $$ LANGUAGE plpgsql`);
    await db.query(
      `CREATE TRIGGER sms_outbox_refusal AFTER INSERT ON dossier_events FOR EACH ROW WHEN (NEW.type = 'refuse') EXECUTE FUNCTION sms_outbox_on_refusal()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER sms_outbox_refusal ON dossier_events`);
    await db.query(`DROP FUNCTION sms_outbox_on_refusal()`);
    await db.query(`DELETE FROM sms_outbox WHERE kind = 'rejected'`);
    await db.query(`ALTER TABLE sms_outbox DROP CONSTRAINT sms_outbox_kind_check`);
    await db.query(
      `ALTER TABLE sms_outbox ADD CONSTRAINT sms_outbox_kind_check CHECK (kind IN ('received', 'supplement_required', 'result_ready', 'apology'))`,
    );
    await db.query(`ALTER TABLE sms_outbox DROP COLUMN detail`);
    await db.query(`ALTER TABLE dossier_status DROP COLUMN public_reason`);
  }
}

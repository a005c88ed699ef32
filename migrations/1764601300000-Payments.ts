import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18 item 5 (ADR 0029): fee payments through a gateway, owned by libs/payments. A payment is for a
 * reference (`reference_kind`, `reference`): a dossier code now, a pre-registration code of an online
 * submission later, linked to its dossier (`dossier_code`) when the desk accepts it. Each attempt is a row with
 * its own gateway order number (`txn_ref`); only the gateway's signed notification moves it from `pending` to
 * `paid` or `failed`, once. `report_payments` is what libs/reports reads: the paid ones with their dossier.
 */
export class Payments1764601300000 implements MigrationInterface {
  name = 'Payments1764601300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE payments (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference_kind  text NOT NULL CHECK (reference_kind IN ('dossier', 'pre_registration')),
        reference       text NOT NULL,
        dossier_code    text,
        provider        text NOT NULL,
        txn_ref         text NOT NULL UNIQUE,
        amount          bigint NOT NULL CHECK (amount > 0),
        status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'failed')),
        response_code   text,
        transaction_no  text,
        bank_code       text,
        paid_at         timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now(),
        confirmed_at    timestamptz
      )`);
    await db.query(`CREATE INDEX payments_reference_idx ON payments (reference_kind, reference)`);
    await db.query(`CREATE INDEX payments_dossier_idx ON payments (dossier_code) WHERE dossier_code IS NOT NULL`);
    await db.query(`CREATE INDEX payments_paid_idx ON payments (paid_at) WHERE status = 'paid'`);
    await db.query(`
      CREATE VIEW report_payments AS
        SELECT dossier_code, amount, paid_at, transaction_no FROM payments
         WHERE status = 'paid' AND dossier_code IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP VIEW IF EXISTS report_payments`);
    await db.query(`DROP TABLE IF EXISTS payments`);
  }
}

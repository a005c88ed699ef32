import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Satisfaction ratings (issue 18 item 6, ADR 0030), owned by libs/tracking. `rating_criteria` is the
 * administrators' list, seeded with the nine per-dossier criteria of QĐ 766/QĐ-TTg (docs/domain.md,
 * "Satisfaction ratings": the wording and its source);
 * a rating keeps each criterion's code and label as they were when it was given, so editing or
 * retiring a criterion never rewrites a past rating. One rating per dossier (the primary key).
 * The unit and procedure are copied from the dossier when it is rated: the report groups by them.
 * Two views are published for libs/reports.
 */
const DEFAULT_CRITERIA: [string, string][] = [
  ['thoi-gian', 'Thời gian giải quyết thủ tục hành chính so với thời gian cho phép theo quy định của pháp luật'],
  ['thoi-gian-don-vi', 'Thời gian thực hiện giải quyết so với quy định'],
  ['so-lan-lien-he', 'Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ thủ tục hành chính'],
  ['so-co-quan', 'Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ thủ tục hành chính'],
  ['mot-cua', 'Thực hiện tổ chức tiếp nhận hồ sơ, giải quyết, trả kết quả tại Bộ phận Một cửa'],
  ['cong-khai', 'Mức độ công khai các thủ tục hành chính'],
  [
    'thai-do',
    'Thái độ của cán bộ, công chức, viên chức (mức độ nhiệt tình, thái độ nhũng nhiễu, gây phiền hà, cách giao tiếp của cán bộ, công chức khi hướng dẫn, xử lý hồ sơ)',
  ],
  ['tiep-thu', 'Tiếp thu, giải trình đối với các ý kiến phản ánh, kiến nghị của tổ chức, cá nhân'],
  ['truc-tuyen', 'Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến của cơ quan có thẩm quyền'],
];

export class Ratings1764601400000 implements MigrationInterface {
  name = 'Ratings1764601400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rating_criteria (
        code       text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{1,40}$'),
        label      text NOT NULL,
        position   integer NOT NULL,
        active     boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const [i, [code, label]] of DEFAULT_CRITERIA.entries()) {
      await db.query(`INSERT INTO rating_criteria (code, label, position) VALUES ($1, $2, $3)`, [code, label, i + 1]);
    }
    await db.query(`
      CREATE TABLE dossier_ratings (
        dossier_code   text PRIMARY KEY,
        unit_code      text NOT NULL,
        procedure_code text,
        channel        text NOT NULL CHECK (channel IN ('web', 'kiosk', 'sms')),
        overall        numeric(3, 2) NOT NULL CHECK (overall BETWEEN 1 AND 5),
        comment        text,
        rated_at       timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX dossier_ratings_unit_rated_idx ON dossier_ratings (unit_code, rated_at)`);
    await db.query(`
      CREATE TABLE dossier_rating_scores (
        dossier_code    text NOT NULL REFERENCES dossier_ratings (dossier_code) ON DELETE CASCADE,
        criterion_code  text NOT NULL,
        criterion_label text NOT NULL,
        score           smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        PRIMARY KEY (dossier_code, criterion_code)
      )`);
    await db.query(`CREATE VIEW report_ratings AS
      SELECT dossier_code, unit_code, procedure_code, channel, overall, rated_at FROM dossier_ratings`);
    await db.query(`CREATE VIEW report_rating_scores AS
      SELECT dossier_code, criterion_code, criterion_label, score FROM dossier_rating_scores`);
    await db.query(`CREATE VIEW report_rating_criteria AS SELECT code, label, position, active FROM rating_criteria`);
    for (const view of ['report_ratings', 'report_rating_scores', 'report_rating_criteria']) {
      await db.query(`COMMENT ON VIEW ${view} IS 'Published by libs/tracking for other libs to read (ADR 0030)'`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP VIEW IF EXISTS report_rating_criteria`);
    await db.query(`DROP VIEW IF EXISTS report_rating_scores`);
    await db.query(`DROP VIEW IF EXISTS report_ratings`);
    await db.query(`DROP TABLE IF EXISTS dossier_rating_scores`);
    await db.query(`DROP TABLE IF EXISTS dossier_ratings`);
    await db.query(`DROP TABLE IF EXISTS rating_criteria`);
  }
}

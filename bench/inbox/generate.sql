-- Province size for the inbox and the heatmap (issue 19, "Must show"): 1,200,000 dossiers, 1,000,000 of
-- them in progress with one open step, on a migrated, demo-seeded database (bench/inbox/README.md).
-- The applicants are bench/search/generate.sql's (Vietnam's surname shares, accents); 30 % of the open
-- steps are at the city's desk (000.00.20.H15), where the demo `specialist` searches. One dossier in five
-- is procedure 1.001612 (dang-ky-ho-kinh-doanh); the others are spread over 45 synthetic codes.
-- Received from 2025-01-01 to 2026-12-07 in order; one in six is finished (its four steps completed,
-- 3 % of them late), the others completed their reception step and wait at Task_ThamDinh.
SET session_replication_role = replica;
SET maintenance_work_mem = '512MB';
SELECT setseed(0.20261207);
DROP INDEX IF EXISTS dossiers_search_idx;
DROP INDEX IF EXISTS process_instances_business_key_search_idx;
CREATE TEMP TABLE gen AS
SELECT n,
  (ARRAY['000.00.20.H15','000.00.20.H15','000.00.20.H15','000.00.20.H15','000.00.20.H15','000.00.20.H15',
         '000.20.20.H15','000.21.20.H15','000.00.01.H15','000.00.02.H15','000.00.03.H15','000.00.04.H15','000.00.05.H15','000.00.06.H15',
         '000.00.07.H15','000.00.08.H15','000.00.09.H15','000.00.10.H15','000.00.11.H15','000.00.12.H15'])[1 + (n % 20)] AS unit_code,
  (SELECT s FROM (VALUES ('Nguyễn', 0.38), ('Trần', 0.49), ('Lê', 0.585), ('Phạm', 0.655), ('Hoàng', 0.705), ('Huỳnh', 0.74), ('Phan', 0.785),
     ('Vũ', 0.82), ('Võ', 0.85), ('Đặng', 0.87), ('Bùi', 0.89), ('Đỗ', 0.904), ('Hồ', 0.917), ('Ngô', 0.93), ('Dương', 0.94), ('Lý', 0.95), ('Đinh', 0.96), ('Y', 0.975), ('H''', 0.99), ('Trương', 1.01)) v(s, c)
     WHERE c > r1 ORDER BY c LIMIT 1) AS surname,
  (ARRAY['Văn','Thị','Hữu','Đức','Minh','Ngọc','Thanh','Quốc','Thị Thu','Văn Đức','Xuân','Kim'])[1 + floor(r2 * 12)::int] AS middle,
  (ARRAY['An','Bình','Cường','Dũng','Đạt','Giang','Hà','Hải','Hằng','Hiếu','Hòa','Hùng','Hương','Khánh','Lan','Linh','Long','Mai','Minh','Nam',
         'Nga','Ngọc','Nhung','Phong','Phúc','Phương','Quân','Quang','Sơn','Tâm','Thảo','Thắng','Thủy','Trang','Trung','Tuấn','Tuyết','Vân','Việt','Yến'])[1 + floor(r3 * 40)::int] AS given,
  lpad((floor(r4 * 1e12))::bigint::text, 12, '0') AS id_number,
  CASE WHEN n % 5 = 3 THEN '1.001612' ELSE '9.' || lpad((100000 + n % 45)::text, 6, '0') END AS procedure_code,
  n % 6 = 0 AS finished,
  r5 < 0.03 AS late,
  gen_random_uuid() AS instance_id,
  timestamptz '2025-01-01 08:00+07' + (n * interval '50.8 seconds') AS received_at
FROM (SELECT n, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5 FROM generate_series(1, 1200000) n) g;

INSERT INTO dossiers (code, procedure_code, unit_code, channel, applicant, received_at, appointment_at, original_appointment_at, status, instance_id, lookup_key_hash, received_by)
SELECT unit_code || '-' || to_char(received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || lpad(n::text, 7, '0'), procedure_code, unit_code, 'direct',
  jsonb_build_object('fullName', surname || ' ' || middle || ' ' || given, 'idNumber', id_number, 'phone', '0905123456', 'address', 'Buôn Ma Thuột'),
  received_at, received_at + interval '15 days', received_at + interval '15 days', CASE WHEN finished THEN 'returned' ELSE 'processing' END,
  instance_id, 'inbox-bench', 'reception'
FROM gen;
INSERT INTO dossier_status (code, status, status_label, procedure_code, procedure_name, unit_code, unit_name, appointment_at, current_step, updated_at)
SELECT d.code, d.status, CASE WHEN d.status = 'returned' THEN 'Đã trả kết quả' ELSE 'Đang giải quyết' END, d.procedure_code,
  CASE WHEN d.procedure_code = '1.001612' THEN 'Đăng ký thành lập hộ kinh doanh' ELSE 'Thủ tục ' || d.procedure_code END,
  d.unit_code, 'Đơn vị', d.appointment_at, 'Thẩm định', now()
FROM dossiers d WHERE d.lookup_key_hash = 'inbox-bench';
INSERT INTO process_instances (id, definition_id, definition_key, version, procedure_code, business_key, unit_code, status, state, started_at, ended_at)
SELECT g.instance_id, (SELECT id FROM process_definitions WHERE key = 'dang-ky-ho-kinh-doanh' ORDER BY version DESC LIMIT 1), 'dang-ky-ho-kinh-doanh', 1,
  g.procedure_code, d.code, g.unit_code, CASE WHEN g.finished THEN 'completed' ELSE 'running' END, '{}', g.received_at,
  CASE WHEN g.finished THEN g.received_at + interval '9 days' END
FROM gen g JOIN dossiers d ON d.instance_id = g.instance_id;
-- Completed steps: reception for all; review, approval and return for the finished ones.
INSERT INTO tasks (id, instance_id, element_id, name, unit_code, candidate_groups, status, created_at, due_at, completed_at, completed_by)
SELECT gen_random_uuid(), g.instance_id, s.element_id, s.name, g.unit_code, ARRAY[s.grp], 'completed',
  g.received_at + s.start_off, g.received_at + s.start_off + s.budget,
  g.received_at + s.start_off + CASE WHEN g.late THEN s.budget * 1.5 ELSE s.budget * 0.6 END, 'bench'
FROM gen g CROSS JOIN (VALUES
  ('Task_TiepNhan', 'Tiếp nhận hồ sơ', 'reception', interval '0', interval '4 hours', false),
  ('Task_ThamDinh', 'Thẩm định hồ sơ, dự thảo giấy chứng nhận', 'specialist', interval '1 day', interval '2 days', true),
  ('Task_PheDuyet', 'Phê duyệt, ký giấy chứng nhận', 'leader', interval '4 days', interval '1 day', true),
  ('Task_TraKetQua', 'Trả kết quả', 'reception', interval '6 days', interval '4 hours', true)) s(element_id, name, grp, start_off, budget, finished_only)
WHERE g.finished OR NOT s.finished_only;
INSERT INTO tasks (id, instance_id, element_id, name, unit_code, candidate_groups, status, created_at, due_at)
SELECT gen_random_uuid(), g.instance_id, 'Task_ThamDinh', 'Thẩm định hồ sơ, dự thảo giấy chứng nhận', g.unit_code, '{specialist}', 'open',
  g.received_at + interval '1 day', g.received_at + interval '3 days'
FROM gen g WHERE NOT g.finished;
SET session_replication_role = origin;
CREATE INDEX dossiers_search_idx ON dossiers USING gin (search_text public.gin_trgm_ops);
CREATE INDEX process_instances_business_key_search_idx ON process_instances
  USING gin (lower(business_key) public.gin_trgm_ops) WHERE business_key IS NOT NULL;
VACUUM ANALYZE dossiers; VACUUM ANALYZE dossier_status; VACUUM ANALYZE process_instances; VACUUM ANALYZE tasks;
SELECT (SELECT count(*) FROM dossiers) dossiers, (SELECT count(*) FROM tasks WHERE status = 'open') open_tasks,
  (SELECT count(*) FROM tasks WHERE status = 'completed') completed_tasks,
  (SELECT count(*) FROM tasks WHERE unit_code = '000.00.20.H15' AND status = 'open') city_open,
  (SELECT count(*) FROM dossiers WHERE applicant->>'fullName' LIKE 'Nguyễn%') nguyen;

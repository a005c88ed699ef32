SET session_replication_role = replica;
SELECT setseed(0.20261207);
CREATE TEMP TABLE gen AS
SELECT n,
  (ARRAY['000.00.20.H15','000.00.20.H15','000.00.20.H15','000.00.20.H15','000.00.20.H15','000.00.20.H15',
         '000.20.20.H15','000.21.20.H15','000.00.01.H15','000.00.02.H15','000.00.03.H15','000.00.04.H15','000.00.05.H15','000.00.06.H15',
         '000.00.07.H15','000.00.08.H15','000.00.09.H15','000.00.10.H15','000.00.11.H15','000.00.12.H15'])[1 + (n % 20)] AS unit_code,
  -- surnames by their share in Vietnam (Nguyễn ~38 %), then a middle and a given name
  (SELECT s FROM (VALUES ('Nguyễn', 0.38), ('Trần', 0.49), ('Lê', 0.585), ('Phạm', 0.655), ('Hoàng', 0.705), ('Huỳnh', 0.74), ('Phan', 0.785),
     ('Vũ', 0.82), ('Võ', 0.85), ('Đặng', 0.87), ('Bùi', 0.89), ('Đỗ', 0.904), ('Hồ', 0.917), ('Ngô', 0.93), ('Dương', 0.94), ('Lý', 0.95), ('Đinh', 0.96), ('Y', 0.975), ('H''', 0.99), ('Trương', 1.01)) v(s, c)
     WHERE c > r1 ORDER BY c LIMIT 1) AS surname,
  (ARRAY['Văn','Thị','Hữu','Đức','Minh','Ngọc','Thanh','Quốc','Thị Thu','Văn Đức','Xuân','Kim'])[1 + floor(r2 * 12)::int] AS middle,
  (ARRAY['An','Bình','Cường','Dũng','Đạt','Giang','Hà','Hải','Hằng','Hiếu','Hòa','Hùng','Hương','Khánh','Lan','Linh','Long','Mai','Minh','Nam',
         'Nga','Ngọc','Nhung','Phong','Phúc','Phương','Quân','Quang','Sơn','Tâm','Thảo','Thắng','Thủy','Trang','Trung','Tuấn','Tuyết','Vân','Việt','Yến'])[1 + floor(r3 * 40)::int] AS given,
  lpad((floor(r4 * 1e12))::bigint::text, 12, '0') AS id_number,
  gen_random_uuid() AS instance_id,
  timestamptz '2026-10-01 08:00+07' + (n * interval '20 seconds') AS received_at
FROM (SELECT n, random() AS r1, random() AS r2, random() AS r3, random() AS r4 FROM generate_series(1, 200000) n) g;

INSERT INTO dossiers (code, procedure_code, unit_code, channel, applicant, received_at, appointment_at, original_appointment_at, status, instance_id, lookup_key_hash, received_by)
SELECT unit_code || '-' || to_char(received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || lpad(n::text, 6, '0'), '1.001612', unit_code, 'direct',
  jsonb_build_object('fullName', surname || ' ' || middle || ' ' || given, 'idNumber', id_number, 'phone', '0905123456', 'address', 'Buôn Ma Thuột'),
  received_at, received_at + interval '15 days', received_at + interval '15 days', 'processing', instance_id, 'x', 'reception'
FROM gen;
INSERT INTO dossier_status (code, status, status_label, procedure_code, procedure_name, unit_code, unit_name, appointment_at, current_step, updated_at)
SELECT d.code, 'processing', 'Đang giải quyết', '1.001612', 'Đăng ký thành lập hộ kinh doanh', d.unit_code, 'Đơn vị', d.appointment_at, 'Thẩm định', now()
FROM dossiers d WHERE d.received_by = 'reception' AND d.lookup_key_hash = 'x';
INSERT INTO process_instances (id, definition_id, definition_key, version, procedure_code, business_key, unit_code, status, state, started_at)
SELECT d.instance_id, (SELECT id FROM process_definitions WHERE key = 'dang-ky-ho-kinh-doanh' ORDER BY version DESC LIMIT 1), 'dang-ky-ho-kinh-doanh', 1, '1.001612',
  d.code, d.unit_code, 'running', '{}', d.received_at
FROM dossiers d WHERE d.lookup_key_hash = 'x';
INSERT INTO tasks (id, instance_id, element_id, name, unit_code, candidate_groups, status, created_at, due_at)
SELECT gen_random_uuid(), d.instance_id, 'Task_ThamDinh', 'Thẩm định hồ sơ, dự thảo giấy chứng nhận', d.unit_code, '{specialist}', 'open', d.received_at, d.received_at + interval '2 days'
FROM dossiers d WHERE d.lookup_key_hash = 'x';
SET session_replication_role = origin;
VACUUM ANALYZE dossiers; VACUUM ANALYZE dossier_status; VACUUM ANALYZE process_instances; VACUUM ANALYZE tasks;
SELECT (SELECT count(*) FROM dossiers) dossiers, (SELECT count(*) FROM tasks WHERE status = 'open') open_tasks,
  (SELECT count(*) FROM tasks WHERE unit_code = '000.00.20.H15' AND status = 'open') city_open,
  (SELECT count(*) FROM dossiers WHERE applicant->>'fullName' LIKE 'Nguyễn%') nguyen;

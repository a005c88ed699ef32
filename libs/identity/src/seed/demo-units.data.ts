import type { NewUnitRow } from '../repositories/units.repository';

/** The demo province's People's Committee. H15 for Đắk Lắk is assumed, not confirmed (DOMAIN, Codes). */
export const DEMO_PROVINCE_CODE = '000.00.00.H15';
/** The district-level unit that receives dossiers and holds the main demo accounts. */
export const DEMO_CITY_CODE = '000.00.20.H15';

/**
 * Đắk Lắk as a demo tree, parents before children. Codes follow QĐ 20/2020/QĐ-TTg: units
 * directly under the province fill the third group (`000.00.XX.H15`: departments 01–05, the
 * city 20); units under the city fill the second (`000.YY.20.H15`: offices 01–06, communes 20–22).
 * Names are those before the 2025 reorganisation, kept because the procedures still cite them.
 */
export const DEMO_UNITS: readonly NewUnitRow[] = [
  { code: DEMO_PROVINCE_CODE, name: 'UBND tỉnh Đắk Lắk', kind: 'province', parentCode: null },
  { code: '000.00.01.H15', name: 'Sở Tư pháp', kind: 'department', parentCode: DEMO_PROVINCE_CODE },
  { code: '000.00.02.H15', name: 'Sở Tài nguyên và Môi trường', kind: 'department', parentCode: DEMO_PROVINCE_CODE },
  { code: '000.00.03.H15', name: 'Sở Xây dựng', kind: 'department', parentCode: DEMO_PROVINCE_CODE },
  { code: '000.00.04.H15', name: 'Sở Kế hoạch và Đầu tư', kind: 'department', parentCode: DEMO_PROVINCE_CODE },
  {
    code: '000.00.05.H15',
    name: 'Trung tâm Phục vụ hành chính công tỉnh',
    kind: 'center',
    parentCode: DEMO_PROVINCE_CODE,
  },
  { code: DEMO_CITY_CODE, name: 'UBND thành phố Buôn Ma Thuột', kind: 'district', parentCode: DEMO_PROVINCE_CODE },
  {
    code: '000.01.20.H15',
    name: 'Văn phòng HĐND và UBND thành phố (Bộ phận Một cửa)',
    kind: 'office',
    parentCode: DEMO_CITY_CODE,
  },
  { code: '000.02.20.H15', name: 'Phòng Tư pháp', kind: 'office', parentCode: DEMO_CITY_CODE },
  { code: '000.03.20.H15', name: 'Phòng Tài nguyên và Môi trường', kind: 'office', parentCode: DEMO_CITY_CODE },
  { code: '000.04.20.H15', name: 'Phòng Quản lý đô thị', kind: 'office', parentCode: DEMO_CITY_CODE },
  { code: '000.05.20.H15', name: 'Phòng Tài chính - Kế hoạch', kind: 'office', parentCode: DEMO_CITY_CODE },
  {
    code: '000.06.20.H15',
    name: 'Chi nhánh Văn phòng đăng ký đất đai thành phố Buôn Ma Thuột',
    kind: 'office',
    parentCode: DEMO_CITY_CODE,
  },
  { code: '000.20.20.H15', name: 'UBND phường Tân Lợi', kind: 'commune', parentCode: DEMO_CITY_CODE },
  { code: '000.21.20.H15', name: 'UBND phường Thành Công', kind: 'commune', parentCode: DEMO_CITY_CODE },
  { code: '000.22.20.H15', name: 'UBND xã Hòa Thắng', kind: 'commune', parentCode: DEMO_CITY_CODE },
];

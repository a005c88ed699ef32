import { DEMO_CITY_CODE, DEMO_PROVINCE_CODE, DEMO_UNITS } from '../../libs/identity/src/seed/demo-units.data';

/** A unit of the generated province (same fields as the demo seed's units). */
export interface ProvinceUnit {
  code: string;
  name: string;
  kind: 'province' | 'department' | 'district' | 'office' | 'commune' | 'center';
  parentCode: string | null;
}

/** Receiving units by procedure level: communes receive commune procedures, districts the district ones. */
export interface Province {
  units: ProvinceUnit[];
  communes: ProvinceUnit[];
  districts: ProvinceUnit[];
}

const DEPARTMENTS = [
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Lao động - Thương binh và Xã hội',
  'Sở Giao thông vận tải',
  'Sở Công Thương',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Tài chính',
  'Sở Nội vụ',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Thông tin và Truyền thông',
  'Sở Khoa học và Công nghệ',
  'Sở Ngoại vụ',
  'Ban Dân tộc',
  'Thanh tra tỉnh',
  'Văn phòng UBND tỉnh',
];

/** Đắk Lắk's district-level units before 2025 (the demo city Buôn Ma Thuột is 20). */
const DISTRICTS = [
  'thị xã Buôn Hồ',
  "huyện Ea H'leo",
  'huyện Ea Súp',
  'huyện Buôn Đôn',
  "huyện Cư M'gar",
  'huyện Krông Búk',
  'huyện Krông Năng',
  'huyện Ea Kar',
  "huyện M'Đrắk",
  'huyện Krông Bông',
  'huyện Krông Pắc',
  'huyện Krông A Na',
  'huyện Lắk',
  'huyện Cư Kuin',
];

/** The demo city's offices, repeated in each district with the same numbers (000.0k.DD.H15). */
const OFFICES = [
  'Văn phòng HĐND và UBND (Bộ phận Một cửa)',
  'Phòng Tư pháp',
  'Phòng Tài nguyên và Môi trường',
  'Phòng Quản lý đô thị',
  'Phòng Tài chính - Kế hoạch',
  'Chi nhánh Văn phòng đăng ký đất đai',
];

const COMMUNE_NAMES = [
  'Ea Tu',
  'Hòa Phú',
  'Cư Êbur',
  'Ea Kao',
  'Hòa Xuân',
  'Hòa Khánh',
  'Ea Drông',
  'Ea Blang',
  'Cư Bao',
  'Bình Thuận',
  'Ea Siên',
  'Ea Khal',
  'Ea Nam',
  'Dliê Yang',
  'Ea Sol',
  'Cư Mốt',
  'Ea Rốk',
  'Ia Lốp',
  'Krông Na',
  'Tân Hòa',
  'Ea Wer',
  'Ea Pốk',
  'Quảng Phú',
  'Ea Kiết',
  'Pơng Drang',
  'Chư Kbô',
  'Ea Tóh',
  'Phú Lộc',
  'Ea Kly',
  'Vụ Bổn',
  'Krông Jing',
  'Cư Pui',
  'Yang Mao',
  'Buôn Triết',
];

/** Communes per district (the demo city keeps its three and gains more). */
const COMMUNES_PER_DISTRICT = 10;

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The generated province: the demo tree (so demo accounts and procedures work unchanged) grown
 * to 15 departments more, 15 districts with 6 offices and 10 communes each — about 260 units,
 * coded as the demo seed codes them (QĐ 20/2020: `000.00.XX.H15` under the province,
 * `000.YY.XX.H15` under a district).
 */
export function buildProvince(): Province {
  const units: ProvinceUnit[] = DEMO_UNITS.map((u) => ({ ...u }) as ProvinceUnit);
  const has = new Set(units.map((u) => u.code));
  const add = (unit: ProvinceUnit) => {
    if (!has.has(unit.code)) units.push(unit);
    has.add(unit.code);
  };
  DEPARTMENTS.forEach((name, i) =>
    add({ code: `000.00.${two(6 + i)}.H15`, name, kind: 'department', parentCode: DEMO_PROVINCE_CODE }),
  );
  const districtCodes = [DEMO_CITY_CODE, ...DISTRICTS.map((_, i) => `000.00.${two(21 + i)}.H15`)];
  DISTRICTS.forEach((name, i) =>
    add({ code: districtCodes[i + 1], name: `UBND ${name}`, kind: 'district', parentCode: DEMO_PROVINCE_CODE }),
  );
  let commune = 0;
  districtCodes.forEach((district, d) => {
    const dd = district.slice(7, 9);
    OFFICES.forEach((name, k) =>
      add({ code: `000.${two(k + 1)}.${dd}.H15`, name, kind: 'office', parentCode: district }),
    );
    for (let c = 0; c < COMMUNES_PER_DISTRICT; c++) {
      const name = `UBND xã ${COMMUNE_NAMES[commune++ % COMMUNE_NAMES.length]}${d > 1 ? ` (${dd})` : ''}`;
      add({ code: `000.${two(20 + c)}.${dd}.H15`, name, kind: 'commune', parentCode: district });
    }
  });
  return {
    units,
    communes: units.filter((u) => u.kind === 'commune'),
    districts: units.filter((u) => u.kind === 'district'),
  };
}

/**
 * Maps a unit code of a template (made at the demo city or Tân Lợi) to the same role in the
 * target receiving unit: the receiving unit itself, or the target district's office of the same number.
 */
export function unitMapper(templateUnit: string, target: string): (code: string) => string {
  const templateDistrict = templateUnit.slice(7, 9);
  const targetDistrict = target.slice(7, 9);
  return (code) => {
    if (code === templateUnit) return target;
    if (
      code.slice(7, 9) === templateDistrict &&
      code.slice(4, 6) !== '00' &&
      code !== templateUnit &&
      code.slice(4, 6) < '20'
    ) {
      return `${code.slice(0, 7)}${targetDistrict}${code.slice(9)}`;
    }
    return code;
  };
}

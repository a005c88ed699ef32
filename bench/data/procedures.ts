import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A catalog entry as in processes/catalog.json. */
export interface CatalogEntry {
  code: string;
  name: string;
  field: string;
  level: 'commune' | 'district' | 'province';
  legalTime: Record<string, unknown>;
  fee: number;
  feeRules?: string | null;
  requiredDocuments: { code: string; name: string; kind: string; required: boolean }[];
  formTemplates?: unknown[];
  processKey: string;
  channels: string[];
  published?: boolean;
}

/** A procedure of the generated province and how often citizens file it (relative weight). */
export interface GeneratedProcedure extends CatalogEntry {
  weight: number;
}

/**
 * Procedures that run on one of the five shipped diagrams (a province reuses a generic flow for
 * many procedures of a field). Names are real procedures of the national database; codes are
 * synthetic (`9.xxxxxx`) so they never clash with a real code.
 */
const VARIANTS: Record<string, { names: string[]; weight: number }> = {
  'dang-ky-khai-sinh': {
    weight: 8,
    names: [
      'Đăng ký kết hôn',
      'Đăng ký khai tử',
      'Đăng ký nhận cha, mẹ, con',
      'Đăng ký thay đổi, cải chính hộ tịch',
      'Cấp bản sao trích lục hộ tịch',
      'Xác nhận tình trạng hôn nhân',
      'Đăng ký giám hộ',
      'Đăng ký lại khai sinh',
      'Đăng ký khai sinh kết hợp nhận cha, mẹ, con',
      'Liên thông khai sinh, thường trú, thẻ BHYT',
    ],
  },
  'chung-thuc-ban-sao': {
    weight: 12,
    names: [
      'Chứng thực chữ ký trong giấy tờ, văn bản',
      'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản',
      'Chứng thực văn bản thỏa thuận phân chia di sản',
      'Chứng thực hợp đồng, giao dịch liên quan đến quyền sử dụng đất',
      'Chứng thực di chúc',
      'Chứng thực chữ ký người dịch',
      'Chứng thực việc sửa đổi, bổ sung hợp đồng',
      'Chứng thực văn bản từ chối nhận di sản',
      'Cấp bản sao có chứng thực từ bản chính hợp đồng đã được chứng thực',
      'Chứng thực văn bản khai nhận di sản',
    ],
  },
  'dang-ky-ho-kinh-doanh': {
    weight: 3,
    names: [
      'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
      'Tạm ngừng kinh doanh hộ kinh doanh',
      'Chấm dứt hoạt động hộ kinh doanh',
      'Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh',
      'Cấp Giấy chứng nhận đủ điều kiện kinh doanh rượu bán lẻ',
      'Cấp Giấy phép bán lẻ sản phẩm thuốc lá',
      'Đăng ký hoạt động tổ hợp tác',
      'Đăng ký thành lập hợp tác xã',
      'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
    ],
  },
  'cap-phep-xay-dung-nha-o': {
    weight: 2,
    names: [
      'Cấp giấy phép sửa chữa, cải tạo công trình',
      'Cấp giấy phép di dời công trình',
      'Điều chỉnh giấy phép xây dựng',
      'Gia hạn giấy phép xây dựng',
      'Cấp lại giấy phép xây dựng',
      'Cấp giấy phép xây dựng có thời hạn',
      'Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở',
      'Cấp phép đào đường để lắp đặt công trình',
    ],
  },
  'cap-gcn-lan-dau': {
    weight: 2,
    names: [
      'Đăng ký biến động quyền sử dụng đất do chuyển nhượng',
      'Đăng ký biến động do thừa kế quyền sử dụng đất',
      'Cấp đổi Giấy chứng nhận quyền sử dụng đất',
      'Cấp lại Giấy chứng nhận do bị mất',
      'Đăng ký thế chấp quyền sử dụng đất',
      'Tách thửa hoặc hợp thửa đất',
      'Chuyển mục đích sử dụng đất',
      'Đính chính Giấy chứng nhận đã cấp',
    ],
  },
};

/** The 5 shipped procedures plus 45 variants on their diagrams: 50 procedures. */
export function buildProcedures(root: string): GeneratedProcedure[] {
  const catalog = JSON.parse(readFileSync(join(root, 'processes', 'catalog.json'), 'utf8')) as CatalogEntry[];
  const procedures: GeneratedProcedure[] = catalog.map((entry) => ({
    ...entry,
    weight: VARIANTS[entry.processKey]?.weight ?? 1,
  }));
  let n = 0;
  for (const base of catalog) {
    const variant = VARIANTS[base.processKey];
    for (const name of variant?.names ?? []) {
      n++;
      procedures.push({
        ...base,
        code: `9.${String(100000 + n * 37).padStart(6, '0')}`,
        name: `Thủ tục ${name.charAt(0).toLowerCase()}${name.slice(1)}`,
        weight: variant.weight,
      });
    }
  }
  return procedures;
}

/**
 * The demo dossiers (DESIGN §7): a few dozen dossiers of the shipped procedures in every state, so
 * the inbox, the dossier pages, the reports and the lookup are not empty on a fresh install.
 * Each is keyed by its applicant's ID number: the seed creates only the ones missing.
 */

/** A file the seed makes (a small PDF) and stores through the files service. */
export interface DemoFile {
  fileName: string;
  title: string;
  lines: string[];
}

/** A step as the demo officers do it: who, the variables its form sends, and their opinion (ý kiến xử lý). */
export interface DemoStep {
  user: string;
  variables?: Record<string, unknown>;
  /** Opinions the officer writes; the dossier's index picks one. */
  opinions: string[];
  /** A file attached to the step before completing it. */
  attachment?: DemoFile;
}

/** How a shipped procedure is run by the demo users: who receives it and who does each step. */
export interface DemoProcedure {
  code: string;
  documents: string[];
  /** The receiving desk's account. */
  reception: string;
  /** Step (element id) → the account that does it, the variables its form sends, the opinion. */
  steps: Record<string, DemoStep>;
  /** Steps before the result is ready (the last one, Task_TraKetQua, is the desk's). */
  stepsToResult: number;
  /** The result file handed back electronically: only procedures whose catalog entry sets `electronicResult`. */
  result?: DemoFile;
  /** What the desk's supplement request (Form 02) asks for. */
  supplement: { reason: string; documents: string[] };
}

const approved = { outcome: 'approved', approved: true };

export const DEMO_PROCEDURES: Record<string, DemoProcedure> = {
  'ho-kinh-doanh': {
    code: '1.001612',
    documents: ['giay-de-nghi', 'giay-to-phap-ly'],
    reception: 'reception',
    steps: {
      Task_TiepNhan: {
        user: 'reception',
        opinions: [
          'Hồ sơ đủ thành phần, đã đối chiếu bản chính giấy tờ pháp lý của chủ hộ. Chuyển Phòng Tài chính - Kế hoạch thẩm định.',
          'Đã kiểm tra giấy đề nghị và giấy tờ pháp lý, hồ sơ hợp lệ.',
        ],
      },
      Task_ThamDinh: {
        user: 'specialist',
        variables: approved,
        opinions: [
          'Tên hộ kinh doanh không trùng trên địa bàn thành phố; ngành nghề không thuộc danh mục cấm kinh doanh. Đã dự thảo Giấy chứng nhận, đề nghị lãnh đạo phòng duyệt.',
          'Địa điểm kinh doanh phù hợp, chủ hộ không thuộc trường hợp bị cấm thành lập hộ kinh doanh. Đủ điều kiện cấp Giấy chứng nhận.',
        ],
      },
      Task_PheDuyet: {
        user: 'head',
        variables: approved,
        opinions: ['Đồng ý cấp Giấy chứng nhận đăng ký hộ kinh doanh.', 'Thống nhất kết quả thẩm định. Duyệt.'],
      },
      // the refusal path: the desk hands back the file with Form 03, and the end event closes it (ADR 0011)
      Task_TraTuChoi: { user: 'reception', opinions: ['Đã trả hồ sơ kèm văn bản từ chối, công dân đã ký nhận.'] },
    },
    stepsToResult: 3,
    result: {
      fileName: 'Giấy chứng nhận đăng ký hộ kinh doanh.pdf',
      title: 'Giấy chứng nhận đăng ký hộ kinh doanh',
      lines: [
        'Tên hộ kinh doanh: Hộ kinh doanh Tạp hóa Bình An',
        'Địa điểm kinh doanh: Phan Bội Châu, Buôn Ma Thuột, Đắk Lắk',
        'Ngành, nghề kinh doanh: Bán lẻ lương thực, thực phẩm, đồ uống',
      ],
    },
    supplement: {
      reason: 'Bổ sung bản sao giấy tờ pháp lý của chủ hộ còn thời hạn sử dụng.',
      documents: ['Bản sao giấy tờ pháp lý của cá nhân chủ hộ'],
    },
  },
  'chung-thuc': {
    code: '2.000815',
    documents: ['ban-chinh', 'ban-sao'],
    reception: 'reception.tanloi',
    steps: {
      Task_TiepNhan: {
        user: 'reception.tanloi',
        opinions: ['Đã đối chiếu bản sao với bản chính, chuyển ký chứng thực.'],
      },
      Task_ChungThuc: {
        user: 'specialist.tanloi',
        variables: { pages: 3 },
        opinions: ['Đã chứng thực 03 trang, ghi vào sổ chứng thực.'],
      },
    },
    stepsToResult: 2,
    result: {
      fileName: 'Bản sao chứng thực.pdf',
      title: 'Bản sao được chứng thực từ bản chính',
      lines: [
        'Chứng thực bản sao này đúng với bản chính.',
        'Số chứng thực: 1250 Quyển số 01/2026-SCT/BS',
        'UBND phường Tân Lợi',
      ],
    },
    supplement: {
      reason: 'Xuất trình bản chính để đối chiếu.',
      documents: ['Bản chính giấy tờ, văn bản làm cơ sở chứng thực'],
    },
  },
  'khai-sinh': {
    code: '1.001193',
    documents: ['to-khai', 'giay-chung-sinh'],
    reception: 'reception.tanloi',
    steps: {
      Task_TiepNhan: {
        user: 'reception.tanloi',
        opinions: ['Tờ khai và Giấy chứng sinh hợp lệ, chuyển công chức tư pháp - hộ tịch.'],
      },
      Task_GhiSo: {
        user: 'specialist.tanloi',
        opinions: ['Đã ghi vào Sổ đăng ký khai sinh và cập nhật Cơ sở dữ liệu hộ tịch điện tử.'],
      },
      Task_KyGiayKhaiSinh: { user: 'leader.tanloi', opinions: ['Đã ký Giấy khai sinh bản chính.'] },
    },
    stepsToResult: 3,
    supplement: { reason: 'Bổ sung Giấy chứng sinh bản chính.', documents: ['Giấy chứng sinh'] },
  },
  'xay-dung': {
    code: '1.009974',
    documents: ['don-de-nghi', 'gcn-qsdd', 'ban-ve'],
    reception: 'reception',
    steps: {
      Task_TiepNhan: {
        user: 'reception',
        opinions: ['Hồ sơ đủ thành phần, bản vẽ có chữ ký của đơn vị thiết kế. Chuyển Phòng Quản lý đô thị.'],
      },
      Task_ThamDinh: {
        user: 'specialist.qldt',
        variables: approved,
        opinions: [
          'Đã kiểm tra thực địa: công trình phù hợp quy hoạch chi tiết 1/500, chỉ giới xây dựng lùi 3 m so với lộ giới. Đề nghị cấp phép.',
          'Mật độ xây dựng 80%, chiều cao 3 tầng phù hợp quy chế quản lý kiến trúc đô thị. Đủ điều kiện cấp giấy phép.',
        ],
        attachment: {
          fileName: 'Biên bản kiểm tra thực địa.pdf',
          title: 'Biên bản kiểm tra hiện trạng khu đất xây dựng',
          lines: [
            'Thành phần: Phòng Quản lý đô thị, UBND phường, chủ đầu tư.',
            'Hiện trạng: đất trống, đã có ranh giới rõ ràng, không tranh chấp.',
            'Kết luận: vị trí xây dựng phù hợp quy hoạch được duyệt.',
          ],
        },
      },
      Task_TruongPhongDuyet: {
        user: 'head.qldt',
        variables: approved,
        opinions: ['Thống nhất với kết quả thẩm định, trình Lãnh đạo UBND thành phố ký giấy phép.'],
      },
      Task_KyGiayPhep: { user: 'leader', opinions: ['Đồng ý, đã ký Giấy phép xây dựng nhà ở riêng lẻ.'] },
    },
    stepsToResult: 4,
    supplement: {
      reason: 'Bổ sung bản vẽ mặt cắt, mặt đứng công trình có chữ ký của đơn vị thiết kế.',
      documents: ['Bản vẽ thiết kế xây dựng'],
    },
  },
  'gcn-lan-dau': {
    code: '1.004227',
    documents: ['don-dang-ky', 'giay-to-nguon-goc', 'to-khai-thue'],
    reception: 'reception',
    steps: {
      Task_TiepNhan: { user: 'reception', opinions: ['Hồ sơ đủ thành phần, chuyển Văn phòng đăng ký đất đai.'] },
      Task_KiemTraHoSo: {
        user: 'specialist.vpdk',
        variables: approved,
        opinions: [
          'Đã trích đo địa chính thửa đất số 125, tờ bản đồ số 18, diện tích 152,3 m²; sử dụng ổn định, không tranh chấp. Niêm yết công khai 15 ngày không có ý kiến phản ánh.',
        ],
      },
      Task_NghiaVuTaiChinh: {
        user: 'specialist.vpdk',
        variables: { financialObligation: 12_500_000, obligationPaid: true },
        opinions: ['Chi cục Thuế đã ra thông báo nộp tiền; người sử dụng đất đã nộp đủ theo chứng từ kèm theo.'],
      },
      Task_ThamDinhTNMT: {
        user: 'specialist.tnmt',
        opinions: [
          'Đủ điều kiện cấp Giấy chứng nhận theo quy định của Luật Đất đai. Trình Lãnh đạo UBND thành phố ký.',
        ],
      },
      Task_QuyHoach: {
        user: 'specialist.qldt',
        opinions: ['Thửa đất phù hợp quy hoạch sử dụng đất, không nằm trong hành lang bảo vệ công trình hạ tầng.'],
      },
      Task_KyGCN: { user: 'leader', variables: approved, opinions: ['Đồng ý, đã ký Giấy chứng nhận.'] },
    },
    stepsToResult: 6,
    supplement: {
      reason: 'Bổ sung giấy tờ về nguồn gốc sử dụng đất có xác nhận của UBND phường.',
      documents: ['Giấy tờ về nguồn gốc sử dụng đất'],
    },
  },
};

/** A step completed with another outcome of its form than the usual one (`DemoDossier.outcomes`): its variables and opinion. */
export const OUTCOMES: Record<string, { variables: Record<string, unknown>; opinion: string }> = {
  supplement: {
    variables: { missingDocuments: ['ban-ve'] },
    opinion:
      'Bản vẽ thiếu mặt cắt, mặt đứng công trình; đề nghị Bộ phận Một cửa yêu cầu công dân bổ sung bản vẽ có chữ ký của đơn vị thiết kế.',
  },
  rejected: {
    variables: {
      approved: false,
      rejectionReason:
        'Tên hộ kinh doanh trùng với tên hộ kinh doanh đã đăng ký trên địa bàn (Điều 88 Nghị định 01/2021/NĐ-CP).',
    },
    opinion: 'Tên dự kiến trùng với hộ kinh doanh đã đăng ký trên địa bàn thành phố. Không đồng ý cấp.',
  },
};

/** The variables and opinion the seed sends at a step: the plan's outcome, else the step's usual ones (`i` picks the opinion, `opinion` replaces it). */
export function stepCompletion(
  step: DemoStep,
  i: number,
  outcome?: string,
  opinion?: string,
): { variables: Record<string, unknown>; opinion: string } {
  if (outcome)
    return { variables: { outcome, ...OUTCOMES[outcome].variables }, opinion: opinion ?? OUTCOMES[outcome].opinion };
  return { variables: step.variables ?? {}, opinion: opinion ?? step.opinions[i % step.opinions.length] };
}

/** Whether the `i`-th dossier's documents were scanned at the desk (about two in three). */
export function scannedAtDesk(i: number): boolean {
  return i % 3 !== 2;
}

/** How fast the officers work: the share of each step's allowed working time they take. */
export type Pace = 'early' | 'on_time' | 'late';
export const PACE_SHARE: Record<Pace, number> = { early: 0.3, on_time: 0.85, late: 1.6 };

/** What the desk does once the steps are done. */
export type DemoEnding = 'none' | 'return' | 'refuse' | 'withdraw' | 'supplement' | 'supplement-resumed' | 'apology';

export interface DemoDossier {
  procedure: keyof typeof DEMO_PROCEDURES;
  /** Received this many working days before now (in-progress plans are sized so their open step is still within time). */
  daysAgo: number;
  /** Steps completed ('result' = every step before the result is ready). */
  steps: number | 'result';
  pace: Pace;
  ending: DemoEnding;
  /** Steps completed with another outcome of their form than the procedure's usual one. */
  outcomes?: Record<string, string>;
  /** Opinions written at steps of this dossier instead of the procedure's usual ones. */
  opinions?: Record<string, string>;
}

const NAMES = [
  'Nguyễn Văn Hùng',
  'Trần Thị Mỹ Linh',
  'Lê Hoàng Nam',
  'Phạm Thị Thu Trang',
  'Hoàng Đức Anh',
  'Huỳnh Thị Ngọc Hân',
  'Phan Văn Tài',
  'Vũ Thị Hồng Nhung',
  'Võ Minh Khôi',
  'Đặng Thị Thanh Thủy',
  'Bùi Quốc Việt',
  'Đỗ Thị Kim Oanh',
  'Hồ Văn Lực',
  'Ngô Thị Bích Ngọc',
  'Dương Văn Sơn',
  'Lý Thị Diễm My',
  'Y Jút Êban',
  'H Nhi Niê',
  'Trịnh Văn Quyết',
  'Mai Thị Phương',
  'Tạ Đình Phong',
  'Cao Thị Yến',
  'Lương Văn Đạt',
  'Đinh Thị Hoài Thương',
  'Châu Văn Lộc',
  'La Thị Ánh',
  'Kiều Văn Thịnh',
  'Âu Thị Hạnh',
  'Ksor Y Blin',
  'Nông Thị Tuyết',
  'Quách Văn Toàn',
  'Văn Thị Hoa',
];

/** The dossiers, oldest first: states spread over the five procedures. */
export const DEMO_DOSSIERS: readonly DemoDossier[] = [
  // returned, on time or late
  { procedure: 'ho-kinh-doanh', daysAgo: 24, steps: 'result', pace: 'on_time', ending: 'return' },
  { procedure: 'xay-dung', daysAgo: 23, steps: 'result', pace: 'early', ending: 'return' },
  { procedure: 'chung-thuc', daysAgo: 20, steps: 'result', pace: 'on_time', ending: 'return' },
  { procedure: 'khai-sinh', daysAgo: 18, steps: 'result', pace: 'early', ending: 'return' },
  { procedure: 'ho-kinh-doanh', daysAgo: 16, steps: 'result', pace: 'late', ending: 'return' },
  { procedure: 'khai-sinh', daysAgo: 9, steps: 'result', pace: 'on_time', ending: 'return' },
  // refused, withdrawn
  { procedure: 'ho-kinh-doanh', daysAgo: 14, steps: 1, pace: 'on_time', ending: 'refuse' },
  { procedure: 'xay-dung', daysAgo: 12, steps: 2, pace: 'on_time', ending: 'withdraw' },
  { procedure: 'gcn-lan-dau', daysAgo: 10, steps: 1, pace: 'early', ending: 'refuse' },
  // result ready at the desk
  { procedure: 'ho-kinh-doanh', daysAgo: 5, steps: 'result', pace: 'early', ending: 'none' },
  { procedure: 'chung-thuc', daysAgo: 1, steps: 'result', pace: 'on_time', ending: 'none' },
  { procedure: 'khai-sinh', daysAgo: 1, steps: 'result', pace: 'early', ending: 'none' },
  // waiting for the citizen's supplement (clock paused), and one resumed
  { procedure: 'xay-dung', daysAgo: 8, steps: 1, pace: 'on_time', ending: 'supplement' },
  { procedure: 'ho-kinh-doanh', daysAgo: 3, steps: 1, pace: 'early', ending: 'supplement' },
  { procedure: 'gcn-lan-dau', daysAgo: 6, steps: 2, pace: 'on_time', ending: 'supplement' },
  { procedure: 'xay-dung', daysAgo: 11, steps: 2, pace: 'on_time', ending: 'supplement-resumed' },
  // overdue: the appointment has passed with the file still in a department; one with an apology
  { procedure: 'ho-kinh-doanh', daysAgo: 9, steps: 1, pace: 'late', ending: 'none' },
  { procedure: 'ho-kinh-doanh', daysAgo: 7, steps: 2, pace: 'late', ending: 'none' },
  { procedure: 'chung-thuc', daysAgo: 4, steps: 1, pace: 'late', ending: 'none' },
  { procedure: 'xay-dung', daysAgo: 22, steps: 2, pace: 'late', ending: 'apology' },
  // in progress at every step
  { procedure: 'gcn-lan-dau', daysAgo: 15, steps: 3, pace: 'on_time', ending: 'none' },
  { procedure: 'gcn-lan-dau', daysAgo: 5, steps: 2, pace: 'early', ending: 'none' },
  { procedure: 'gcn-lan-dau', daysAgo: 9, steps: 5, pace: 'early', ending: 'none' },
  { procedure: 'xay-dung', daysAgo: 6, steps: 1, pace: 'early', ending: 'none' },
  { procedure: 'xay-dung', daysAgo: 5, steps: 3, pace: 'early', ending: 'none' },
  { procedure: 'ho-kinh-doanh', daysAgo: 1, steps: 1, pace: 'on_time', ending: 'none' },
  { procedure: 'ho-kinh-doanh', daysAgo: 0.9, steps: 2, pace: 'early', ending: 'none' },
  { procedure: 'khai-sinh', daysAgo: 0, steps: 1, pace: 'early', ending: 'none' },
  // just received
  { procedure: 'ho-kinh-doanh', daysAgo: 0, steps: 0, pace: 'on_time', ending: 'none' },
  { procedure: 'xay-dung', daysAgo: 0, steps: 0, pace: 'on_time', ending: 'none' },
  { procedure: 'gcn-lan-dau', daysAgo: 1, steps: 0, pace: 'on_time', ending: 'none' },
  { procedure: 'chung-thuc', daysAgo: 0, steps: 0, pace: 'on_time', ending: 'none' },
  // the appraisal asked for a supplement and the desk sent Form 02: the drawn supplement step waits for the citizen (new plans go last: the index is the key)
  {
    procedure: 'xay-dung',
    daysAgo: 4,
    steps: 2,
    pace: 'early',
    ending: 'supplement',
    outcomes: { Task_ThamDinh: 'supplement' },
  },
  // refused inside its diagram: the head does not grant it, the desk hands back Form 03, the end event closes it
  {
    procedure: 'ho-kinh-doanh',
    daysAgo: 6,
    steps: 4,
    pace: 'early',
    ending: 'none',
    outcomes: { Task_PheDuyet: 'rejected' },
    opinions: {
      Task_ThamDinh:
        'Hồ sơ đủ thành phần; tên dự kiến gần giống tên một hộ kinh doanh đã đăng ký trên địa bàn thành phố, đề nghị lãnh đạo phòng xem xét.',
    },
  },
];

/** The applicant of the `i`-th demo dossier: the ID number is the seed's key (the `0661990…` series). */
export function demoApplicant(i: number) {
  const n = String(i + 1).padStart(4, '0');
  return {
    fullName: NAMES[i % NAMES.length],
    idNumber: `06619900${n}`,
    phone: `090512${n}`,
    address: `${(i % 9) + 1}${i % 3} Phan Bội Châu, Buôn Ma Thuột, Đắk Lắk`,
  };
}

/**
 * The demo dossiers (DESIGN §7): a few dozen dossiers of the shipped procedures in every state, so
 * the inbox, the dossier pages, the reports and the lookup are not empty on a fresh install.
 * Each is keyed by its applicant's ID number: the seed creates only the ones missing.
 */

/** How a shipped procedure is run by the demo users: who receives it and who does each step. */
export interface DemoProcedure {
  code: string;
  documents: string[];
  /** The receiving desk's account. */
  reception: string;
  /** Step (element id) → the account that does it, and the variables its form sends. */
  steps: Record<string, { user: string; variables?: Record<string, unknown> }>;
  /** Steps before the result is ready (the last one, Task_TraKetQua, is the desk's). */
  stepsToResult: number;
}

const approved = { outcome: 'approved', approved: true, note: 'Hồ sơ đủ điều kiện, đồng ý.' };
const checked = { note: 'Đã kiểm tra, hồ sơ hợp lệ.' };

export const DEMO_PROCEDURES: Record<string, DemoProcedure> = {
  'ho-kinh-doanh': {
    code: '1.001612',
    documents: ['giay-de-nghi', 'giay-to-phap-ly'],
    reception: 'reception',
    steps: {
      Task_TiepNhan: { user: 'reception', variables: checked },
      Task_ThamDinh: { user: 'specialist', variables: checked },
      Task_PheDuyet: { user: 'head', variables: approved },
      // the refusal path: the desk hands back the file with Form 03, and the end event closes the dossier (ADR 0011)
      Task_TraTuChoi: { user: 'reception', variables: { note: 'Đã trả hồ sơ kèm Phiếu từ chối giải quyết.' } },
    },
    stepsToResult: 3,
  },
  'chung-thuc': {
    code: '2.000815',
    documents: ['ban-chinh', 'ban-sao'],
    reception: 'reception.tanloi',
    steps: { Task_TiepNhan: { user: 'reception.tanloi', variables: checked }, Task_ChungThuc: { user: 'specialist.tanloi', variables: { pages: 3 } } },
    stepsToResult: 2,
  },
  'khai-sinh': {
    code: '1.001193',
    documents: ['to-khai', 'giay-chung-sinh'],
    reception: 'reception.tanloi',
    steps: {
      Task_TiepNhan: { user: 'reception.tanloi', variables: checked },
      Task_GhiSo: { user: 'specialist.tanloi', variables: checked },
      Task_KyGiayKhaiSinh: { user: 'leader.tanloi', variables: checked },
    },
    stepsToResult: 3,
  },
  'xay-dung': {
    code: '1.009974',
    documents: ['don-de-nghi', 'gcn-qsdd', 'ban-ve'],
    reception: 'reception',
    steps: {
      Task_TiepNhan: { user: 'reception', variables: checked },
      Task_ThamDinh: { user: 'specialist.qldt', variables: { outcome: 'approved', approved: true, note: 'Đã kiểm tra thực địa, phù hợp quy hoạch.' } },
      Task_TruongPhongDuyet: { user: 'head.qldt', variables: approved },
      Task_KyGiayPhep: { user: 'leader', variables: checked },
    },
    stepsToResult: 4,
  },
  'gcn-lan-dau': {
    code: '1.004227',
    documents: ['don-dang-ky', 'giay-to-nguon-goc', 'to-khai-thue'],
    reception: 'reception',
    steps: {
      Task_TiepNhan: { user: 'reception', variables: checked },
      Task_KiemTraHoSo: { user: 'specialist.vpdk', variables: checked },
      Task_NghiaVuTaiChinh: { user: 'specialist.vpdk', variables: { financialObligation: 12_500_000, obligationPaid: true } },
      Task_ThamDinhTNMT: { user: 'specialist.tnmt', variables: checked },
      Task_QuyHoach: { user: 'specialist.qldt', variables: checked },
      Task_KyGCN: { user: 'leader', variables: checked },
    },
    stepsToResult: 6,
  },
};

/** The variables sent with a step completed with another outcome than the usual one (`DemoDossier.outcomes`). */
export const OUTCOME_VARIABLES: Record<string, Record<string, unknown>> = {
  supplement: { note: 'Cần bổ sung bản vẽ mặt cắt, mặt đứng công trình.' },
  rejected: {
    approved: false,
    note: 'Tên dự kiến trùng với hộ kinh doanh đã đăng ký trên địa bàn thành phố.',
    rejectionReason: 'Tên hộ kinh doanh trùng với tên hộ kinh doanh đã đăng ký trên địa bàn (Điều 88 Nghị định 01/2021/NĐ-CP).',
  },
};

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
}

const NAMES = [
  'Nguyễn Văn Hùng', 'Trần Thị Mỹ Linh', 'Lê Hoàng Nam', 'Phạm Thị Thu Trang', 'Hoàng Đức Anh', 'Huỳnh Thị Ngọc Hân',
  'Phan Văn Tài', 'Vũ Thị Hồng Nhung', 'Võ Minh Khôi', 'Đặng Thị Thanh Thủy', 'Bùi Quốc Việt', 'Đỗ Thị Kim Oanh',
  'Hồ Văn Lực', 'Ngô Thị Bích Ngọc', 'Dương Văn Sơn', 'Lý Thị Diễm My', 'Y Jút Êban', 'H Nhi Niê', 'Trịnh Văn Quyết',
  'Mai Thị Phương', 'Tạ Đình Phong', 'Cao Thị Yến', 'Lương Văn Đạt', 'Đinh Thị Hoài Thương', 'Châu Văn Lộc',
  'La Thị Ánh', 'Kiều Văn Thịnh', 'Âu Thị Hạnh', 'Ksor Y Blin', 'Nông Thị Tuyết', 'Quách Văn Toàn', 'Văn Thị Hoa',
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
  // the appraisal asked for a supplement: the desk's step is open (new plans go last: the index is the key)
  { procedure: 'xay-dung', daysAgo: 4, steps: 2, pace: 'early', ending: 'none', outcomes: { Task_ThamDinh: 'supplement' } },
  // refused inside its diagram: the head does not grant it, the desk hands back Form 03, the end event closes it
  { procedure: 'ho-kinh-doanh', daysAgo: 6, steps: 4, pace: 'early', ending: 'none', outcomes: { Task_PheDuyet: 'rejected' } },
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

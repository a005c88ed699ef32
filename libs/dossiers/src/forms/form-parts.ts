import type { Content } from 'pdfmake/interfaces';
import type { DossierDetail } from '../services/dossiers.service';
import { vietnamDateline } from './vietnam-time.format';

/** The two-column heading of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): issuing unit left, national motto right. */
export function documentHeading(d: Pick<DossierDetail, 'unitName' | 'code'>, at: Date): Content {
  return {
    columns: [
      {
        width: '45%',
        stack: [
          { text: d.unitName.toUpperCase(), alignment: 'center', fontSize: 11 },
          { text: 'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ', alignment: 'center', bold: true, fontSize: 11 },
          { text: '_____________', alignment: 'center', margin: [0, -4, 0, 4] },
          { text: `Mã hồ sơ: ${d.code}`, alignment: 'center', bold: true },
        ],
      },
      {
        width: '55%',
        stack: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', alignment: 'center', bold: true, fontSize: 11 },
          { text: 'Độc lập - Tự do - Hạnh phúc', alignment: 'center', bold: true },
          { text: '_______________________', alignment: 'center', margin: [0, -4, 0, 4] },
          { text: vietnamDateline(at), alignment: 'center', italics: true },
        ],
      },
    ],
    margin: [0, 0, 0, 14],
  };
}

/** A signature block: title, hint, blank space, printed name. */
export function signatureBlock(title: string, name: string): Content {
  return {
    stack: [
      { text: title, bold: true, alignment: 'center' },
      { text: '(Ký và ghi rõ họ tên)', italics: true, alignment: 'center' },
      { text: name, alignment: 'center', margin: [0, 60, 0, 0] },
    ],
  };
}

export const KIND_LABELS: Record<string, string> = { original: 'Bản chính', certified_copy: 'Bản sao chứng thực', copy: 'Bản sao' };

/** The legal processing time as the receipt states it. */
export function legalTimeText(legalTime: DossierDetail['procedure']['legalTime']): string {
  if (typeof legalTime === 'string') return legalTime;
  const t = legalTime as { days?: number; hours?: number; minutes?: number; sameDay?: boolean };
  if (t.sameDay) return 'Trong ngày làm việc (tiếp nhận sau 15 giờ: trả trong ngày làm việc tiếp theo)';
  const parts = [t.days ? `${String(t.days).padStart(2, '0')} ngày làm việc` : '', t.hours ? `${t.hours} giờ làm việc` : '', t.minutes ? `${t.minutes} phút` : ''];
  return parts.filter(Boolean).join(' ') || '—';
}

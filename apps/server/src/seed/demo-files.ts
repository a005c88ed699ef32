import { Readable } from 'node:stream';
import { renderPdf } from '../../../../libs/common/src/pdf.renderer';

/** What a demo file shows: a title, the dossier it belongs to, and a few lines of its content. */
export interface DemoFileContent {
  title: string;
  code: string;
  lines: string[];
  /** A scan carries a grey "BẢN SCAN" band, a result the issuing authority's header. */
  look: 'scan' | 'result' | 'attachment';
}

/** A small valid one-page PDF (pdfmake, the app's own PDF worker), as a stream for the files service. */
export async function demoPdf(content: DemoFileContent): Promise<Readable> {
  const header =
    content.look === 'result'
      ? [
          { text: 'ỦY BAN NHÂN DÂN THÀNH PHỐ BUÔN MA THUỘT', bold: true, alignment: 'center' as const },
          {
            text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc',
            alignment: 'center' as const,
            margin: [0, 4, 0, 16] as [number, number, number, number],
          },
        ]
      : [
          {
            text: content.look === 'scan' ? 'BẢN SCAN — Bộ phận Một cửa' : 'TÀI LIỆU ĐÍNH KÈM',
            color: '#888888',
            fontSize: 9,
            margin: [0, 0, 0, 16] as [number, number, number, number],
          },
        ];
  const pdf = await renderPdf({
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    info: { title: content.title },
    content: [
      ...header,
      { text: content.title.toUpperCase(), bold: true, fontSize: 14, alignment: 'center', margin: [0, 0, 0, 12] },
      { text: `Hồ sơ số: ${content.code}`, margin: [0, 0, 0, 12] },
      ...content.lines.map((line) => ({ text: line, margin: [0, 0, 0, 6] as [number, number, number, number] })),
    ],
    defaultStyle: { font: 'Roboto', fontSize: 11 },
  });
  return Readable.from([pdf]);
}

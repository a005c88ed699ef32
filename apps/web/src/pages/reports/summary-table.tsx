import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { GroupBy, SummaryCounts, SummaryReport } from './reports.api';

type Line = SummaryCounts & { key: string; name: string };

// 11 figures of 72 px, the STT and the name fit the 1,048 px a 1366 px screen leaves beside the menu (issue 19 item 6).
const count = (title: string, dataIndex: keyof SummaryCounts) => ({
  title,
  dataIndex,
  key: dataIndex,
  align: 'right' as const,
  width: 72,
});
const GROUP_TITLE: Record<GroupBy, string> = {
  field: 'Lĩnh vực giải quyết',
  procedure: 'Thủ tục hành chính',
  unit: 'Đơn vị',
};

/** Biểu II.06a with its official two-level headers and the totals row. */
export function SummaryTable({ report, loading }: { report?: SummaryReport; loading: boolean }) {
  const columns: ColumnsType<Line> = [
    { title: 'STT', key: 'stt', width: 44, render: (_v, line, i) => (line.key === '__total' ? '' : i + 1) },
    { title: GROUP_TITLE[report?.groupBy ?? 'field'], dataIndex: 'name', key: 'name' },
    {
      title: 'Số hồ sơ nhận giải quyết',
      children: [
        count('Tổng số', 'received'),
        count('Trực tuyến', 'receivedOnline'),
        count('Trực tiếp, bưu chính', 'receivedDirect'),
        count('Kỳ trước chuyển qua', 'carriedOver'),
      ],
    },
    {
      title: 'Số hồ sơ đã giải quyết',
      children: [
        count('Tổng số', 'resolved'),
        count('Trước hạn', 'resolvedEarly'),
        count('Đúng hạn', 'resolvedOnTime'),
        count('Quá hạn', 'resolvedLate'),
      ],
    },
    {
      title: 'Số hồ sơ đang giải quyết',
      children: [
        count('Tổng số', 'inProgress'),
        count('Trong hạn', 'inProgressWithinTime'),
        count('Quá hạn', 'inProgressOverdue'),
      ],
    },
  ];
  const rows: Line[] = report ? [...report.lines, { ...report.totals, key: '__total', name: 'Tổng cộng' }] : [];
  return (
    <Table<Line>
      data-testid="summary-table"
      size="small"
      bordered
      loading={loading}
      columns={columns}
      dataSource={rows}
      rowKey="key"
      pagination={false}
      scroll={{ x: 980 }}
      onRow={(line) => (line.key === '__total' ? { style: { fontWeight: 600 } } : {})}
    />
  );
}

import { App, Button, Input, InputNumber, Space, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { request } from '../../api/client';
import { reportError } from '../../api/report-error';
import type { Schemas } from '../../api/schemas';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';
import { AdminOnly } from './admin-only';

type Criterion = Schemas['AdminRatingCriterionDto'];
type CriteriaList = Schemas['AdminRatingCriteriaDto'];

const PATH = '/api/admin/rating-criteria';

/**
 * Tiêu chí đánh giá (ADR 0030): the criteria citizens score, seeded with the default set
 * (docs/domain.md). Renaming, reordering or retiring one changes new ratings only: past ratings keep
 * the criteria and labels they were given on.
 */
export function RatingCriteriaPage() {
  const { message } = App.useApp();
  const [items, setItems] = useState<Criterion[]>([]);
  const [loading, setLoading] = useState(true);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [draft, setDraft] = useState({ code: '', label: '' });

  const show = useCallback((list: CriteriaList) => {
    setItems(list.items);
    setLabels(Object.fromEntries(list.items.map((c) => [c.code, c.label])));
  }, []);

  useEffect(() => {
    request<CriteriaList>(PATH)
      .then(show, (cause) => reportError(message, cause))
      .finally(() => setLoading(false));
  }, [message, show]);

  const change = async (code: string, body: { label?: string; position?: number; active?: boolean }) => {
    try {
      show(await request<CriteriaList>(`${PATH}/${encodeURIComponent(code)}`, { method: 'PATCH', body }));
      message.success('Đã lưu tiêu chí');
    } catch (cause) {
      reportError(message, cause);
    }
  };
  const add = async () => {
    try {
      show(await request<CriteriaList>(PATH, { method: 'POST', body: draft }));
      setDraft({ code: '', label: '' });
      message.success('Đã thêm tiêu chí');
    } catch (cause) {
      reportError(message, cause);
    }
  };

  const columns: ColumnsType<Criterion> = [
    {
      title: 'Thứ tự',
      dataIndex: 'position',
      width: 100,
      render: (position: number, c) => (
        <InputNumber
          key={`${c.code}-${position}`}
          min={1}
          max={1000}
          defaultValue={position}
          aria-label={`Thứ tự của ${c.code}`}
          data-testid={`criterion-position-${c.code}`}
          onBlur={(e) => {
            const value = Number(e.target.value);
            if (Number.isInteger(value) && value >= 1 && value !== position) void change(c.code, { position: value });
          }}
        />
      ),
    },
    { title: 'Mã', dataIndex: 'code', width: 140 },
    {
      title: 'Nội dung tiêu chí',
      key: 'label',
      render: (_v, c) => (
        <Space.Compact style={{ width: '100%' }}>
          <Input
            value={labels[c.code] ?? ''}
            maxLength={FIELD_LIMITS.title}
            data-testid={`criterion-label-${c.code}`}
            onChange={(e) => setLabels((all) => ({ ...all, [c.code]: e.target.value }))}
          />
          <Button
            disabled={!labels[c.code]?.trim() || labels[c.code] === c.label}
            onClick={() => change(c.code, { label: labels[c.code] })}
            data-testid={`criterion-save-${c.code}`}
          >
            Lưu
          </Button>
        </Space.Compact>
      ),
    },
    {
      title: 'Đang dùng',
      dataIndex: 'active',
      width: 110,
      render: (active: boolean, c) => (
        <Switch
          checked={active}
          data-testid={`criterion-active-${c.code}`}
          onChange={(checked) => change(c.code, { active: checked })}
        />
      ),
    },
  ];

  return (
    <AdminOnly>
      <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="rating-criteria-page">
        <Typography.Title level={4} style={{ margin: 0 }}>
          Tiêu chí đánh giá mức độ hài lòng
        </Typography.Title>
        <Typography.Text type="secondary">
          Người dân chấm từng tiêu chí đang dùng từ 1 (rất không hài lòng) đến 5 (rất hài lòng). Sửa hoặc ngừng dùng một
          tiêu chí chỉ áp dụng cho các lượt đánh giá sau; các lượt đã có giữ nguyên.
        </Typography.Text>
        <Table<Criterion>
          rowKey="code"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={items}
          pagination={false}
        />
        <Space.Compact style={{ maxWidth: 900, width: '100%' }}>
          <Input
            placeholder="Mã (ví dụ huong-dan)"
            style={{ width: 200 }}
            maxLength={40}
            value={draft.code}
            data-testid="criterion-new-code"
            onChange={(e) => setDraft((d) => ({ ...d, code: e.target.value.trim().toLowerCase() }))}
          />
          <Input
            placeholder="Nội dung tiêu chí"
            maxLength={FIELD_LIMITS.title}
            value={draft.label}
            data-testid="criterion-new-label"
            onChange={(e) => setDraft((d) => ({ ...d, label: e.target.value }))}
          />
          <Button
            type="primary"
            disabled={!draft.code || !draft.label.trim()}
            onClick={add}
            data-testid="criterion-add"
          >
            Thêm tiêu chí
          </Button>
        </Space.Compact>
      </Space>
    </AdminOnly>
  );
}

import { App, Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import {
  deleteSavedFilter,
  listSavedFilters,
  saveFilter,
  type InboxFilter,
  type SavedFilter,
} from '../../api/tasks.api';
import { reportError } from '../../api/report-error';

/** The longest name of a saved filter (the server's SAVED_FILTER_NAME_MAX). */
const NAME_MAX = 60;

interface Props {
  /** The filters the inbox shows now: what "Lưu bộ lọc" saves. */
  current: InboxFilter;
  /** The saved filter the inbox shows, if it is one. */
  appliedId: string | undefined;
  onApply(saved: SavedFilter | undefined): void;
}

/** Bộ lọc đã lưu (issue 19 item 1): each officer names the inbox's filters, finds them on any device, deletes them. */
export function SavedFilters({ current, appliedId, onApply }: Props) {
  const { message } = App.useApp();
  const [filters, setFilters] = useState<SavedFilter[]>([]);
  const [limit, setLimit] = useState(20);
  const [saving, setSaving] = useState(false);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string }>();

  useEffect(() => {
    listSavedFilters()
      .then((list) => {
        setFilters(list.items);
        setLimit(list.limit);
      })
      .catch((cause: unknown) => reportError(message, cause));
  }, [message]);

  const save = async ({ name }: { name: string }) => {
    setSaving(true);
    try {
      const saved = await saveFilter(name, current);
      setFilters((list) => [...list, saved].sort((a, b) => a.name.localeCompare(b.name, 'vi')));
      message.success(`Đã lưu bộ lọc «${saved.name}».`);
      setOpen(false);
      form.resetFields();
      onApply(saved);
    } catch (cause) {
      reportError(message, cause);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (id: string) => {
    try {
      const left = await deleteSavedFilter(id);
      setFilters(left.items);
      message.success('Đã xóa bộ lọc.');
      onApply(undefined);
    } catch (cause) {
      reportError(message, cause);
      setFilters((await listSavedFilters().catch(() => ({ items: filters }))).items);
    }
  };

  const applied = filters.find((f) => f.id === appliedId);
  return (
    <Space size="small" wrap>
      <Select
        placeholder="Bộ lọc đã lưu"
        style={{ width: 200 }}
        allowClear
        value={applied?.id}
        options={filters.map((f) => ({ value: f.id, label: f.name }))}
        onChange={(id?: string) => onApply(filters.find((f) => f.id === id))}
        notFoundContent="Chưa lưu bộ lọc nào"
        data-testid="saved-filter-select"
        aria-label="Bộ lọc đã lưu"
      />
      <Button onClick={() => setOpen(true)} disabled={filters.length >= limit} data-testid="saved-filter-save">
        Lưu bộ lọc
      </Button>
      {applied && (
        <Popconfirm
          title={`Xóa bộ lọc «${applied.name}»?`}
          okText="Xóa"
          cancelText="Không"
          onConfirm={() => remove(applied.id)}
        >
          <Button danger data-testid="saved-filter-delete">
            Xóa bộ lọc
          </Button>
        </Popconfirm>
      )}
      <Modal
        title="Lưu bộ lọc hiện tại"
        open={open}
        okText="Lưu"
        cancelText="Hủy"
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item
            name="name"
            label="Tên bộ lọc"
            extra={`Tối đa ${limit} bộ lọc; tên không quá ${NAME_MAX} ký tự.`}
            rules={[
              { required: true, whitespace: true, message: 'Vui lòng đặt tên cho bộ lọc.' },
              { max: NAME_MAX, message: `Tên bộ lọc không quá ${NAME_MAX} ký tự.` },
            ]}
          >
            <Input maxLength={NAME_MAX} showCount autoFocus data-testid="saved-filter-name" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

import { App, Button, Card, Checkbox, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useRef, useState, type HTMLAttributes } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Task } from '../../api/api.types';
import { claimTask, claimTasks, unclaimTask, type InboxFilter, type SavedFilter } from '../../api/tasks.api';
import { errorMessage } from '../../api/error-messages';
import { reportError } from '../../api/report-error';
import { useAuth } from '../../auth/auth.context';
import { listProcedures, type Procedure } from '../reception/reception.api';
import { BulkAssignModal } from './bulk-assign.modal';
import { CompleteTaskModal } from './complete-task.modal';
import { INBOX_KEYS, useInboxKeys, type InboxKeyAction } from './inbox-keys';
import { SavedFilters } from './saved-filters';
import { TaskActions } from './task-actions';
import { taskColumns } from './task-columns';
import { useTasks, type TaskQuery } from './use-tasks';
import { useInboxEvents } from './use-inbox-events';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';

type Holder = 'all' | 'me' | 'unassigned';
const tabs: { key: Holder; label: string }[] = [
  { key: 'all', label: 'Tất cả' },
  { key: 'me', label: 'Của tôi' },
  { key: 'unassigned', label: 'Chưa nhận' },
];

/** The row under the keyboard cursor. */
const ACTIVE_ROW_STYLE = `.inbox-row-active > td { background: #e6f4ff !important; }
.inbox-row-active > td:first-child { box-shadow: inset 3px 0 0 #1677ff; }`;

/** Hộp công việc: the steps the officer may see, with claim, return, complete, saved filters, bulk actions and keys. */
export function InboxPage() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [query, setQuery] = useState<TaskQuery>({ filter: {}, page: 1, pageSize: 20 });
  const [searchText, setSearchText] = useState('');
  const [appliedFilter, setAppliedFilter] = useState<string | undefined>();
  const [procedures, setProcedures] = useState<Procedure[]>([]);
  const { data, loading, loadedAt, reload } = useTasks(query);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [completing, setCompleting] = useState<Task | null>(null);
  // Steps ticked for a bulk claim, or (heads) a bulk assign (issue 19 item 1).
  const [selected, setSelected] = useState<string[]>([]);
  const [claimingMany, setClaimingMany] = useState(false);
  const [assigning, setAssigning] = useState<string[] | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  // The keyboard cursor: an index into the page's rows.
  const [cursor, setCursor] = useState(0);
  useEffect(() => setSelected([]), [query]);
  useEffect(() => setCursor((c) => Math.min(c, Math.max(data.items.length - 1, 0))), [data.items]);
  useEffect(() => {
    listProcedures()
      .then(setProcedures)
      .catch(() => setProcedures([]));
  }, []);
  // Live updates (issue 19 item 1): steps that arrived since the officer last looked, and a list that follows them.
  const [newSteps, setNewSteps] = useState(0);
  const pendingReload = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const reloadSoon = () => {
    // A burst of events (a bulk claim, a process opening parallel steps) reloads the page once.
    if (pendingReload.current) clearTimeout(pendingReload.current);
    pendingReload.current = setTimeout(() => void reload(), 300);
  };
  useInboxEvents((event) => {
    if (event.kind === 'created') setNewSteps((n) => n + 1);
    reloadSoon();
  }, reloadSoon);

  const isHead = !!user?.roles.includes('head');
  const act = async (task: Task, action: (id: string) => Promise<unknown>, done: string) => {
    setBusyId(task.id);
    try {
      await action(task.id);
      message.success(done);
    } catch (cause) {
      reportError(message, cause);
    } finally {
      setBusyId(null);
      await reload();
    }
  };

  const mayTick = (task: Task) => task.status === 'open' && (isHead || task.assignee === null);
  const onKey = (action: InboxKeyAction) => {
    const task = data.items[cursor] as Task | undefined;
    if (action === 'help') return setHelpOpen(true);
    if (action === 'down') return setCursor((c) => Math.min(c + 1, data.items.length - 1));
    if (action === 'up') return setCursor((c) => Math.max(c - 1, 0));
    if (!task || !user) return;
    if (action === 'open') {
      if (task.businessKey) navigate(`/ho-so/${encodeURIComponent(task.businessKey)}`);
      else if (task.assignee === user.username) setCompleting(task);
    } else if (action === 'claim') {
      if (task.status === 'open' && task.assignee === null && busyId === null)
        void act(task, claimTask, 'Đã nhận việc.');
      else message.info(task.assignee ? 'Công việc này đã có người nhận.' : 'Công việc này đã đóng.');
    } else if (action === 'complete') {
      if (task.status === 'open' && task.assignee === user.username && !task.deskAction) setCompleting(task);
      else if (task.deskAction) message.info('Bước này hoàn thành trên trang hồ sơ (nhấn Enter để mở).');
      else message.info('Cần nhận việc trước khi hoàn thành (nhấn c để nhận).');
    } else if (action === 'select') {
      if (!mayTick(task)) return;
      setSelected((s) => (s.includes(task.id) ? s.filter((id) => id !== task.id) : [...s, task.id]));
    }
  };
  useInboxKeys(!completing && !assigning && !helpOpen, onKey);
  if (!user) return null;

  const applyFilter = (filter: InboxFilter, savedId?: string) => {
    setQuery({ ...query, filter, page: 1 });
    setSearchText(filter.q ?? '');
    setAppliedFilter(savedId);
  };
  const changeFilter = (change: Partial<InboxFilter>) => {
    const filter = Object.fromEntries(
      Object.entries({ ...query.filter, ...change }).filter(([, value]) => value !== undefined && value !== ''),
    ) as InboxFilter;
    applyFilter(filter);
  };

  const claimSelected = async () => {
    setClaimingMany(true);
    try {
      const result = await claimTasks(selected);
      if (result.done.length) message.success(`Đã nhận ${result.done.length} bước xử lý.`);
      if (result.refused.length) {
        const why = [...new Set(result.refused.map((r) => errorMessage(r.code) ?? 'Không nhận được.'))].join(' ');
        message.warning(`${result.refused.length} bước không nhận được: ${why}`);
      }
      setSelected([]);
    } catch (cause) {
      reportError(message, cause);
    } finally {
      setClaimingMany(false);
      await reload();
    }
  };

  const columns = [
    ...taskColumns(user, loadedAt),
    {
      title: 'Thao tác',
      key: 'actions',
      // Kept in view when the table scrolls sideways on a small screen.
      fixed: 'right' as const,
      render: (_: unknown, task: Task) => (
        <TaskActions
          task={task}
          me={user.username}
          busy={busyId === task.id}
          onClaim={(t) => act(t, claimTask, 'Đã nhận việc.')}
          onUnclaim={(t) => act(t, unclaimTask, 'Đã trả lại công việc.')}
          onComplete={setCompleting}
        />
      ),
    },
  ];

  const unclaimedSelected = selected.filter((id) => data.items.find((t) => t.id === id)?.assignee === null);
  return (
    <Card
      title="Hộp công việc"
      extra={
        <Space>
          {newSteps > 0 && (
            <Tag
              color="blue"
              style={{ cursor: 'pointer' }}
              onClick={() => setNewSteps(0)}
              data-testid="inbox-new-steps"
            >
              Có {newSteps} bước mới
            </Tag>
          )}
          <Button type="text" onClick={() => setHelpOpen(true)} data-testid="inbox-keys-help" title="Phím tắt (?)">
            Phím tắt
          </Button>
          <Button onClick={() => reload()} loading={loading} data-testid="inbox-refresh">
            Làm mới
          </Button>
        </Space>
      }
    >
      <style>{ACTIVE_ROW_STYLE}</style>
      <Tabs
        activeKey={query.filter.assignee ?? 'all'}
        onChange={(key) => changeFilter({ assignee: key === 'all' ? undefined : (key as 'me' | 'unassigned') })}
        items={tabs.map((tab) => ({ key: tab.key, label: <span data-testid={`filter-${tab.key}`}>{tab.label}</span> }))}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder="Mã hồ sơ, tên người nộp, số giấy tờ"
          maxLength={FIELD_LIMITS.search}
          allowClear
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onSearch={(text) => changeFilter({ q: text.trim() || undefined })}
          style={{ width: 300 }}
          data-testid="inbox-search"
        />
        <Select
          style={{ width: 150 }}
          value={query.filter.due ?? 'any'}
          onChange={(due: string) => changeFilter({ due: due === 'overdue' ? 'overdue' : undefined })}
          options={[
            { value: 'any', label: 'Mọi hạn xử lý' },
            { value: 'overdue', label: 'Quá hạn' },
          ]}
          data-testid="inbox-due"
          aria-label="Hạn xử lý"
        />
        <Select
          style={{ width: 280 }}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="Mọi thủ tục"
          value={query.filter.procedure}
          onChange={(procedure?: string) => changeFilter({ procedure })}
          options={procedures.map((p) => ({ value: p.code, label: p.name }))}
          notFoundContent="Không có thủ tục phù hợp"
          data-testid="inbox-procedure"
          aria-label="Thủ tục"
        />
        {isHead && (
          <Checkbox
            checked={!!query.wholeUnit}
            onChange={(e) => setQuery({ ...query, wholeUnit: e.target.checked, page: 1 })}
            data-testid="inbox-whole-unit"
          >
            Mọi bước của đơn vị
          </Checkbox>
        )}
        <SavedFilters
          current={query.filter}
          appliedId={appliedFilter}
          onApply={(saved?: SavedFilter) => (saved ? applyFilter(saved.filter, saved.id) : setAppliedFilter(undefined))}
        />
      </Space>
      {selected.length > 0 && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Typography.Text>Đã chọn {selected.length} bước.</Typography.Text>
          {unclaimedSelected.length > 0 && (
            <Button
              type="primary"
              onClick={() => void claimSelected()}
              loading={claimingMany}
              data-testid="inbox-claim-selected"
            >
              Nhận {selected.length} bước đã chọn
            </Button>
          )}
          {isHead && (
            <Button onClick={() => setAssigning(selected)} data-testid="inbox-assign-selected">
              Giao {selected.length} bước cho cán bộ…
            </Button>
          )}
          <Button type="link" onClick={() => setSelected([])}>
            Bỏ chọn
          </Button>
        </Space>
      )}
      <Table<Task>
        rowKey="id"
        size="middle"
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (task) => ({ disabled: !mayTick(task), 'data-testid': `task-select-${task.id}` }) as object,
        }}
        columns={columns}
        dataSource={data.items}
        loading={loading}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: 'Không có công việc nào' }}
        rowClassName={(_, index) => (index === cursor ? 'inbox-row-active' : '')}
        onRow={(task, index) =>
          ({
            'data-testid': `task-row-${task.id}`,
            'data-active': index === cursor ? 'true' : undefined,
            onClick: () => index !== undefined && setCursor(index),
          }) as HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data.total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          // A search counts its matches up to 200 (ADR 0032): past that, the page says so.
          showTotal: (total) =>
            data.totalCapped
              ? `Hơn ${total.toLocaleString('vi-VN')} công việc`
              : `Tổng số ${total.toLocaleString('vi-VN')} công việc`,
          onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
        }}
      />
      <CompleteTaskModal
        task={completing}
        onClose={() => setCompleting(null)}
        onCompleted={() => {
          setCompleting(null);
          void reload();
        }}
      />
      <BulkAssignModal
        taskIds={assigning}
        onClose={() => setAssigning(null)}
        onDone={() => {
          setAssigning(null);
          setSelected([]);
          void reload();
        }}
      />
      <Modal
        title="Phím tắt trong hộp công việc"
        open={helpOpen}
        footer={null}
        onCancel={() => setHelpOpen(false)}
        data-testid="inbox-keys-panel"
      >
        <Typography.Paragraph type="secondary">
          Phím tắt không có tác dụng khi đang gõ trong ô nhập liệu.
        </Typography.Paragraph>
        <table data-testid="inbox-keys-table" style={{ width: '100%' }}>
          <tbody>
            {INBOX_KEYS.map((entry) => (
              <tr key={entry.action}>
                <td style={{ padding: '4px 12px 4px 0', whiteSpace: 'nowrap' }}>
                  {entry.keys.map((key) => (
                    <Typography.Text keyboard key={key}>
                      {key}
                    </Typography.Text>
                  ))}
                </td>
                <td>{entry.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Modal>
    </Card>
  );
}

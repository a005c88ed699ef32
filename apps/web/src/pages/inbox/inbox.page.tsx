import { App, Button, Card, Input, Space, Table, Tabs, Tag } from 'antd';
import { useEffect, useRef, useState, type HTMLAttributes } from 'react';
import type { Task, TaskFilter } from '../../api/api.types';
import { claimTask, claimTasks, unclaimTask } from '../../api/tasks.api';
import { errorMessage } from '../../api/error-messages';
import { reportError } from '../../api/report-error';
import { useAuth } from '../../auth/auth.context';
import { CompleteTaskModal } from './complete-task.modal';
import { TaskActions } from './task-actions';
import { taskColumns } from './task-columns';
import { useTasks, type TaskQuery } from './use-tasks';
import { useInboxEvents } from './use-inbox-events';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';

const tabs: { key: TaskFilter; label: string }[] = [
  { key: 'all', label: 'Tất cả' },
  { key: 'mine', label: 'Của tôi' },
  { key: 'unassigned', label: 'Chưa nhận' },
  { key: 'overdue', label: 'Quá hạn' },
];

/** Hộp công việc: the steps the officer may see, with claim, return and complete. */
export function InboxPage() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const [query, setQuery] = useState<TaskQuery>({ filter: 'all', page: 1, pageSize: 20 });
  const { data, loading, loadedAt, reload } = useTasks(query);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [completing, setCompleting] = useState<Task | null>(null);
  // Steps ticked for a bulk claim (issue 19 item 1); only unclaimed ones can be ticked.
  const [selected, setSelected] = useState<string[]>([]);
  const [claimingMany, setClaimingMany] = useState(false);
  useEffect(() => setSelected([]), [query]);
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
  if (!user) return null;

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

  const claimSelected = async () => {
    setClaimingMany(true);
    try {
      const result = await claimTasks(selected);
      if (result.done.length) message.success(`Đã nhận ${result.done.length} bước xử lý.`);
      if (result.refused.length) {
        const why = [...new Set(result.refused.map((r) => errorMessage(r.code) ?? r.code))].join(' ');
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
          <Input.Search
            placeholder="Mã hồ sơ, tên người nộp, số giấy tờ"
            maxLength={FIELD_LIMITS.search}
            allowClear
            onSearch={(code) => setQuery({ ...query, code: code.trim() || undefined, page: 1 })}
            style={{ width: 300 }}
            data-testid="inbox-search"
          />
          {selected.length > 0 && (
            <Button
              type="primary"
              onClick={() => void claimSelected()}
              loading={claimingMany}
              data-testid="inbox-claim-selected"
            >
              Nhận {selected.length} bước đã chọn
            </Button>
          )}
          <Button onClick={() => reload()} loading={loading} data-testid="inbox-refresh">
            Làm mới
          </Button>
        </Space>
      }
    >
      <Tabs
        activeKey={query.filter}
        onChange={(key) => setQuery({ ...query, filter: key as TaskFilter, page: 1 })}
        items={tabs.map((tab) => ({ key: tab.key, label: <span data-testid={`filter-${tab.key}`}>{tab.label}</span> }))}
      />
      <Table<Task>
        rowKey="id"
        size="middle"
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (task) =>
            ({ disabled: task.assignee !== null, 'data-testid': `task-select-${task.id}` }) as object,
        }}
        columns={columns}
        dataSource={data.items}
        loading={loading}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: 'Không có công việc nào' }}
        onRow={(task) => ({ 'data-testid': `task-row-${task.id}` }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data.total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => `Tổng số ${total} công việc`,
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
    </Card>
  );
}

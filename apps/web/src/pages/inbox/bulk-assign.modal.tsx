import { Alert, App, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/error-messages';
import { reportError } from '../../api/report-error';
import type { Schemas } from '../../api/schemas';
import { assignableOfficers, assignTasks } from '../../api/tasks.api';
import { roleLabel } from '../../auth/roles';

type Officer = Schemas['AssignableOfficerDto'];

interface Props {
  /** The steps ticked; the modal is open while it is not null. */
  taskIds: string[] | null;
  onClose(): void;
  /** After the assignment, whatever its outcome: the inbox reloads and clears its selection. */
  onDone(): void;
}

/**
 * Giao việc hàng loạt (issue 19 item 1): the head picks one officer of the unit whose roles fit the
 * ticked steps and hands them over in one action; each step is assigned or refused on its own, with
 * the reason the single assignment would give.
 */
export function BulkAssignModal({ taskIds, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const [officers, setOfficers] = useState<Officer[]>([]);
  const [steps, setSteps] = useState(0);
  const [loading, setLoading] = useState(false);
  const [userId, setUserId] = useState<string | undefined>();
  const [assigning, setAssigning] = useState(false);

  useEffect(() => {
    setUserId(undefined);
    setOfficers([]);
    if (!taskIds) return;
    setLoading(true);
    assignableOfficers(taskIds)
      .then((answer) => {
        setOfficers(answer.items);
        setSteps(answer.steps);
      })
      .catch((cause: unknown) => reportError(message, cause))
      .finally(() => setLoading(false));
  }, [taskIds, message]);

  const assign = async () => {
    if (!taskIds || !userId) return;
    setAssigning(true);
    try {
      const result = await assignTasks(taskIds, userId);
      const who = officers.find((o) => o.id === userId)?.fullName ?? '';
      if (result.done.length) message.success(`Đã giao ${result.done.length} bước xử lý cho ${who}.`);
      if (result.refused.length) {
        const why = [...new Set(result.refused.map((r) => errorMessage(r.code) ?? 'Không giao được.'))].join(' ');
        message.warning(`${result.refused.length} bước không giao được: ${why}`);
      }
      onDone();
    } catch (cause) {
      reportError(message, cause);
    } finally {
      setAssigning(false);
    }
  };

  const count = taskIds?.length ?? 0;
  return (
    <Modal
      title={`Giao ${count} bước xử lý cho cán bộ`}
      open={taskIds !== null}
      okText="Giao việc"
      cancelText="Hủy"
      okButtonProps={{ disabled: !userId, id: 'bulk-assign-ok' }}
      confirmLoading={assigning}
      onOk={() => void assign()}
      onCancel={onClose}
      destroyOnHidden
    >
      {steps < count && !loading && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${count - steps} bước đã chọn không còn mở hoặc không thuộc đơn vị của bạn; các bước đó sẽ không được giao.`}
        />
      )}
      <Typography.Paragraph type="secondary">
        Chỉ hiện cán bộ đang hoạt động của đơn vị có vai trò phù hợp với các bước đã chọn.
      </Typography.Paragraph>
      <Select
        showSearch
        style={{ width: '100%' }}
        placeholder="Chọn cán bộ nhận việc"
        loading={loading}
        value={userId}
        onChange={setUserId}
        optionFilterProp="label"
        notFoundContent={loading ? 'Đang tải…' : 'Không có cán bộ nào nhận được các bước này'}
        options={officers.map((o) => ({
          value: o.id,
          label: `${o.fullName} (${o.username})`,
          officer: o,
        }))}
        optionRender={(option) => {
          const o = option.data.officer as Officer;
          return (
            <div data-testid={`bulk-assign-officer-${o.username}`}>
              <div>
                {o.fullName} <Typography.Text type="secondary">({o.username})</Typography.Text>
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {o.roles.map(roleLabel).join(', ')} · nhận được {o.fits}/{steps} bước
              </Typography.Text>
            </div>
          );
        }}
        data-testid="bulk-assign-officer"
        aria-label="Cán bộ nhận việc"
      />
    </Modal>
  );
}

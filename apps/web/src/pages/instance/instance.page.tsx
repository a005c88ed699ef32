import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Result,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { definitionXml } from '../../api/definitions.api';
import { formatDateTime } from '../inbox/due-state';
import { AdminOnly } from '../admin/admin-only';
import { operationsApi } from '../admin/operations.api';
import { RetryReasonModal } from '../admin/retry-reason.modal';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';
import { InstanceDiagram, type DiagramElementInfo, type DiagramMarks } from './instance-diagram';
import { elementLabel, historyLabel, INSTANCE_STATUS } from './instance-labels';
import { incidentMessage } from './incident-message';
import { instanceApi, type InstanceDetail, type InstanceIncident } from './instance.api';

type Lookup = (id: string) => DiagramElementInfo | undefined;

const TASK_STATUS: Record<string, string> = { open: 'Đang mở', completed: 'Đã xong', cancelled: 'Đã hủy' };

/** Phiên xử lý (administrators, issue 19 item 4): one instance on its deployed diagram. */
export default function InstancePage() {
  return (
    <AdminOnly>
      <InstanceView />
    </AdminOnly>
  );
}

function InstanceView() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const [instance, setInstance] = useState<InstanceDetail | null>(null);
  const [xml, setXml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [diagramFailed, setDiagramFailed] = useState(false);
  const [lookup, setLookup] = useState<{ of: Lookup }>({ of: () => undefined });
  const [retrying, setRetrying] = useState<InstanceIncident | null>(null);
  const [cancelling, setCancelling] = useState(false);

  const load = useCallback(async () => {
    try {
      const loaded = await instanceApi.get(id);
      setInstance(loaded);
      setError(null);
      setXml(await definitionXml(loaded.definitionKey, loaded.version));
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : 'Không tải được phiên xử lý.');
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const marks = useMemo<DiagramMarks>(
    () => ({
      completed: instance?.completedElementIds ?? [],
      active: instance?.activeElementIds ?? [],
      incidents: (instance?.incidents ?? []).filter((i) => i.status === 'open' && i.elementId).map((i) => i.elementId!),
    }),
    [instance],
  );
  const onElements = useCallback((of: Lookup) => setLookup({ of }), []);
  const onDiagramError = useCallback(() => setDiagramFailed(true), []);

  if (error)
    return (
      <Result
        status="404"
        title="Không mở được phiên xử lý"
        subTitle={error}
        extra={<Link to="/admin/van-hanh">Về trang vận hành</Link>}
      />
    );
  if (!instance) return <Spin style={{ display: 'block', margin: '64px auto' }} />;

  const name = (elementId: string | null) => (elementId ? elementLabel(lookup.of(elementId)) : '—');
  const status = INSTANCE_STATUS[instance.status] ?? { label: 'Không rõ', color: 'default' };
  const live = instance.status === 'running' || instance.status === 'incident';
  const openIncidents = instance.incidents.filter((i) => i.status === 'open');
  const path = instance.completedElementIds.filter((elementId) => lookup.of(elementId)?.type !== 'bpmn:SequenceFlow');
  const variables = Object.entries(instance.variables).map(([key, value]) => ({ key, value }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>Phiên xử lý</span>
            <Tag color={status.color} data-testid="instance-status">
              {status.label}
            </Tag>
          </Space>
        }
        extra={
          <Space>
            <Button onClick={() => void load()} data-testid="instance-reload">
              Làm mới
            </Button>
            {live && (
              <Button danger onClick={() => setCancelling(true)} data-testid="instance-cancel">
                Hủy phiên xử lý
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="Quy trình">
            <Typography.Text code>{instance.definitionKey}</Typography.Text> phiên bản {instance.version}
          </Descriptions.Item>
          <Descriptions.Item label="Hồ sơ">
            {instance.businessKey ? (
              <Link to={`/ho-so/${encodeURIComponent(instance.businessKey)}`}>{instance.businessKey}</Link>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="Bắt đầu">
            {formatDateTime(instance.startedAt)}
            {instance.startedBy ? ` — ${instance.startedBy}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="Kết thúc">{formatDateTime(instance.endedAt)}</Descriptions.Item>
          <Descriptions.Item label="Đang ở bước" span={2}>
            <span data-testid="instance-active">
              {instance.activeElementIds.length
                ? instance.activeElementIds.map(name).join(', ')
                : 'Không còn bước nào đang chờ'}
            </span>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card
        title="Sơ đồ quy trình đã triển khai"
        size="small"
        extra={
          <Space size="middle">
            <span>
              <span className="mc-instance-legend" style={{ borderColor: '#1677ff', background: '#e6f4ff' }} />
              Đang ở đây
            </span>
            <span>
              <span className="mc-instance-legend" style={{ borderColor: '#52c41a', background: '#f6ffed' }} />
              Đã đi qua
            </span>
            <span>
              <span className="mc-instance-legend" style={{ borderColor: '#cf1322', background: '#fff1f0' }} />
              Sự cố
            </span>
          </Space>
        }
      >
        {diagramFailed ? (
          <Alert type="warning" showIcon title="Không hiển thị được sơ đồ của phiên bản quy trình này." />
        ) : xml ? (
          <InstanceDiagram xml={xml} marks={marks} onElements={onElements} onError={onDiagramError} />
        ) : (
          <Spin />
        )}
      </Card>

      {openIncidents.length > 0 && (
        <Card title="Sự cố đang mở" size="small">
          <List
            dataSource={openIncidents}
            renderItem={(incident) => (
              <List.Item
                data-testid={`instance-incident-${incident.elementId ?? 'none'}`}
                actions={[
                  <Button
                    key="retry"
                    size="small"
                    type="primary"
                    disabled={!incident.jobId}
                    onClick={() => setRetrying(incident)}
                    data-testid="instance-incident-retry"
                  >
                    Thử lại
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={<Typography.Text type="danger">{incidentMessage(incident.code)}</Typography.Text>}
                  description={`Bước: ${name(incident.elementId)} · ${formatDateTime(incident.createdAt)}`}
                />
              </List.Item>
            )}
          />
        </Card>
      )}

      <Card size="small">
        <Tabs
          items={[
            {
              key: 'path',
              label: 'Đường đã đi',
              children: path.length ? (
                <ol data-testid="instance-path">
                  {path.map((elementId) => (
                    <li key={elementId} data-element-id={elementId}>
                      {name(elementId)}
                    </li>
                  ))}
                </ol>
              ) : (
                <Empty description="Chưa đi qua bước nào" />
              ),
            },
            {
              key: 'tasks',
              label: 'Công việc',
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={instance.tasks}
                  columns={[
                    { title: 'Bước', dataIndex: 'name' },
                    { title: 'Người xử lý', dataIndex: 'assignee', render: (a: string | null) => a ?? '—' },
                    { title: 'Tạo lúc', dataIndex: 'createdAt', render: formatDateTime },
                    { title: 'Trạng thái', dataIndex: 'status', render: (s: string) => TASK_STATUS[s] ?? s },
                  ]}
                />
              ),
            },
            {
              key: 'variables',
              label: 'Biến',
              children: (
                <Table
                  rowKey="key"
                  size="small"
                  pagination={false}
                  data-testid="instance-variables"
                  dataSource={variables}
                  locale={{ emptyText: 'Phiên chưa có biến nào' }}
                  columns={[
                    {
                      title: 'Tên biến',
                      dataIndex: 'key',
                      width: 240,
                      render: (key: string) => <Typography.Text code>{key}</Typography.Text>,
                    },
                    {
                      title: 'Giá trị',
                      dataIndex: 'value',
                      render: (value: unknown) => (
                        <Typography.Text style={{ wordBreak: 'break-all' }}>{JSON.stringify(value)}</Typography.Text>
                      ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'history',
              label: 'Lịch sử',
              children: (
                <Table
                  rowKey={(_, index) => String(index)}
                  size="small"
                  data-testid="instance-history"
                  dataSource={instance.history}
                  pagination={{ pageSize: 50, hideOnSinglePage: true }}
                  columns={[
                    { title: 'Thời điểm', dataIndex: 'at', width: 160, render: formatDateTime },
                    { title: 'Sự kiện', dataIndex: 'type', render: historyLabel },
                    { title: 'Phần tử', dataIndex: 'elementId', render: name },
                    { title: 'Người thực hiện', dataIndex: 'actor', render: (a?: string) => a ?? 'Hệ thống' },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>

      <RetryReasonModal
        target={
          retrying && {
            title: `Thử lại sự cố ở bước ${name(retrying.elementId)}`,
            retry: (reason) => operationsApi.retryIncident(retrying.id, reason),
          }
        }
        onClose={() => setRetrying(null)}
        onDone={() => {
          message.success('Đã thử lại: công việc nền được chạy lại ngay');
          setRetrying(null);
          void load();
        }}
      />
      <CancelModal
        open={cancelling}
        cancel={(reason) => instanceApi.cancel(instance.id, reason)}
        onClose={() => setCancelling(false)}
        onDone={(updated) => {
          setCancelling(false);
          setInstance(updated);
          message.success('Đã hủy phiên xử lý');
        }}
      />
    </Space>
  );
}

/** Asks why the instance is cancelled (kept on its history), then cancels it. */
function CancelModal(props: {
  open: boolean;
  cancel(reason: string): Promise<InstanceDetail>;
  onClose(): void;
  onDone(updated: InstanceDetail): void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ reason }: { reason: string }) => {
    setSaving(true);
    try {
      props.onDone(await props.cancel(reason.trim()));
      form.resetFields();
      setError(null);
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : 'Không hủy được phiên xử lý.');
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title="Hủy phiên xử lý"
      okText="Hủy phiên"
      okButtonProps={{
        danger: true,
        ...({ 'data-testid': 'instance-cancel-submit' } as Record<`data-${string}`, string>),
      }}
      cancelText="Đóng"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        Các công việc đang mở và công việc nền của phiên sẽ bị hủy; không thể hoàn tác.
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label="Lý do hủy"
          name="reason"
          rules={[{ required: true, whitespace: true, message: 'Nhập lý do hủy (được ghi vào lịch sử)' }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={FIELD_LIMITS.reason}
            data-testid="instance-cancel-reason"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

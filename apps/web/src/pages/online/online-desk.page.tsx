import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Input,
  List,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';
import { formatSize } from '../../files';
import { formatDateTime } from '../inbox/due-state';
import {
  acceptSubmission,
  getProcedure,
  getSubmission,
  listSubmissions,
  refuseSubmission,
  requestSupplement,
  SUBMISSION_STATUS,
  viewSubmissionFile,
  type Accepted,
  type Procedure,
  type Submission,
  type SubmissionStatus,
} from './online-desk.api';
import { OnlineAnswers } from './online-answers';

const PAGE = 20;
type Decision = 'supplement' | 'refuse';

/**
 * Hồ sơ trực tuyến: the unit's online submissions waiting at the desk (issue 18 item 3). The officer
 * opens one (applicant, e-form answers, files), then accepts it (the dossier is received, the citizen
 * gets Form 01 by SMS), asks for a supplement or refuses, each with the reason the citizen reads.
 */
export function OnlineDeskPage() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<SubmissionStatus>('waiting');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Submission[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState<{ submission: Submission; procedure?: Procedure }>();
  const [decision, setDecision] = useState<Decision>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [accepted, setAccepted] = useState<Accepted>();

  const load = useCallback(() => {
    setLoading(true);
    listSubmissions({ status, limit: PAGE, offset: (page - 1) * PAGE })
      .then((answer) => setData({ items: answer.items, total: answer.total ?? answer.items.length }))
      .catch((cause: Error) => message.error(cause.message))
      .finally(() => setLoading(false));
  }, [status, page, message]);
  useEffect(load, [load]);

  const show = async (id: string) => {
    try {
      const submission = await getSubmission(id);
      const procedure = await getProcedure(submission.procedureCode).catch(() => undefined);
      setOpen({ submission, procedure });
    } catch (cause) {
      message.error((cause as Error).message);
    }
  };
  const finish = (after?: Submission) => {
    setOpen(after ? { ...open!, submission: after } : undefined);
    setDecision(undefined);
    setReason('');
    load();
  };
  const accept = async () => {
    setBusy(true);
    try {
      const answer = await acceptSubmission(open!.submission.id);
      setAccepted(answer);
      finish(answer.submission);
    } catch (cause) {
      message.error((cause as Error).message);
      load();
    } finally {
      setBusy(false);
    }
  };
  const decide = async () => {
    setBusy(true);
    try {
      const id = open!.submission.id;
      const after = decision === 'refuse' ? await refuseSubmission(id, reason) : await requestSupplement(id, reason);
      message.success(decision === 'refuse' ? 'Đã từ chối và nhắn tin cho công dân.' : 'Đã yêu cầu công dân bổ sung.');
      finish(after);
    } catch (cause) {
      message.error((cause as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const documentName = (key: string) => open?.procedure?.requiredDocuments.find((d) => d.code === key)?.name ?? key;
  const current = open?.submission;

  return (
    <Card
      title="Hồ sơ trực tuyến"
      extra={
        <Select<SubmissionStatus>
          value={status}
          style={{ width: 220 }}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          options={Object.entries(SUBMISSION_STATUS).map(([value, s]) => ({ value, label: s.label }))}
          data-testid="online-status-filter"
        />
      }
    >
      <Table<Submission>
        rowKey="id"
        loading={loading}
        dataSource={data.items}
        locale={{ emptyText: 'Không có hồ sơ trực tuyến nào.' }}
        pagination={{ current: page, pageSize: PAGE, total: data.total, onChange: setPage, showSizeChanger: false }}
        onRow={(row) => ({ onClick: () => void show(row.id), style: { cursor: 'pointer' } })}
        data-testid="online-queue"
        columns={[
          { title: 'Mã tiếp nhận trực tuyến', dataIndex: 'code', render: (code: string) => <strong>{code}</strong> },
          { title: 'Thủ tục', dataIndex: 'procedureName' },
          { title: 'Người nộp', render: (_, row) => row.applicant.fullName },
          { title: 'Nộp lúc', dataIndex: 'updatedAt', render: (at: string) => formatDateTime(at) },
          { title: 'Lần nộp', dataIndex: 'rounds', width: 90 },
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            render: (s: SubmissionStatus) => <Tag color={SUBMISSION_STATUS[s].color}>{SUBMISSION_STATUS[s].label}</Tag>,
          },
        ]}
      />
      <Drawer
        open={current !== undefined}
        width={720}
        title={current ? `Hồ sơ trực tuyến ${current.code}` : ''}
        onClose={() => setOpen(undefined)}
        extra={
          current?.status === 'waiting' && (
            <Space>
              <Button onClick={() => setDecision('supplement')} data-testid="online-supplement">
                Yêu cầu bổ sung
              </Button>
              <Button danger onClick={() => setDecision('refuse')} data-testid="online-refuse">
                Từ chối
              </Button>
              <Button type="primary" loading={busy} onClick={() => void accept()} data-testid="online-accept">
                Tiếp nhận
              </Button>
            </Space>
          )
        }
      >
        {current && (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="Thủ tục">{current.procedureName}</Descriptions.Item>
              <Descriptions.Item label="Trạng thái">
                <Tag color={SUBMISSION_STATUS[current.status].color}>{SUBMISSION_STATUS[current.status].label}</Tag>
                {current.dossierCode && <Link to={`/ho-so/${current.dossierCode}`}>{current.dossierCode}</Link>}
              </Descriptions.Item>
              {current.reason && <Descriptions.Item label="Lý do">{current.reason}</Descriptions.Item>}
              <Descriptions.Item label="Họ và tên">{current.applicant.fullName}</Descriptions.Item>
              <Descriptions.Item label="Số định danh">{current.applicant.idNumber}</Descriptions.Item>
              <Descriptions.Item label="Điện thoại">{current.applicant.phone}</Descriptions.Item>
              {current.applicant.address && (
                <Descriptions.Item label="Địa chỉ">{current.applicant.address}</Descriptions.Item>
              )}
            </Descriptions>
            <div>
              <Typography.Title level={5}>Tờ khai</Typography.Title>
              <OnlineAnswers submission={current} procedure={open?.procedure} />
            </div>
            <div>
              <Typography.Title level={5}>Thành phần hồ sơ</Typography.Title>
              <List
                size="small"
                bordered
                dataSource={current.files}
                data-testid="online-files"
                renderItem={(file) => (
                  <List.Item
                    actions={[
                      <Button
                        key="view"
                        type="link"
                        onClick={() =>
                          void viewSubmissionFile(current.id, file.id).catch((e: Error) => message.error(e.message))
                        }
                      >
                        Xem
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta
                      title={file.fileName}
                      description={`${documentName(file.documentKey)} · ${formatSize(file.size)}`}
                    />
                  </List.Item>
                )}
              />
            </div>
          </Space>
        )}
      </Drawer>
      <Modal
        open={decision !== undefined}
        title={decision === 'refuse' ? 'Từ chối hồ sơ trực tuyến' : 'Yêu cầu công dân bổ sung'}
        okText={decision === 'refuse' ? 'Từ chối' : 'Gửi yêu cầu'}
        okButtonProps={{ danger: decision === 'refuse', disabled: !reason.trim(), loading: busy }}
        cancelText="Hủy"
        onOk={() => void decide()}
        onCancel={() => setDecision(undefined)}
      >
        <Typography.Paragraph type="secondary">
          Công dân nhận lý do này qua tin nhắn và trên trang của mình.
        </Typography.Paragraph>
        <Input.TextArea
          rows={4}
          value={reason}
          maxLength={FIELD_LIMITS.reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="Lý do"
          data-testid="online-reason"
        />
      </Modal>
      <Modal
        open={accepted !== undefined}
        title="Đã tiếp nhận hồ sơ"
        okText="Đóng"
        cancelButtonProps={{ style: { display: 'none' } }}
        onOk={() => setAccepted(undefined)}
        onCancel={() => setAccepted(undefined)}
      >
        {accepted && (
          <Descriptions column={1} size="small" data-testid="online-accepted">
            <Descriptions.Item label="Mã hồ sơ">
              <Link to={`/ho-so/${accepted.dossier.code}`}>{accepted.dossier.code}</Link>
            </Descriptions.Item>
            <Descriptions.Item label="Hẹn trả kết quả">
              {formatDateTime(accepted.dossier.appointmentAt)}
            </Descriptions.Item>
            <Descriptions.Item label="Giấy tiếp nhận">Đã gửi đường dẫn cho công dân qua tin nhắn.</Descriptions.Item>
          </Descriptions>
        )}
      </Modal>
    </Card>
  );
}

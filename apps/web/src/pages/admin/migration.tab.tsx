import { Alert, App, Button, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { definitionXml } from '../../api/definitions.api';
import { errorMessage } from '../../api/error-messages';
import type { Schemas } from '../../api/schemas';
import { adminErrorMessage } from './admin-labels';
import { operationsApi } from './operations.api';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';

type LiveInstance = Schemas['BulkInstanceDto'];
type Report = Schemas['MigrationReportDto'];

interface Versions {
  definitionKey: string;
  fromVersion: number;
  toVersion: number;
}

/** The flow elements a token can stand at, in document order: id → name (or the kind in Vietnamese). */
const KINDS: Record<string, string> = {
  userTask: 'Bước xử lý',
  serviceTask: 'Tác vụ dịch vụ',
  task: 'Bước',
  receiveTask: 'Bước chờ nhận',
  sendTask: 'Bước gửi',
  scriptTask: 'Bước tính toán',
  manualTask: 'Bước thủ công',
  businessRuleTask: 'Bước theo quy tắc',
  subProcess: 'Quy trình con',
  callActivity: 'Gọi quy trình',
  intermediateCatchEvent: 'Sự kiện chờ',
  eventBasedGateway: 'Cổng theo sự kiện',
  parallelGateway: 'Cổng song song',
  inclusiveGateway: 'Cổng bao hàm',
  exclusiveGateway: 'Cổng rẽ nhánh',
  boundaryEvent: 'Sự kiện biên',
};
function flowElements(xml: string): Map<string, string> {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const found = new Map<string, string>();
  for (const element of Array.from(doc.getElementsByTagName('*'))) {
    const id = element.getAttribute('id');
    const kind = KINDS[element.localName];
    if (id && kind) found.set(id, element.getAttribute('name')?.trim() || kind);
  }
  return found;
}

/**
 * Chuyển phiên bản (issue 19 item 4): the running instances of one version, where they stand, a
 * mapping of those elements to the new version, a dry run that tells which can move and why not,
 * then the move itself (`POST /api/admin/migrations[/plan]`).
 */
export function MigrationTab() {
  const { message } = App.useApp();
  const [versions, setVersions] = useState<Versions | null>(null);
  const [instances, setInstances] = useState<LiveInstance[]>([]);
  const [total, setTotal] = useState(0);
  const [from, setFrom] = useState<Map<string, string>>(new Map());
  const [to, setTo] = useState<Map<string, string>>(new Map());
  const [mapping, setMapping] = useState<Record<string, string | undefined>>({});
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (cause) {
      setError(adminErrorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  const load = (values: Versions) =>
    run(async () => {
      const [list, fromXml, toXml] = await Promise.all([
        operationsApi.liveInstances({ definitionKey: values.definitionKey, version: values.fromVersion }),
        definitionXml(values.definitionKey, values.fromVersion),
        definitionXml(values.definitionKey, values.toVersion),
      ]);
      const [fromElements, toElements] = [flowElements(fromXml), flowElements(toXml)];
      const standing = [...new Set(list.items.flatMap((x) => x.activeElementIds))];
      setVersions(values);
      setInstances(list.items);
      setTotal(list.total);
      setFrom(fromElements);
      setTo(toElements);
      setMapping(Object.fromEntries(standing.map((id) => [id, toElements.has(id) ? id : undefined])));
      setReport(null);
    });

  const body = () => ({
    ...versions!,
    instanceIds: instances.map((x) => x.id),
    mapping: Object.fromEntries(
      Object.entries(mapping).filter((entry): entry is [string, string] => !!entry[1] && entry[1] !== entry[0]),
    ),
  });
  const plan = () => run(async () => setReport(await operationsApi.planMigration(body())));
  const migrate = () =>
    run(async () => {
      const done = await operationsApi.migrate({ ...body(), instanceIds: report!.migrated });
      if (done.refused.length)
        message.warning(`Đã chuyển ${done.migrated.length} phiên; ${done.refused.length} phiên không chuyển được.`);
      else message.success(`Đã chuyển ${done.migrated.length} phiên sang phiên bản ${versions!.toVersion}`);
      await load(versions!);
    });

  const name = (id: string) => from.get(id) ?? 'Phần tử của sơ đồ';
  const verdict = (id: string) => {
    if (!report) return <Typography.Text type="secondary">Chưa chạy thử</Typography.Text>;
    if (report.migrated.includes(id)) return <Tag color="green">Chuyển được</Tag>;
    const refusal = report.refused.find((r) => r.instanceId === id);
    return refusal ? (
      <>
        <Tag color="red">Không chuyển được</Tag>
        <div>{errorMessage(refusal.code) ?? 'Phiên xử lý này không chuyển được sang phiên bản mới.'}</div>
      </>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  };

  return (
    <>
      <Form
        layout="inline"
        onFinish={(values: Versions) => void load({ ...values, definitionKey: values.definitionKey.trim() })}
        requiredMark={false}
        style={{ marginBottom: 16 }}
      >
        <Form.Item
          name="definitionKey"
          label="Mã quy trình"
          rules={[{ required: true, whitespace: true, message: 'Nhập mã quy trình' }]}
        >
          <Input maxLength={FIELD_LIMITS.code} style={{ width: 200 }} data-testid="migration-key" />
        </Form.Item>
        <Form.Item name="fromVersion" label="Từ phiên bản" rules={[{ required: true, message: 'Chọn phiên bản' }]}>
          <InputNumber min={1} style={{ width: 90 }} data-testid="migration-from" />
        </Form.Item>
        <Form.Item name="toVersion" label="Sang phiên bản" rules={[{ required: true, message: 'Chọn phiên bản' }]}>
          <InputNumber min={1} style={{ width: 90 }} data-testid="migration-to" />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={busy} data-testid="migration-load">
            Xem các phiên đang chạy
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {versions && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text data-testid="migration-count">
            {total > instances.length
              ? `${total} phiên đang chạy phiên bản ${versions.fromVersion}; hiển thị ${instances.length} phiên đầu tiên.`
              : `${total} phiên đang chạy phiên bản ${versions.fromVersion}.`}
          </Typography.Text>
          {Object.keys(mapping).length > 0 && (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              title={() => 'Ánh xạ các bước đang có phiên dừng sang phiên bản mới'}
              dataSource={Object.keys(mapping).map((id) => ({ id }))}
              columns={[
                {
                  title: `Bước ở phiên bản ${versions.fromVersion}`,
                  dataIndex: 'id',
                  render: (id: string) => name(id),
                },
                {
                  title: `Bước ở phiên bản ${versions.toVersion}`,
                  key: 'to',
                  render: (_, row) => (
                    <Select
                      style={{ width: 280 }}
                      allowClear
                      placeholder="Chưa ánh xạ"
                      value={mapping[row.id]}
                      onChange={(value?: string) => {
                        setMapping((current) => ({ ...current, [row.id]: value }));
                        setReport(null);
                      }}
                      options={[...to.entries()].map(([value, label]) => ({ value, label }))}
                      data-testid={`migration-map-${row.id}`}
                    />
                  ),
                },
              ]}
            />
          )}
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={instances}
            columns={[
              {
                title: 'Hồ sơ',
                dataIndex: 'businessKey',
                render: (key: string | null, x) => <Link to={`/admin/phien/${x.id}`}>{key ?? 'Không có hồ sơ'}</Link>,
              },
              {
                title: 'Đang ở bước',
                dataIndex: 'activeElementIds',
                render: (ids: string[]) => ids.map(name).join(', ') || '—',
              },
              {
                title: 'Kết quả chạy thử',
                key: 'verdict',
                render: (_, x) => <span data-testid={`migration-verdict-${x.businessKey}`}>{verdict(x.id)}</span>,
              },
            ]}
          />
          <Space>
            <Button
              onClick={() => void plan()}
              loading={busy}
              disabled={!instances.length}
              data-testid="migration-plan"
            >
              Chạy thử
            </Button>
            <Button
              type="primary"
              danger
              onClick={() => void migrate()}
              loading={busy}
              disabled={!report?.migrated.length}
              data-testid="migration-run"
            >
              {report ? `Chuyển ${report.migrated.length} phiên` : 'Chuyển'}
            </Button>
          </Space>
        </Space>
      )}
    </>
  );
}

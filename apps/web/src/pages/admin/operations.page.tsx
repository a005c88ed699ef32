import { App, Card, Col, Row, Statistic, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { AdminOnly } from './admin-only';
import { BulkCancelTab } from './bulk-cancel.tab';
import { MigrationTab } from './migration.tab';
import { adminErrorMessage } from './admin-labels';
import { IncidentsTab } from './incidents.tab';
import { JobsTab } from './jobs.tab';
import { operationsApi, type OperationsSummary } from './operations.api';
import { SmsFailuresTab } from './sms-failures.tab';

/** Vận hành (admin): incidents, background jobs and failing SMS, with counts. */
export function OperationsPage() {
  return (
    <AdminOnly>
      <OperationsView />
    </AdminOnly>
  );
}

function OperationsView() {
  const { message } = App.useApp();
  const [summary, setSummary] = useState<OperationsSummary | null>(null);
  const [failingSms, setFailingSms] = useState<number | null>(null);

  const refresh = useCallback(() => {
    operationsApi.summary().then(setSummary, (cause: unknown) => message.error(adminErrorMessage(cause)));
    operationsApi.failingSms({ limit: 1, offset: 0 }).then(
      (page) => setFailingSms(page.total),
      () => setFailingSms(null),
    );
  }, [message]);
  useEffect(refresh, [refresh]);

  const danger = (n: number | undefined | null) => ({ color: n ? '#cf1322' : undefined });
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Vận hành
      </Typography.Title>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title="Sự cố đang mở"
              value={summary?.incidents.open ?? '—'}
              styles={{ content: danger(summary?.incidents.open) }}
              data-testid="ops-open-incidents"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title="Công việc quá hạn"
              value={summary?.jobs.overdue ?? '—'}
              styles={{ content: danger(summary?.jobs.overdue) }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="Công việc đang chờ" value={summary?.jobs.waiting ?? '—'} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="SMS gửi lỗi" value={failingSms ?? '—'} styles={{ content: danger(failingSms) }} />
          </Card>
        </Col>
      </Row>
      <Tabs
        items={[
          { key: 'incidents', label: 'Sự cố', children: <IncidentsTab onChanged={refresh} /> },
          { key: 'jobs', label: 'Công việc nền', children: <JobsTab summary={summary} /> },
          { key: 'sms', label: 'SMS gửi lỗi', children: <SmsFailuresTab onChanged={refresh} /> },
          { key: 'bulk-cancel', label: 'Hủy phiên hàng loạt', children: <BulkCancelTab /> },
          { key: 'migration', label: 'Chuyển phiên bản', children: <MigrationTab /> },
        ]}
      />
    </>
  );
}

import { Alert, Descriptions, Grid, Tag, Timeline } from 'antd';
import { Panel } from '../../public/panel';
import { DOSSIER_STATUS } from '../../api/dossier-status';
import { vietnamDateTime, type PublicDossier } from './tracking.api';

/** Ended without a result: no appointment to show. */
const ENDED_WITHOUT_RESULT = ['rejected', 'withdrawn'];

/** The public view of one dossier: shared by the lookup page and the kiosk. On a phone the labels sit above the values. */
export function DossierStatusCard({ dossier, large = false }: { dossier: PublicDossier; large?: boolean }) {
  const narrow = !Grid.useBreakpoint().sm;
  const size = large ? 22 : undefined;
  return (
    <Panel data-testid="dossier-status" style={{ fontSize: size }} bodyPadding={narrow ? 12 : undefined}>
      <Descriptions
        column={1}
        bordered
        layout={narrow && !large ? 'vertical' : 'horizontal'}
        size={large ? 'default' : 'small'}
        styles={{
          label: { width: narrow ? undefined : large ? 260 : 180, fontSize: size },
          content: { fontSize: size },
        }}
      >
        <Descriptions.Item label="Mã hồ sơ">
          <span style={{ overflowWrap: 'anywhere' }}>{dossier.code}</span>
        </Descriptions.Item>
        <Descriptions.Item label="Trạng thái">
          <Tag
            color={DOSSIER_STATUS[dossier.status]?.badge ?? 'default'}
            style={{ fontSize: size, padding: large ? '4px 12px' : undefined }}
            data-testid="status-label"
          >
            {dossier.statusLabel}
          </Tag>
          {dossier.overdue && (
            <Tag color="red" style={{ fontSize: size }}>
              Quá hạn
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="Thủ tục">{dossier.procedureName}</Descriptions.Item>
        <Descriptions.Item label="Nơi tiếp nhận">{dossier.unitName}</Descriptions.Item>
        {/* A refused or withdrawn dossier has no appointment left: it says why it ended instead (ADR 0011). */}
        {!ENDED_WITHOUT_RESULT.includes(dossier.status) && (
          <Descriptions.Item label="Ngày hẹn trả">{vietnamDateTime(dossier.appointmentAt)}</Descriptions.Item>
        )}
        {dossier.status === 'rejected' && (
          <Descriptions.Item label="Lý do từ chối">
            <span data-testid="refusal-reason" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {dossier.reason || 'Xem Phiếu từ chối giải quyết hồ sơ tại Bộ phận Một cửa.'}
            </span>
          </Descriptions.Item>
        )}
        {dossier.applicantName && <Descriptions.Item label="Người nộp">{dossier.applicantName}</Descriptions.Item>}
        {dossier.payment && dossier.payment.status !== 'not_required' && (
          <Descriptions.Item label="Phí, lệ phí">
            <span data-testid="payment-status">
              <Tag color={dossier.payment.status === 'paid' ? 'green' : 'orange'} style={{ fontSize: size }}>
                {dossier.payment.status === 'paid' ? 'Đã thanh toán' : 'Chưa thanh toán'}
              </Tag>
              {`${dossier.payment.amount.toLocaleString('vi-VN')} đồng`}
              {dossier.payment.transactionNo && ` — mã giao dịch ${dossier.payment.transactionNo}`}
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {dossier.timeline ? (
        <Timeline
          style={{ marginTop: 24 }}
          items={dossier.timeline.map((t) => ({
            color: t.current ? 'blue' : 'green',
            children: (
              <span style={{ fontSize: size }}>
                {`${vietnamDateTime(t.at)} — ${t.step}${t.statusLabel ? ` (${t.statusLabel})` : ''}`}
                {t.current && (
                  <Tag color="processing" style={{ marginLeft: 8, fontSize: size }}>
                    đang ở bước này
                  </Tag>
                )}
              </span>
            ),
          }))}
        />
      ) : (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          message={
            <span style={{ fontSize: size }}>
              Nhập thêm mã tra cứu in trên giấy hẹn để xem tên người nộp (đã che) và các bước xử lý.
            </span>
          }
        />
      )}
    </Panel>
  );
}

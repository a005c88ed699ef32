import { Alert, Button, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-messages';
import { formatVietnamDateTime } from '../../../../../libs/calendar/src/vietnam-time.js';
import { PageHeading, Panel } from '../../public/panel';
import { checkReturn, GATEWAY_REASONS, startedWith, vnd, type PaymentReturn } from './payment.api';

/** The gateway's notification usually arrives first; if not, the page asks again this often, this many times. */
const POLL_MS = 2000;
const POLLS = 15;

type State = { kind: 'loading' } | { kind: 'shown'; payment: PaymentReturn } | { kind: 'error'; message: string };

/**
 * `/thanh-toan/ket-qua`: where VNPay sends the citizen back. It shows what the server verified (the signature of
 * the redirect and our own record, which only VNPay's server-to-server notification settles), never what the
 * address bar claims: a forged redirect shows failure (ADR 0029). Light: no antd Table (a citizen's phone).
 */
export function PaymentResultPage() {
  const { search } = useLocation();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (left: number) => {
      try {
        const payment = await checkReturn(search);
        if (cancelled) return;
        setState({ kind: 'shown', payment });
        if (payment.status === 'pending' && payment.gatewaySucceeded && left > 0)
          timer = setTimeout(() => void load(left - 1), POLL_MS);
      } catch (error) {
        if (!cancelled)
          setState({
            kind: 'error',
            message:
              error instanceof ApiError ? error.message : 'Không kiểm tra được kết quả thanh toán. Vui lòng thử lại.',
          });
      }
    };
    if (!new URLSearchParams(search).has('vnp_SecureHash'))
      setState({ kind: 'error', message: errorMessage('PAYMENT_SIGNATURE_INVALID') ?? '' });
    else void load(POLLS);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [search]);

  return (
    <div style={{ minHeight: '100vh', background: '#f0f5ff', padding: '32px 16px' }}>
      <div style={{ maxWidth: 560, margin: '0 auto', display: 'flex', flexDirection: 'column', gap: 24 }}>
        <PageHeading title="Kết quả thanh toán phí, lệ phí">Cổng thanh toán VNPAY</PageHeading>
        <Panel data-testid="payment-result">
          {state.kind === 'loading' && <Spin tip="Đang kiểm tra kết quả thanh toán…" />}
          {state.kind === 'error' && (
            <Alert
              type="error"
              showIcon
              message="Thanh toán không thành công"
              description={state.message}
              data-testid="payment-failed"
            />
          )}
          {state.kind === 'shown' && <Shown payment={state.payment} />}
        </Panel>
      </div>
    </div>
  );
}

function Shown({ payment }: { payment: PaymentReturn }) {
  const back = payment.referenceKind === 'dossier' ? startedWith(payment.reference) : undefined;
  // An online submission's fee (a pre-registration code, not a dossier code /tra-cuu knows): back to "my dossiers".
  const lookup =
    payment.referenceKind === 'pre_registration'
      ? '/ho-so-cua-toi'
      : back
        ? `/tra-cuu?${new URLSearchParams({ code: back.code, key: back.key })}`
        : `/tra-cuu?${new URLSearchParams({ code: payment.reference })}`;
  const rows: [string, string][] = [
    ['Hồ sơ', payment.reference],
    ['Số tiền', vnd(payment.amount)],
    ...(payment.transactionNo && payment.status === 'paid'
      ? ([['Mã giao dịch VNPAY', payment.transactionNo]] as [string, string][])
      : []),
    ...(payment.bankCode ? ([['Ngân hàng', payment.bankCode]] as [string, string][]) : []),
    ...(payment.paidAt ? ([['Thời gian', formatVietnamDateTime(payment.paidAt)]] as [string, string][]) : []),
  ];
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      {payment.status === 'paid' && (
        <Alert type="success" showIcon message="Đã thanh toán" data-testid="payment-paid" />
      )}
      {payment.status === 'pending' && payment.gatewaySucceeded && (
        <Alert
          type="info"
          showIcon
          message="Đang chờ cổng thanh toán xác nhận"
          description="Trang sẽ tự cập nhật khi có xác nhận. Bạn không cần thanh toán lại."
          data-testid="payment-pending"
        />
      )}
      {(payment.status === 'failed' || (payment.status === 'pending' && !payment.gatewaySucceeded)) && (
        <Alert
          type="error"
          showIcon
          message="Thanh toán không thành công"
          description={
            GATEWAY_REASONS[payment.responseCode] ?? 'Giao dịch không thành công. Bạn có thể thanh toán lại.'
          }
          data-testid="payment-failed"
        />
      )}
      <dl style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '8px 16px', margin: 0 }}>
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt style={{ color: 'rgba(0,0,0,0.55)' }}>{label}</dt>
            <dd style={{ margin: 0, fontWeight: 600, overflowWrap: 'anywhere' }}>{value}</dd>
          </div>
        ))}
      </dl>
      <Button type="primary" size="large" block href={lookup} data-testid="payment-back">
        Xem hồ sơ
      </Button>
    </div>
  );
}

import { Alert, Button } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { Panel } from '../../public/panel';
import { startPayment } from '../payment/payment.api';

/**
 * "Thanh toán phí, lệ phí" under an unpaid dossier found with its key: the server signs the order and the browser
 * goes to VNPay's pay page; VNPay sends it back to /thanh-toan/ket-qua (ADR 0029).
 */
export function PayFee({ code, lookupKey, amount }: { code: string; lookupKey: string; amount: number }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const pay = async () => {
    setBusy(true);
    setError(undefined);
    try {
      window.location.assign(await startPayment(code, lookupKey));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Không mở được cổng thanh toán. Vui lòng thử lại.');
      setBusy(false);
    }
  };
  return (
    <Panel style={{ marginTop: 16 }} data-testid="pay-fee">
      <p style={{ marginTop: 0 }}>
        Hồ sơ có phí, lệ phí <strong>{amount.toLocaleString('vi-VN')} đồng</strong> chưa thanh toán. Bạn có thể thanh
        toán trực tuyến qua cổng VNPAY (thẻ ATM, tài khoản ngân hàng, ví điện tử).
      </p>
      {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} data-testid="pay-error" />}
      <Button type="primary" size="large" block loading={busy} onClick={() => void pay()} data-testid="pay-start">
        Thanh toán phí, lệ phí
      </Button>
    </Panel>
  );
}

import { Alert, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { request } from '../api/client';
import type { Schemas } from '../api/schemas';

type DeploymentWarning = Schemas['DeploymentWarningDto'];

/** What each warning means for the province, in Vietnamese (codes from GET /api/admin/deployment-warnings). */
function describe(warning: DeploymentWarning) {
  if (warning.code === 'PUBLIC_URL_DEFAULT') {
    return {
      title: 'Chưa cấu hình địa chỉ công khai của hệ thống',
      text: (
        <>
          Mã QR trên giấy tiếp nhận và đường dẫn tra cứu đang trỏ tới{' '}
          <Typography.Text code>{warning.publicUrl}</Typography.Text>, người dân không mở được. Đề nghị bộ phận kỹ thuật
          đặt biến môi trường <Typography.Text code>PUBLIC_URL</Typography.Text> bằng địa chỉ trang tra cứu của tỉnh (ví
          dụ https://motcua.daklak.gov.vn) rồi khởi động lại hệ thống.
        </>
      ),
    };
  }
  // A newer server's code this build does not know yet.
  return {
    title: 'Cấu hình hệ thống cần được kiểm tra',
    text: <>Đề nghị bộ phận kỹ thuật kiểm tra cấu hình triển khai.</>,
  };
}

/** Banners on the administrators' pages while a deployment setting is still a development default (issue 20). */
export function DeploymentWarnings() {
  const [warnings, setWarnings] = useState<DeploymentWarning[]>([]);
  useEffect(() => {
    request<Schemas['DeploymentWarningsDto']>('/api/admin/deployment-warnings')
      .then((answer) => setWarnings(answer.warnings))
      .catch(() => undefined);
  }, []);
  if (!warnings.length) return null;
  return (
    <div data-testid="deployment-warnings" style={{ marginBottom: 16 }}>
      {warnings.map((warning) => {
        const { title, text } = describe(warning);
        return (
          <Alert
            key={warning.code}
            type="warning"
            showIcon
            message={title}
            description={text}
            style={{ marginBottom: 8 }}
          />
        );
      })}
    </div>
  );
}

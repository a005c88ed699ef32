import { Alert, Modal, Typography } from 'antd';

/** Shows a temporary password once: the server never returns it again. */
export function TemporaryPasswordModal(props: {
  shown: { username: string; password: string } | null;
  onClose(): void;
}) {
  const { shown } = props;
  return (
    <Modal
      open={shown !== null}
      title="Mật khẩu tạm"
      onOk={props.onClose}
      onCancel={props.onClose}
      okText="Đã ghi lại"
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <Typography.Paragraph>
        Mật khẩu tạm của tài khoản <Typography.Text strong>{shown?.username}</Typography.Text>:
      </Typography.Paragraph>
      <Typography.Paragraph copyable={{ text: shown?.password, tooltips: ['Sao chép', 'Đã sao chép'] }}>
        <Typography.Text code style={{ fontSize: 22, letterSpacing: 1 }} data-testid="temporary-password">
          {shown?.password}
        </Typography.Text>
      </Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        title="Mật khẩu chỉ hiển thị một lần. Hãy trao trực tiếp cho người dùng; họ phải đổi mật khẩu khi đăng nhập lần đầu."
      />
    </Modal>
  );
}

import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { listNotifications, markNotificationRead, type NotificationPage } from '../api/notifications.api';
import { formatDateTime } from '../pages/inbox/due-state';

/** How often the bell asks for new notifications. */
const POLL_MS = 60_000;

/** The header bell: unread count, the latest notifications, and "Đánh dấu đã đọc". */
export function NotificationBell() {
  const [page, setPage] = useState<NotificationPage>({ items: [], total: 0, unread: 0 });
  const [open, setOpen] = useState(false);

  const refresh = useCallback(() => {
    listNotifications({ limit: 20 })
      .then(setPage)
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const markRead = async (id: string) => {
    await markNotificationRead(id).catch(() => undefined);
    refresh();
  };

  const content = (
    <div style={{ width: 360, maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      {page.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có thông báo" />
      ) : (
        <List
          dataSource={page.items}
          renderItem={(item) => (
            <List.Item
              data-testid="notification-item"
              style={{ opacity: item.readAt ? 0.6 : 1 }}
              actions={
                item.readAt
                  ? []
                  : [
                      <Button
                        key="read"
                        type="link"
                        size="small"
                        onClick={() => void markRead(item.id)}
                        data-testid="notification-read"
                      >
                        Đã đọc
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={<Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>}
                description={
                  <>
                    <div>{item.body}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(item.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      content={content}
      title="Thông báo"
      trigger="click"
      open={open}
      placement="bottomRight"
      onOpenChange={(next) => {
        setOpen(next);
        if (next) refresh();
      }}
    >
      <Badge count={page.unread} size="small" data-testid="notification-count">
        <Button shape="circle" icon={<BellOutlined />} aria-label="Thông báo" data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}

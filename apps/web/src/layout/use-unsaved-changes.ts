import { App } from 'antd';
import { useEffect } from 'react';
import { useBlocker } from 'react-router-dom';

const LEAVE_TITLE = 'Rời trang khi chưa lưu?';

/**
 * Asks before work is lost (issue 19 item 6): while `dirty`, leaving the page inside the app (a menu
 * link, the back button) opens a confirmation, and closing or reloading the tab makes the browser
 * ask. `what` says what would be lost, e.g. "Thông tin hồ sơ đang nhập".
 */
export function useUnsavedChanges(dirty: boolean, what: string): void {
  const { modal } = App.useApp();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: LEAVE_TITLE,
      content: `${what} chưa được lưu và sẽ mất nếu rời trang này.`,
      okText: 'Rời trang',
      okButtonProps: { danger: true },
      cancelText: 'Ở lại',
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, what]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}

/** The same question for closing a drawer or dialog with a changed form: runs `close` when the user agrees. */
export function useConfirmDiscard(): (dirty: boolean, what: string, close: () => void) => void {
  const { modal } = App.useApp();
  return (dirty, what, close) => {
    if (!dirty) return close();
    modal.confirm({
      title: 'Bỏ thay đổi chưa lưu?',
      content: `${what} chưa được lưu và sẽ mất nếu đóng lại.`,
      okText: 'Bỏ thay đổi',
      okButtonProps: { danger: true },
      cancelText: 'Tiếp tục sửa',
      onOk: close,
    });
  };
}

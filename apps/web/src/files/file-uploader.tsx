/**
 * Tệp đính kèm — the reusable upload pieces (issue 16, item 4). Import from `src/files`:
 *
 *   <FileUploader dossierCode="…" kind="document" documentKey="GT01" onUploaded={(files) => …} />
 *   <FileUploader dossierCode={task.businessKey} kind="attachment" taskId={task.id} onUploaded={…} />
 *   <FileUploader kind="document" documentKey="GT01" onPendingChange={setPicked} />   // no code yet: held
 *   <FileList dossierCode="…" files={files} />                  // officer: downloads with the token
 *   <FileList dossierCode="…" lookupKey="K7M2QX" files={…} />    // citizen: result files, code + key
 *
 * FileUploader: a drop zone (drag and drop, or click/Enter to pick; PDF, JPEG, PNG; several files),
 * a "Chụp ảnh" button (`capture="environment"`: the phone's camera opens), and a queue that sends
 * one file at a time with XMLHttpRequest (per-file progress), shows each refusal in Vietnamese
 * (FILE_TOO_LARGE, FILE_TYPE_NOT_ALLOWED…), and offers "Thử lại" (not for a file the server
 * refused for its content, size or name) and "Bỏ".
 * - Without `dossierCode` nothing is sent: the files wait ("Chờ tiếp nhận") and `onPendingChange`
 *   reports them; mount it again with the code and `initialFiles` to send them.
 * - `onUploaded(files)` is called after each stored file with the server's descriptors.
 * - `onQueueChange({busy, done, failed})` lets the page warn before leaving with files still sending.
 * - `hideDone` drops stored files from the queue (when the page lists them itself, e.g. a FileList).
 */
import {
  CameraOutlined,
  CheckCircleFilled,
  CloseCircleFilled,
  DeleteOutlined,
  InboxOutlined,
  LoadingOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { Button, Progress, Space, Typography, theme } from 'antd';
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { ApiError } from '../api/client';
import { ACCEPTED_TYPES, FILE_ERROR_MESSAGES, fileErrorMessage, formatSize } from './file-format';
import { uploadFile, type FileKind, type StoredFile, type UploadHandle } from './files.api';
import { enqueue, failed, nextPending, patch, queueCounts, retry, type QueueItem } from './upload-queue';

export interface FileUploaderProps {
  /** The dossier the files go to; without it the picked files wait (reception before "Tiếp nhận"). */
  dossierCode?: string;
  kind: FileKind;
  documentKey?: string;
  taskId?: string;
  /** Files picked before the dossier existed: queued at mount and sent once `dossierCode` is set. */
  initialFiles?: File[];
  onUploaded?(files: StoredFile[]): void;
  /** Without `dossierCode`: the files waiting to be sent, after every change. */
  onPendingChange?(files: File[]): void;
  /** After every change of the queue: files waiting or sending, stored, refused (e.g. to warn before leaving). */
  onQueueChange?(counts: { busy: number; done: number; failed: number }): void;
  /** Stored files leave the queue (the page shows them in its own list). */
  hideDone?: boolean;
  disabled?: boolean;
  /** The drop zone's words; default "Kéo thả tệp vào đây hoặc bấm để chọn". */
  hint?: string;
  /** A smaller drop zone, for one row of a documents table. */
  compact?: boolean;
}

export function FileUploader({
  dossierCode,
  kind,
  documentKey,
  taskId,
  initialFiles,
  onUploaded,
  onPendingChange,
  onQueueChange,
  hideDone,
  disabled,
  hint,
  compact,
}: FileUploaderProps) {
  const { token } = theme.useToken();
  const [items, setItems] = useState<QueueItem[]>(() => enqueue([], initialFiles ?? []));
  const [over, setOver] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const camera = useRef<HTMLInputElement>(null);
  const running = useRef<{ id: string; handle: UploadHandle } | null>(null);
  const callbacks = useRef({ onUploaded, onPendingChange, onQueueChange });
  callbacks.current = { onUploaded, onPendingChange, onQueueChange };

  // Send the next waiting file once the dossier exists; one at a time.
  useEffect(() => {
    if (!dossierCode || running.current) return;
    const next = nextPending(items);
    if (!next) return;
    const handle = uploadFile(
      { dossierCode, kind, documentKey, taskId },
      next.file,
      (fraction) => setItems((all) => patch(all, next.id, { progress: fraction })),
      next.key,
    );
    running.current = { id: next.id, handle };
    setItems((all) => patch(all, next.id, { status: 'uploading', progress: 0 }));
    handle.done.then(
      (stored) => {
        running.current = null;
        setItems((all) =>
          hideDone ? all.filter((i) => i.id !== next.id) : patch(all, next.id, { status: 'done', progress: 1, stored }),
        );
        callbacks.current.onUploaded?.(stored);
      },
      (cause: unknown) => {
        running.current = null;
        const error = cause instanceof ApiError ? cause : new ApiError(0, 'NETWORK_ERROR', '');
        // A removed file's abort lands here too: a new array all the same, so the next file starts.
        setItems((all) =>
          all.some((i) => i.id === next.id) ? failed(all, next.id, error.code, fileErrorMessage(error)) : [...all],
        );
      },
    );
  }, [items, dossierCode, kind, documentKey, taskId, hideDone]);

  // Abort a send still running when the uploader goes away (the officer left the page); checked a
  // moment later, as React's StrictMode unmounts and mounts again at once in development.
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      setTimeout(() => !mounted.current && running.current?.handle.abort(), 0);
    };
  }, []);

  const { busy, done, failed: refused } = queueCounts(items);
  useEffect(() => callbacks.current.onQueueChange?.({ busy, done, failed: refused }), [busy, done, refused]);

  // A file dropped beside the zone would make the browser open it, leaving the page and its form.
  useEffect(() => {
    const keep = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  // Closing the tab or reloading while files are being sent: the browser asks first.
  const sending = busy > 0 && Boolean(dossierCode);
  useEffect(() => {
    if (!sending) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [sending]);

  useEffect(() => {
    if (!dossierCode)
      callbacks.current.onPendingChange?.(items.filter((i) => i.status === 'pending').map((i) => i.file));
  }, [items, dossierCode]);

  const add = (files: FileList | null) => {
    if (!files || files.length === 0 || disabled) return;
    setItems((all) => enqueue(all, Array.from(files)));
  };
  const remove = (item: QueueItem) => {
    if (running.current?.id === item.id) running.current.handle.abort();
    setItems((all) => all.filter((i) => i.id !== item.id));
  };
  const open = () => !disabled && picker.current?.click();
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open();
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    add(event.dataTransfer.files);
  };

  return (
    <div data-testid="file-uploader" data-kind={kind} data-document-key={documentKey ?? ''}>
      <Space wrap align="center" style={{ width: '100%' }} styles={{ item: { minWidth: 0 } }}>
        <div
          role="button"
          tabIndex={disabled ? -1 : 0}
          aria-disabled={disabled}
          aria-label="Chọn tệp PDF, JPEG hoặc PNG để tải lên"
          data-testid="file-drop-zone"
          onClick={open}
          onKeyDown={onKey}
          onDragOver={(event) => {
            event.preventDefault();
            if (!disabled) setOver(true);
          }}
          onDragLeave={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
          }}
          onDrop={onDrop}
          style={{
            border: `1px dashed ${over ? token.colorPrimary : token.colorBorder}`,
            background: over ? token.colorPrimaryBg : token.colorFillAlter,
            borderRadius: token.borderRadiusLG,
            padding: compact ? '6px 12px' : '16px',
            cursor: disabled ? 'not-allowed' : 'pointer',
            opacity: disabled ? 0.6 : 1,
            textAlign: compact ? 'left' : 'center',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            flexDirection: compact ? 'row' : 'column',
          }}
        >
          <InboxOutlined style={{ fontSize: compact ? 18 : 32, color: token.colorPrimary }} />
          <span>
            <span>{hint ?? 'Kéo thả tệp vào đây hoặc bấm để chọn'}</span>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              PDF, JPEG, PNG · chọn được nhiều tệp
            </Typography.Text>
          </span>
        </div>
        <Button
          icon={<CameraOutlined />}
          disabled={disabled}
          onClick={() => camera.current?.click()}
          data-testid="file-camera"
        >
          Chụp ảnh
        </Button>
      </Space>
      <input
        ref={picker}
        type="file"
        accept={ACCEPTED_TYPES}
        multiple
        style={{ display: 'none' }}
        data-testid="file-input"
        onChange={(e) => {
          add(e.target.files);
          e.target.value = '';
        }}
      />
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        style={{ display: 'none' }}
        data-testid="file-camera-input"
        onChange={(e) => {
          add(e.target.files);
          e.target.value = '';
        }}
      />
      {items.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }} aria-label="Tệp đang tải lên">
          {items.map((item) => (
            <QueueRow
              key={item.id}
              item={item}
              waiting={!dossierCode}
              onRetry={() => setItems((all) => retry(all, item.id))}
              onRemove={() => remove(item)}
            />
          ))}
        </ul>
      )}
      {sending && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="file-queue-summary">
          Đang tải lên {busy} tệp, vui lòng không đóng trang.
        </Typography.Text>
      )}
    </div>
  );
}

function QueueRow({
  item,
  waiting,
  onRetry,
  onRemove,
}: {
  item: QueueItem;
  waiting: boolean;
  onRetry(): void;
  onRemove(): void;
}) {
  const { token } = theme.useToken();
  const errorText =
    item.status === 'error'
      ? (item.message ?? FILE_ERROR_MESSAGES[item.errorCode ?? ''] ?? fileErrorMessage(undefined))
      : null;
  const state =
    item.status === 'done' ? (
      <Typography.Text type="success">
        <CheckCircleFilled /> Đã lưu
      </Typography.Text>
    ) : item.status === 'error' ? (
      <Typography.Text type="danger">
        <CloseCircleFilled /> Lỗi
      </Typography.Text>
    ) : item.status === 'uploading' ? (
      <Typography.Text type="secondary">
        <LoadingOutlined /> Đang tải lên
      </Typography.Text>
    ) : (
      <Typography.Text type="secondary">{waiting ? 'Chờ tiếp nhận' : 'Chờ tải lên'}</Typography.Text>
    );
  return (
    <li
      data-testid="file-queue-item"
      data-status={item.status}
      style={{ padding: '6px 0', borderBottom: `1px solid ${token.colorSplit}` }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
        <span style={{ flex: '1 1 160px', minWidth: 0, overflowWrap: 'anywhere' }}>
          {item.file.name} <Typography.Text type="secondary">({formatSize(item.file.size)})</Typography.Text>
        </span>
        {state}
        {item.status === 'error' && item.retryable && (
          <Button size="small" icon={<ReloadOutlined />} onClick={onRetry} data-testid="file-retry">
            Thử lại
          </Button>
        )}
        {item.status !== 'done' && (
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            onClick={onRemove}
            data-testid="file-remove"
            aria-label={`Bỏ tệp ${item.file.name}`}
          >
            Bỏ
          </Button>
        )}
      </div>
      {item.status === 'uploading' && (
        <Progress percent={Math.floor(item.progress * 100)} size="small" status="active" />
      )}
      {errorText && (
        <Typography.Text type="danger" style={{ display: 'block', fontSize: 13 }} data-testid="file-error">
          {errorText}
        </Typography.Text>
      )}
    </li>
  );
}

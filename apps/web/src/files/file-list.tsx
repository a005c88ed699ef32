import { DownloadOutlined, EyeOutlined, FileImageOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Typography, theme } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../pages/inbox/due-state';
import { fileErrorMessage, formatSize } from './file-format';
import { downloadDossierFile, fileDownloadPath, viewDossierFile, type ListedFile } from './files.api';

export interface FileListProps {
  dossierCode: string;
  files: ListedFile[];
  /** The citizen's lookup key: links go to the public result download (no login) instead. */
  lookupKey?: string;
  /** Officers' full names by username, when the page knows them (else the username is shown). */
  names?: (username: string) => string;
  /** Shown when there is no file; nothing at all when omitted. */
  emptyText?: string;
  /** Hide who uploaded and when (the citizen's view). */
  plain?: boolean;
}

/**
 * The files of a dossier as download links: name, size (KB/MB), when and by whom. An officer's
 * download carries the bearer token (fetched, then saved under the file's name); the citizen's
 * is a plain link with code + key. Wraps on a phone: no table, no sideways scrolling.
 */
export function FileList({ dossierCode, files, lookupKey, names, emptyText, plain }: FileListProps) {
  const { token } = theme.useToken();
  if (files.length === 0) return emptyText ? <Typography.Text type="secondary">{emptyText}</Typography.Text> : null;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="file-list">
      {files.map((file) => (
        <li
          key={file.id}
          data-testid="file-item"
          data-file-id={file.id}
          style={{ display: 'flex', gap: 8, alignItems: 'flex-start', padding: '4px 0' }}
        >
          {file.contentType === 'application/pdf' ? (
            <FilePdfOutlined style={{ color: token.colorError, marginTop: 4 }} />
          ) : (
            <FileImageOutlined style={{ color: token.colorPrimary, marginTop: 4 }} />
          )}
          <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {lookupKey ? (
              <a
                href={fileDownloadPath(dossierCode, file.id, lookupKey)}
                download={file.fileName}
                data-testid="file-download"
                style={{ display: 'inline-block', padding: '6px 0' }}
              >
                <DownloadOutlined /> {file.fileName}
              </a>
            ) : (
              <DownloadLink dossierCode={dossierCode} file={file} />
            )}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {formatSize(file.size)}
              {!plain &&
                ` · ${formatDateTime(file.uploadedAt)} · ${names && file.uploadedBy ? names(file.uploadedBy) : (file.uploadedBy ?? '')}`}
            </Typography.Text>
            {!lookupKey && <ViewButton dossierCode={dossierCode} file={file} />}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Runs a download or a view, saying a failure in Vietnamese. */
function useFileAction(): { busy: boolean; run(action: () => Promise<void>): Promise<void> } {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (cause) {
      message.error(fileErrorMessage(cause));
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

function DownloadLink({ dossierCode, file }: { dossierCode: string; file: ListedFile }) {
  const { busy, run } = useFileAction();
  return (
    <Button
      type="link"
      size="small"
      style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={() => void run(() => downloadDossierFile(dossierCode, file))}
      data-testid="file-download"
      title="Tải về"
    >
      {file.fileName}
    </Button>
  );
}

/** «Xem»: the scan or PDF in a new tab, to look at without saving it. */
function ViewButton({ dossierCode, file }: { dossierCode: string; file: ListedFile }) {
  const { busy, run } = useFileAction();
  return (
    <Button
      type="link"
      size="small"
      style={{ height: 'auto', padding: '0 4px' }}
      icon={<EyeOutlined />}
      loading={busy}
      onClick={() => void run(() => viewDossierFile(dossierCode, file))}
      data-testid="file-view"
    >
      Xem
    </Button>
  );
}

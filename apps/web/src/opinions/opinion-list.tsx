import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Typography, theme } from 'antd';
import { useState } from 'react';
import type { Opinion, OpinionAttachment } from '../api/api.types';
import { downloadDossierFile, fileErrorMessage, formatSize } from '../files';
import { formatDateTime } from '../pages/inbox/due-state';

export interface OpinionListProps {
  /** Newest first, as the server answers them. */
  opinions: Opinion[];
  /** Shown when there is none. */
  emptyText?: string;
}

/**
 * Ý kiến xử lý: what each officer wrote when completing a step, newest first — who (name, unit),
 * on which step, when, the text as written (line breaks kept) and the files attached to it.
 * Staff pages only (the completion dialog, the dossier page); no public page shows opinions.
 */
export function OpinionList({ opinions, emptyText = 'Chưa có ý kiến xử lý nào.' }: OpinionListProps) {
  const { token } = theme.useToken();
  if (opinions.length === 0)
    return (
      <Typography.Text type="secondary" data-testid="opinions-empty">
        {emptyText}
      </Typography.Text>
    );
  return (
    <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="opinion-list">
      {opinions.map((o) => (
        <li
          key={o.id}
          data-testid="opinion-item"
          style={{ borderLeft: `3px solid ${token.colorPrimaryBorder}`, padding: '4px 0 4px 10px', marginBottom: 10 }}
        >
          <div>
            <strong data-testid="opinion-author">{o.author.fullName}</strong>{' '}
            <Typography.Text type="secondary">— {o.author.unitName}</Typography.Text>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {o.step} · {formatDateTime(o.createdAt)}
          </Typography.Text>
          {o.text && (
            <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginTop: 2 }} data-testid="opinion-text">
              {o.text}
            </div>
          )}
          {o.attachments.length > 0 && o.businessKey && (
            <div style={{ marginTop: 2 }}>
              {o.attachments.map((file) => (
                <AttachmentLink key={file.id} dossierCode={o.businessKey!} file={file} />
              ))}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

/** A file attached to an opinion: downloaded with the officer's token, under its own name. */
function AttachmentLink({ dossierCode, file }: { dossierCode: string; file: OpinionAttachment }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadDossierFile(dossierCode, { id: file.id, fileName: file.name });
    } catch (cause) {
      message.error(fileErrorMessage(cause));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Button
        type="link"
        size="small"
        icon={<PaperClipOutlined />}
        loading={busy}
        onClick={() => void download()}
        data-testid="opinion-attachment"
        style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
      >
        {file.name}
      </Button>{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatSize(file.size)}
      </Typography.Text>
    </div>
  );
}

import { Alert, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { FileUploader } from '../../files';
import type { RequiredDocument } from './reception.api';

export interface QueueState {
  busy: number;
  failed: number;
}

/**
 * Bản quét after "Tiếp nhận": the files picked on the form are sent at once, document by
 * document, with their progress; more can be added here. `onQueueChange` tells the page how many
 * are still sending or refused, so it can warn before "Tiếp nhận hồ sơ khác".
 */
export function ReceivedFilesSection({
  code,
  documents,
  picked,
  onQueueChange,
}: {
  code: string;
  documents: RequiredDocument[];
  picked: Record<string, File[]>;
  onQueueChange(state: QueueState): void;
}) {
  const [states, setStates] = useState<Record<string, QueueState>>({});
  const report = useCallback((doc: string, state: QueueState) => setStates((all) => ({ ...all, [doc]: state })), []);
  const total = Object.values(states).reduce((sum, s) => ({ busy: sum.busy + s.busy, failed: sum.failed + s.failed }), {
    busy: 0,
    failed: 0,
  });
  useEffect(() => onQueueChange({ busy: total.busy, failed: total.failed }), [total.busy, total.failed, onQueueChange]);
  const pickedCount = Object.values(picked).reduce((n, files) => n + files.length, 0);

  return (
    <div style={{ textAlign: 'left', marginTop: 24 }} data-testid="received-files">
      <Typography.Title level={5}>Bản quét thành phần hồ sơ</Typography.Title>
      {total.busy > 0 ? (
        <Alert
          type="info"
          showIcon
          title={`Đang tải lên ${total.busy} tệp bản quét. Vui lòng chờ tải xong trước khi tiếp nhận hồ sơ khác.`}
          style={{ marginBottom: 12 }}
        />
      ) : total.failed > 0 ? (
        <Alert
          type="error"
          showIcon
          title="Có tệp chưa tải lên được: xem lý do bên dưới, bấm “Thử lại” hoặc chọn lại tệp."
          style={{ marginBottom: 12 }}
        />
      ) : pickedCount > 0 ? (
        <Alert
          type="success"
          showIcon
          title="Đã lưu các tệp bản quét vào hồ sơ."
          style={{ marginBottom: 12 }}
          data-testid="received-files-done"
        />
      ) : (
        <Typography.Paragraph type="secondary">
          Có thể quét, kéo thả hoặc chụp ảnh giấy tờ để lưu vào hồ sơ.
        </Typography.Paragraph>
      )}
      {documents.map((doc) => (
        <div key={doc.code} style={{ marginBottom: 16 }}>
          <Typography.Text strong>{doc.name}</Typography.Text>
          <FileUploader
            dossierCode={code}
            kind="document"
            documentKey={doc.code}
            initialFiles={picked[doc.code]}
            compact
            hint="Thêm bản quét: kéo thả hoặc bấm để chọn"
            onQueueChange={(state) => report(doc.code, state)}
          />
        </div>
      ))}
      <Link to={`/ho-so/${encodeURIComponent(code)}`} data-testid="open-dossier">
        Xem hồ sơ và các tệp đã lưu
      </Link>
    </div>
  );
}

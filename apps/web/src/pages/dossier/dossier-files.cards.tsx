import { Alert, Button, Card, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { FileList, FileUploader, fileErrorMessage, listDossierFiles, type StoredFile } from '../../files';
import { formatDateTime } from '../inbox/due-state';
import type { StepFiles } from './dossier-files';

/** The dossier's files, loaded beside the dossier; `reload` after an upload. */
export function useDossierFiles(code: string): { files: StoredFile[]; error: string | null; reload(): void } {
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    listDossierFiles(code).then(
      (loaded) => {
        setFiles(loaded);
        setError(null);
      },
      (cause: unknown) => setError(fileErrorMessage(cause)),
    );
  }, [code]);
  useEffect(reload, [reload]);
  return { files, error, reload };
}

/** Under a listed document: its scans, and "Thêm bản quét" for the desk while the dossier is open. */
export function DocumentFiles({
  code,
  documentKey,
  files,
  canAdd,
  names,
  onUploaded,
}: {
  code: string;
  documentKey: string;
  files: StoredFile[];
  canAdd: boolean;
  names(user: string): string;
  onUploaded(): void;
}) {
  const [adding, setAdding] = useState(false);
  return (
    <div data-testid="document-files" data-document-key={documentKey}>
      <FileList dossierCode={code} files={files} names={names} emptyText="Chưa có bản quét" />
      {canAdd && !adding && (
        <Button
          size="small"
          type="dashed"
          style={{ marginTop: 4 }}
          onClick={() => setAdding(true)}
          data-testid="add-document-files"
        >
          Thêm bản quét
        </Button>
      )}
      {canAdd && adding && (
        <div style={{ marginTop: 8 }}>
          <FileUploader
            dossierCode={code}
            kind="document"
            documentKey={documentKey}
            compact
            hideDone
            onUploaded={onUploaded}
          />
        </div>
      )}
    </div>
  );
}

/** Tệp đính kèm theo bước: what officers attached when completing their steps. */
export function StepFilesCard({
  code,
  steps,
  names,
}: {
  code: string;
  steps: StepFiles[];
  names(user: string): string;
}) {
  return (
    <Card title="Tệp đính kèm các bước xử lý" data-testid="step-files">
      {steps.length === 0 ? (
        <Typography.Text type="secondary">Chưa có tệp đính kèm.</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {steps.map((group, index) => (
            <div key={`${group.step}-${index}`}>
              <Typography.Text strong>{group.step}</Typography.Text>
              {group.at && <Typography.Text type="secondary"> — từ {formatDateTime(group.at)}</Typography.Text>}
              <FileList dossierCode={code} files={group.files} names={names} />
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}

/** Kết quả giải quyết: the result files, and "Tệp kết quả" to upload while the result awaits its return. */
export function ResultFilesCard({
  code,
  files,
  canUpload,
  names,
  onUploaded,
}: {
  code: string;
  files: StoredFile[];
  canUpload: boolean;
  names(user: string): string;
  onUploaded(): void;
}) {
  return (
    <Card title="Kết quả giải quyết" data-testid="result-files">
      <FileList dossierCode={code} files={files} names={names} emptyText="Chưa có tệp kết quả." />
      {canUpload && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>Tệp kết quả</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            Bản quét hoặc bản điện tử của kết quả (giấy phép, giấy chứng nhận, văn bản trả lời). Nếu thủ tục cho phép
            trả kết quả điện tử, người nộp tải được tệp này trên trang tra cứu bằng mã hồ sơ và mã tra cứu.
          </Typography.Paragraph>
          <FileUploader
            dossierCode={code}
            kind="result"
            hideDone
            hint="Kéo thả tệp kết quả vào đây hoặc bấm để chọn"
            onUploaded={onUploaded}
          />
        </div>
      )}
    </Card>
  );
}

/** When the list of files could not be read: said once, above the cards, in Vietnamese. */
export function FilesError({ error }: { error: string | null }) {
  return error ? (
    <Alert type="warning" showIcon title={`Không tải được danh sách tệp: ${error}`} data-testid="files-error" />
  ) : null;
}

import { Alert, App, Typography } from 'antd';
import { Panel } from '../../public/panel';
import { useEffect, useState } from 'react';
import { FileList, listPublicResults, type PublicResults } from '../../files';

/**
 * Kết quả điện tử on /tra-cuu: with code + lookup key, and only for a procedure that returns its
 * result electronically, the result files as plain download links (the key is in the link; no
 * login). Nothing else of the case file is ever listed here: no opinions, scans or attachments.
 */
export function ResultDownloads({ code, lookupKey }: { code: string; lookupKey: string }) {
  const [results, setResults] = useState<PublicResults | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    setResults(null);
    setFailed(false);
    listPublicResults(code, lookupKey).then(
      (answer) => current && setResults(answer),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [code, lookupKey]);

  if (failed)
    return (
      <Alert
        type="warning"
        showIcon
        title="Không tải được danh sách tệp kết quả lúc này. Vui lòng thử lại sau."
        style={{ marginTop: 16 }}
      />
    );
  if (!results || !results.ready || results.items.length === 0) return null;
  return (
    <Panel title="Kết quả giải quyết (bản điện tử)" data-testid="result-downloads" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">
        Bấm vào tên tệp để tải về. Giữ kín mã tra cứu: ai có mã hồ sơ và mã tra cứu đều tải được kết quả.
      </Typography.Paragraph>
      {/* antd's App for the file list's messages: the public pages have none above them. */}
      <App>
        <FileList dossierCode={code} lookupKey={lookupKey} files={results.items} plain />
      </App>
    </Panel>
  );
}

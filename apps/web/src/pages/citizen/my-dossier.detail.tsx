import { useEffect, useState } from 'react';
import { Notice } from '../../public/notice';
import { Panel } from '../../public/panel';
import { publicLinkButton } from '../../public/public-controls';
import { DossierStatusCard } from '../lookup/dossier-status.card';
import { vietnamDateTime } from '../lookup/tracking.api';
import { downloadResult, myDossier, myResults, type CitizenDossier, type CitizenResults } from './citizen.api';

/** The result exists (signed) from these statuses on: only then is the electronic result asked for. */
const RESULT_STATUSES = ['result_ready', 'returned'];

const MESSAGE_TITLE: Record<CitizenDossier['messages'][number]['kind'], string> = {
  supplement_request: 'Yêu cầu bổ sung hồ sơ',
  apology: 'Thư xin lỗi và hẹn lại ngày trả kết quả',
  refusal: 'Từ chối giải quyết hồ sơ',
};

/**
 * One of my dossiers: the card /tra-cuu shows with the lookup key (status, appointment, masked name,
 * public steps), the desk's messages to the citizen, and the electronic result once signed.
 */
export function MyDossierDetail({ code, onFailure }: { code: string; onFailure: (error: unknown) => void }) {
  const [dossier, setDossier] = useState<CitizenDossier>();
  const [results, setResults] = useState<CitizenResults | null>(null);

  useEffect(() => {
    let current = true;
    setDossier(undefined);
    setResults(null);
    myDossier(code).then(async (found) => {
      if (!current) return;
      setDossier(found);
      if (found.electronicResult && RESULT_STATUSES.includes(found.status)) {
        const files = await myResults(found.code);
        if (current) setResults(files);
      }
    }, onFailure);
    return () => {
      current = false;
    };
  }, [code, onFailure]);

  if (!dossier) return null;
  return (
    <>
      <DossierStatusCard dossier={dossier} />
      {dossier.messages.length > 0 && (
        <Panel title="Thông báo của Bộ phận Một cửa" bodyPadding={16} data-testid="desk-messages">
          {dossier.messages.map((message, i) => (
            <div key={i} style={{ marginBottom: 12 }} data-testid="desk-message">
              <div style={{ fontWeight: 600 }}>
                {MESSAGE_TITLE[message.kind]} — {vietnamDateTime(message.at)}
              </div>
              {message.text && (
                <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>Lý do: {message.text}</div>
              )}
              {message.documents && message.documents.length > 0 && (
                <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
                  {message.documents.map((document) => (
                    <li key={document}>{document}</li>
                  ))}
                </ul>
              )}
              {message.appointmentAt && <div>Ngày hẹn trả mới: {vietnamDateTime(message.appointmentAt)}</div>}
            </div>
          ))}
        </Panel>
      )}
      {results && results.ready && results.items.length > 0 && (
        <Panel title="Kết quả giải quyết (bản điện tử)" bodyPadding={16} data-testid="my-results">
          {results.items.map((file) => (
            <div key={file.id}>
              <button
                type="button"
                style={{ ...publicLinkButton, padding: 0, whiteSpace: 'normal', overflowWrap: 'anywhere' }}
                onClick={() => void downloadResult(dossier.code, file.id, file.fileName).catch(onFailure)}
              >
                Tải về: {file.fileName}
              </button>
            </div>
          ))}
        </Panel>
      )}
      {dossier.electronicResult === false && RESULT_STATUSES.includes(dossier.status) && (
        <Notice type="info">Kết quả của thủ tục này được trả bản giấy tại Bộ phận Một cửa.</Notice>
      )}
    </>
  );
}

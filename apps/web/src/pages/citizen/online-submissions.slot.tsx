import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Panel } from '../../public/panel';
import { vietnamDateTime } from '../lookup/tracking.api';
import { CITIZEN_STATUS, mySubmissions, type Submission } from '../online/online.api';

const COLOURS: Record<Submission['status'], { color: string; background: string }> = {
  waiting: { color: '#0958d9', background: '#e6f4ff' },
  supplement_required: { color: '#d46b08', background: '#fff7e6' },
  refused: { color: '#cf1322', background: '#fff1f0' },
  accepted: { color: '#389e0d', background: '#f6ffed' },
};

/**
 * The citizen's online submissions (issue 18 item 3), above the desk's dossiers on "My dossiers":
 * waiting, asked for a supplement (the desk's reason and the way to send it), refused (the reason),
 * accepted (the dossier code, whose card follows below once received). Cards, no antd Table or Tag:
 * the page's first load stays light.
 */
export function OnlineSubmissionsSlot(_props: { citizenId: string }) {
  const [items, setItems] = useState<Submission[]>();
  useEffect(() => {
    mySubmissions().then(
      (answer) => setItems(answer.items),
      () => setItems([]),
    );
  }, []);
  if (!items?.length) return null;
  return (
    <div data-testid="online-submissions">
      <div style={{ fontWeight: 600, margin: '0 0 8px' }}>Hồ sơ nộp trực tuyến</div>
      {items.map((s) => {
        const colours = COLOURS[s.status];
        return (
          <Panel
            key={s.id}
            bodyPadding={16}
            style={{ marginBottom: 12 }}
            data-testid="online-submission"
            data-code={s.code}
          >
            <div style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{s.procedureName}</div>
            <div style={{ color: '#595959', margin: '4px 0 8px' }}>
              Mã tiếp nhận trực tuyến: <span data-testid="online-submission-code">{s.code}</span>
            </div>
            <span
              style={{
                ...colours,
                border: `1px solid ${colours.color}55`,
                borderRadius: 4,
                padding: '1px 8px',
                fontSize: 13,
              }}
              data-testid="online-submission-status"
            >
              {CITIZEN_STATUS[s.status]}
            </span>
            <div style={{ color: '#595959', marginTop: 8 }}>Nộp lúc: {vietnamDateTime(s.submittedAt)}</div>
            {s.reason && (s.status === 'supplement_required' || s.status === 'refused') && (
              <div style={{ marginTop: 8 }} data-testid="online-submission-reason">
                Lý do: {s.reason}
              </div>
            )}
            {s.status === 'supplement_required' && (
              <Link
                to={`/nop-ho-so/${encodeURIComponent(s.procedureCode)}?bo-sung=${s.id}`}
                style={{ display: 'inline-block', marginTop: 8 }}
                data-testid="online-submission-supplement"
              >
                Bổ sung hồ sơ
              </Link>
            )}
            {s.dossierCode && (
              <div style={{ marginTop: 8 }}>
                Mã hồ sơ:{' '}
                <Link
                  to={`/ho-so-cua-toi?ma=${encodeURIComponent(s.dossierCode)}`}
                  data-testid="online-submission-dossier"
                >
                  {s.dossierCode}
                </Link>
              </div>
            )}
          </Panel>
        );
      })}
    </div>
  );
}

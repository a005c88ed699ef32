import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { Notice } from '../../public/notice';
import { PageHeading, Panel } from '../../public/panel';
import { publicDefaultButton } from '../../public/public-controls';
import { vietnamDateTime } from '../lookup/tracking.api';
import { me, myDossiers, signedIn, signOut, type CitizenDossierSummary } from './citizen.api';
import { OnlineSubmissionsSlot } from './online-submissions.slot';

const SIGN_IN = '/cong-dan/dang-nhap?next=%2Fho-so-cua-toi';
/** Ended without a result: no appointment to show. */
const ENDED_WITHOUT_RESULT = ['rejected', 'withdrawn'];

/** A status badge's colours (antd's Tag would add ≈ 5 KB gzipped to the first load). */
function badgeColours(status: string, overdue = false): { color: string; background: string } {
  if (overdue || status === 'rejected') return { color: '#cf1322', background: '#fff1f0' };
  if (status === 'supplement_required' || status === 'financial_obligation')
    return { color: '#d46b08', background: '#fff7e6' };
  if (status === 'result_ready' || status === 'returned') return { color: '#389e0d', background: '#f6ffed' };
  return { color: '#0958d9', background: '#e6f4ff' };
}

function Badge({
  status,
  overdue,
  children,
  ...rest
}: {
  status: string;
  overdue?: boolean;
  children: ReactNode;
  'data-testid'?: string;
}) {
  const colours = badgeColours(status, overdue);
  return (
    <span
      {...rest}
      style={{ ...colours, border: `1px solid ${colours.color}55`, borderRadius: 4, padding: '1px 8px', fontSize: 13 }}
    >
      {children}
    </span>
  );
}

/** The detail (timeline, messages, results) comes as its own chunk, like the lookup's answer parts. */
const loadDetail = () => import('./my-dossier.detail');
type Detail = Awaited<ReturnType<typeof loadDetail>>['MyDossierDetail'];

/**
 * `/ho-so-cua-toi` (issue 18 item 4): the signed-in citizen's dossiers — those received at the desk
 * with this phone as the applicant's — with status and appointment; `?ma=<code>` opens one (the
 * public steps, the desk's messages, the result). Cards, no table: the first load stays light.
 */
export function MyDossiersPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [phone, setPhone] = useState<string>();
  const [citizenId, setCitizenId] = useState<string>();
  const [items, setItems] = useState<CitizenDossierSummary[]>();
  const [problem, setProblem] = useState<string>();
  const [DetailView, setDetailView] = useState<Detail>();
  const selected = params.get('ma');

  const ended = useCallback(() => void navigate(SIGN_IN, { replace: true }), [navigate]);
  const failed = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.statusCode === 401) ended();
      else setProblem(error instanceof ApiError ? error.message : 'Không tải được hồ sơ lúc này. Vui lòng thử lại.');
    },
    [ended],
  );

  useEffect(() => {
    if (!signedIn()) return;
    Promise.all([me(), myDossiers()]).then(([who, list]) => {
      setPhone(who.phone);
      setCitizenId(who.citizenId);
      setItems(list.items);
    }, failed);
  }, [failed]);

  useEffect(() => {
    if (selected && !DetailView) void loadDetail().then((m) => setDetailView(() => m.MyDossierDetail));
  }, [selected, DetailView]);

  if (!signedIn()) return <Navigate to={SIGN_IN} replace />;

  const leave = async () => {
    await signOut().catch(() => undefined);
    navigate('/cong-dan/dang-nhap', { replace: true });
  };

  return (
    <div style={{ minHeight: '100vh', background: '#f0f5ff', padding: '24px 12px' }}>
      {/* Plain controls, no antd Button, Space or Alert: the first load stays ≤ 200 KB (issue 18 item 8). */}
      <div
        style={{ width: '100%', maxWidth: 760, margin: '0 auto', display: 'flex', flexDirection: 'column', gap: 24 }}
      >
        <PageHeading title="Hồ sơ của tôi">
          {phone ? `Số điện thoại đã xác thực: ${phone}. ` : ''}Các hồ sơ nộp tại Bộ phận Một cửa với số điện thoại này.
        </PageHeading>
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 16 }}>
          <button type="button" onClick={() => void leave()} data-testid="citizen-sign-out" style={publicDefaultButton}>
            Đăng xuất
          </button>
          <Link to="/tra-cuu">Tra cứu bằng mã hồ sơ</Link>
        </div>
        {problem && (
          <Notice type="warning" data-testid="my-dossiers-error">
            {problem}
          </Notice>
        )}
        {selected ? (
          <>
            <Link to="/ho-so-cua-toi" data-testid="back-to-list">
              ← Danh sách hồ sơ
            </Link>
            {DetailView && <DetailView code={selected} onFailure={failed} />}
          </>
        ) : (
          <>
            {citizenId && <OnlineSubmissionsSlot citizenId={citizenId} />}
            {items && items.length === 0 && (
              <Notice type="info" data-testid="my-dossiers-empty">
                Chưa có hồ sơ nào mang số điện thoại này. Hồ sơ nộp tại Bộ phận Một cửa sẽ hiện ở đây sau khi được tiếp
                nhận.
              </Notice>
            )}
            {items?.map((dossier) => (
              <DossierCard key={dossier.code} dossier={dossier} open={() => setParams({ ma: dossier.code })} />
            ))}
          </>
        )}
      </div>
    </div>
  );
}

function DossierCard({ dossier, open }: { dossier: CitizenDossierSummary; open: () => void }) {
  return (
    <Panel bodyPadding={16} data-testid="my-dossier" data-code={dossier.code}>
      <div style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{dossier.procedureName}</div>
      <div style={{ color: '#595959', overflowWrap: 'anywhere', margin: '4px 0 8px' }}>
        Mã hồ sơ: <span data-testid="my-dossier-code">{dossier.code}</span>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        <Badge status={dossier.status} data-testid="my-dossier-status">
          {dossier.statusLabel}
        </Badge>
        {dossier.overdue && (
          <Badge status={dossier.status} overdue>
            Quá hạn
          </Badge>
        )}
      </div>
      {!ENDED_WITHOUT_RESULT.includes(dossier.status) && (
        <div style={{ marginTop: 8 }}>
          Ngày hẹn trả: <strong data-testid="my-dossier-appointment">{vietnamDateTime(dossier.appointmentAt)}</strong>
        </div>
      )}
      <div style={{ color: '#595959', marginTop: 4 }}>
        Tiếp nhận: {vietnamDateTime(dossier.receivedAt)} · {dossier.unitName}
      </div>
      <button
        type="button"
        onClick={open}
        data-testid="my-dossier-open"
        style={{ ...publicDefaultButton, color: '#1677ff', border: '1px solid #1677ff', marginTop: 12 }}
      >
        Xem chi tiết
      </button>
    </Panel>
  );
}

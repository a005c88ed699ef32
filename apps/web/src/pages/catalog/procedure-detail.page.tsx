import { useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { Badge } from '../../public/badge';
import { Panel } from '../../public/panel';
import { publicDefaultButton, publicPrimaryButton } from '../../public/public-controls';
import { PublicPage } from '../../public/public-layout';
import { formUrl, procedurePage } from './catalog.api';
import {
  DOCUMENT_KIND_LABELS,
  feeText,
  LEVEL_LABELS,
  legalTimeText,
  officeHoursText,
  onlineAllowed,
  type CatalogProcedurePage,
} from './catalog.format';

const CHANNEL_LABELS: Record<string, string> = {
  direct: 'Trực tiếp tại Bộ phận Một cửa',
  online: 'Trực tuyến',
  postal: 'Qua dịch vụ bưu chính công ích',
};

const sectionTitle = { margin: '0 0 8px', fontSize: 18, fontWeight: 600, color: 'rgba(0,0,0,0.88)' } as const;

/** One fact of the procedure: a label over its value (a phone reads down, not across). */
function Fact({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <div style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
      <div style={{ fontSize: 14, color: '#595959' }}>{label}</div>
      <div style={{ fontSize: 16, marginTop: 2 }} data-testid={testId}>
        {children}
      </div>
    </div>
  );
}

function Documents({ procedure }: { procedure: CatalogProcedurePage }) {
  if (procedure.requiredDocuments.length === 0) return <p style={{ margin: 0 }}>Không yêu cầu giấy tờ kèm theo.</p>;
  return (
    <ol style={{ margin: 0, paddingLeft: 22 }} data-testid="procedure-documents">
      {procedure.requiredDocuments.map((d) => (
        <li key={d.code} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <div style={{ fontSize: 16 }}>{d.name}</div>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 4 }}>
            <Badge color="#595959" background="#f5f5f5">
              {DOCUMENT_KIND_LABELS[d.kind] ?? d.kind}
            </Badge>
            {d.required ? (
              <Badge color="#cf1322" background="#fff1f0">
                Bắt buộc
              </Badge>
            ) : (
              <Badge color="#595959" background="#fafafa">
                Không bắt buộc
              </Badge>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

function WhereToGo({ procedure }: { procedure: CatalogProcedurePage }) {
  const unit = procedure.receivingUnit;
  if (!unit)
    return <p style={{ margin: 0 }}>Bộ phận Tiếp nhận và Trả kết quả của cơ quan có thẩm quyền giải quyết thủ tục.</p>;
  return (
    <div data-testid="procedure-unit">
      <div style={{ fontSize: 16, fontWeight: 600 }}>{unit.name}</div>
      <div style={{ marginTop: 4 }}>
        Địa chỉ: {unit.address ?? 'liên hệ Bộ phận Một cửa của đơn vị để biết địa chỉ tiếp nhận.'}
      </div>
      <div style={{ marginTop: 4 }} data-testid="procedure-hours">
        Giờ làm việc: Thứ Hai đến Thứ Sáu (trừ ngày nghỉ lễ, Tết), {officeHoursText(unit.officeHours)}
      </div>
    </div>
  );
}

/** The page's text when it cannot show the procedure. */
function errorText(error: unknown): string {
  if (error instanceof ApiError && (error.code === 'PROCEDURE_NOT_FOUND' || error.statusCode === 404))
    return 'Không tìm thấy thủ tục này trong danh mục đã công bố.';
  return 'Không tải được thông tin thủ tục lúc này. Vui lòng thử lại.';
}

/**
 * `/thu-tuc/:code`: a published procedure as a citizen needs it before going: the legal time in
 * working days as the catalog states it, the fee, the documents (original, certified or plain copy;
 * required or not), the blank forms to download, where to go and when, and «Nộp trực tuyến» where
 * the procedure is taken online.
 */
export function ProcedureDetailPage() {
  const { code = '' } = useParams();
  const [procedure, setProcedure] = useState<CatalogProcedurePage>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let current = true;
    setProcedure(undefined);
    setError(undefined);
    procedurePage(code)
      .then((found) => current && setProcedure(found))
      .catch((e: unknown) => current && setError(errorText(e)));
    return () => {
      current = false;
    };
  }, [code]);

  useEffect(() => {
    if (procedure) document.title = `${procedure.name} — Thủ tục hành chính`;
  }, [procedure]);

  return (
    <PublicPage width={820}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
        <Link to="/thu-tuc" style={{ color: '#0b4ea2', minHeight: 32, display: 'inline-flex', alignItems: 'center' }}>
          ← Danh mục thủ tục
        </Link>
        {error && (
          <Panel bodyPadding={16} data-testid="procedure-error">
            {error}
          </Panel>
        )}
        {!procedure && !error && <div style={{ color: '#595959' }}>Đang tải thông tin thủ tục…</div>}
        {procedure && (
          <>
            <div>
              <h1 style={{ margin: 0, fontSize: 24, lineHeight: 1.3, fontWeight: 600 }} data-testid="procedure-name">
                {procedure.name}
              </h1>
              <div style={{ color: '#595959', marginTop: 6 }}>
                {procedure.field} · Mã thủ tục {procedure.code} · {LEVEL_LABELS[procedure.level] ?? procedure.level}
              </div>
            </div>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
              {onlineAllowed(procedure) && (
                <Link
                  to={`/nop-ho-so/${encodeURIComponent(procedure.code)}`}
                  style={publicPrimaryButton}
                  data-testid="procedure-submit-online"
                >
                  Nộp trực tuyến
                </Link>
              )}
              <Link to="/tra-cuu" style={publicDefaultButton} data-testid="procedure-lookup">
                Tra cứu hồ sơ
              </Link>
            </div>
            <Panel bodyPadding="6px 16px">
              <Fact label="Thời hạn giải quyết" testId="procedure-legal-time">
                <b>{legalTimeText(procedure.legalTime)}</b> kể từ khi nhận đủ hồ sơ hợp lệ
              </Fact>
              <Fact label="Phí, lệ phí" testId="procedure-fee">
                <b>{feeText(procedure.fee)}</b>
                {procedure.feeRules && (
                  <div style={{ fontSize: 14, color: '#595959', marginTop: 2 }}>{procedure.feeRules}</div>
                )}
              </Fact>
              <Fact label="Cách thức nộp hồ sơ" testId="procedure-channels">
                {procedure.channels.map((c) => CHANNEL_LABELS[c] ?? c).join('; ')}
              </Fact>
              <div style={{ padding: '10px 0' }}>
                <div style={{ fontSize: 14, color: '#595959' }}>Nơi nộp hồ sơ</div>
                <div style={{ marginTop: 2 }}>
                  <WhereToGo procedure={procedure} />
                </div>
              </div>
            </Panel>
            <Panel bodyPadding={16}>
              <h2 style={sectionTitle}>Thành phần hồ sơ</h2>
              <Documents procedure={procedure} />
            </Panel>
            <Panel bodyPadding={16}>
              <h2 style={sectionTitle}>Mẫu đơn, tờ khai</h2>
              {procedure.formTemplates.length === 0 ? (
                <p style={{ margin: 0 }}>Thủ tục này không có mẫu đơn, tờ khai.</p>
              ) : (
                <ul style={{ margin: 0, padding: 0, listStyle: 'none' }} data-testid="procedure-forms">
                  {procedure.formTemplates.map((f) => (
                    <li key={f.file} style={{ padding: '6px 0' }}>
                      <a
                        href={formUrl(procedure.code, f.file)}
                        download={f.file}
                        style={{
                          ...publicDefaultButton,
                          justifyContent: 'flex-start',
                          width: '100%',
                          textAlign: 'left',
                        }}
                      >
                        <span aria-hidden>⤓</span> Tải về: {f.name}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </Panel>
          </>
        )}
      </div>
    </PublicPage>
  );
}

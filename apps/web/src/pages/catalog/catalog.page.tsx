import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';
import { Badge } from '../../public/badge';
import { PageHeading, Panel } from '../../public/panel';
import { publicInput, publicPrimaryButton } from '../../public/public-controls';
import { PublicPage } from '../../public/public-layout';
import { searchCatalog, type CatalogList } from './catalog.api';
import { feeText, LEVEL_LABELS, legalTimeText, onlineAllowed, type CatalogProcedure } from './catalog.format';

const label = { display: 'block', fontSize: 14, color: '#434343', marginBottom: 4 } as const;

function ProcedureItem({ procedure }: { procedure: CatalogProcedure }) {
  return (
    <li
      style={{ listStyle: 'none', borderBottom: '1px solid #f0f0f0', padding: '14px 0' }}
      data-testid={`catalog-item-${procedure.code}`}
    >
      <Link
        to={`/thu-tuc/${encodeURIComponent(procedure.code)}`}
        style={{ fontSize: 17, fontWeight: 600, color: '#0b4ea2', lineHeight: 1.4 }}
      >
        {procedure.name}
      </Link>
      <div style={{ color: '#595959', fontSize: 14, marginTop: 4 }}>
        {procedure.field} · Mã {procedure.code}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', marginTop: 6, fontSize: 14 }}>
        <span>
          Thời hạn: <b>{legalTimeText(procedure.legalTime)}</b>
        </span>
        <span>
          Lệ phí: <b>{feeText(procedure.fee)}</b>
        </span>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 6 }}>
        <Badge color="#595959" background="#f5f5f5">
          {LEVEL_LABELS[procedure.level] ?? procedure.level}
        </Badge>
        {onlineAllowed(procedure) && (
          <Badge color="#389e0d" background="#f6ffed">
            Nộp trực tuyến
          </Badge>
        )}
      </div>
    </li>
  );
}

/**
 * `/thu-tuc`: the published catalog for citizens. The search runs on the server (every word, accents
 * ignored: "ho kinh doanh" finds "hộ kinh doanh"); the field and level filter it; all three stay in
 * the address so a search can be shared and Back returns to it.
 */
export function CatalogPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const field = params.get('field') ?? '';
  const level = params.get('level') ?? '';
  const [text, setText] = useState(q);
  const [result, setResult] = useState<CatalogList>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);

  useEffect(() => setText(q), [q]);
  useEffect(() => {
    let current = true;
    setLoading(true);
    searchCatalog({ q, field, level })
      .then((found) => current && (setResult(found), setError(undefined)))
      .catch(() => current && setError('Không tải được danh mục thủ tục lúc này. Vui lòng thử lại.'))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [q, field, level]);

  const apply = (change: Record<string, string>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(change)) {
          if (value.trim()) next.set(name, value.trim());
          else next.delete(name);
        }
        return next;
      },
      { replace: false },
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({ q: text });
  };
  const filtered = Boolean(q || field || level);

  return (
    <PublicPage>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
        <PageHeading title="Thủ tục hành chính">
          Tìm thủ tục để biết giấy tờ cần chuẩn bị, lệ phí, thời hạn giải quyết và nơi nộp hồ sơ.
        </PageHeading>
        <Panel bodyPadding={16}>
          <form onSubmit={submit} role="search" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
            <div>
              <label htmlFor="catalog-q" style={label}>
                Tên thủ tục hoặc từ khóa
              </label>
              <div style={{ display: 'flex', gap: 8 }}>
                <input
                  id="catalog-q"
                  type="search"
                  data-testid="catalog-q"
                  placeholder="Ví dụ: ho kinh doanh"
                  maxLength={FIELD_LIMITS.search}
                  autoComplete="off"
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  style={{ ...publicInput, flex: 1, minWidth: 0 }}
                />
                <button type="submit" data-testid="catalog-search" style={publicPrimaryButton}>
                  Tìm
                </button>
              </div>
            </div>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: 12 }}>
              <div>
                <label htmlFor="catalog-field" style={label}>
                  Lĩnh vực
                </label>
                <select
                  id="catalog-field"
                  data-testid="catalog-field"
                  value={field}
                  onChange={(e) => apply({ field: e.target.value })}
                  style={publicInput}
                >
                  <option value="">Tất cả lĩnh vực</option>
                  {result?.fields.map((f) => (
                    <option key={f.name} value={f.name}>
                      {f.name} ({f.count})
                    </option>
                  ))}
                  {field && !result?.fields.some((f) => f.name === field) && <option value={field}>{field}</option>}
                </select>
              </div>
              <div>
                <label htmlFor="catalog-level" style={label}>
                  Cấp thực hiện
                </label>
                <select
                  id="catalog-level"
                  data-testid="catalog-level"
                  value={level}
                  onChange={(e) => apply({ level: e.target.value })}
                  style={publicInput}
                >
                  <option value="">Tất cả các cấp</option>
                  {Object.entries(LEVEL_LABELS).map(([value, text]) => (
                    <option key={value} value={value}>
                      {text}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          </form>
        </Panel>
        <Panel bodyPadding="4px 16px 8px">
          <div aria-live="polite" style={{ padding: '12px 0 0', color: '#595959' }} data-testid="catalog-count">
            {error ??
              (loading && !result
                ? 'Đang tải danh mục thủ tục…'
                : result &&
                  `${filtered ? 'Tìm thấy' : 'Có'} ${result.total} thủ tục${loading ? ' (đang cập nhật…)' : ''}`)}
          </div>
          {result && result.items.length > 0 && (
            <ul style={{ margin: 0, padding: 0 }} data-testid="catalog-list">
              {result.items.map((p) => (
                <ProcedureItem key={p.code} procedure={p} />
              ))}
            </ul>
          )}
          {result && result.items.length === 0 && !error && (
            <p style={{ margin: '12px 0' }}>
              Không có thủ tục phù hợp. Thử từ khóa khác, ví dụ một phần tên thủ tục, hoặc chọn «Tất cả lĩnh vực».
            </p>
          )}
        </Panel>
      </div>
    </PublicPage>
  );
}

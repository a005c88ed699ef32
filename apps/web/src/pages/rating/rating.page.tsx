import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';
import { Notice } from '../../public/notice';
import { Field, PageHeading, Panel } from '../../public/panel';
import { disabledLook, publicInput, publicPrimaryButton } from '../../public/public-controls';
import {
  rateDossier,
  ratingCriteria,
  ratingErrorText,
  SCORE_LABELS,
  type RatingCriterion,
  type RatingReceipt,
} from './rating.api';
import { ScorePicker } from './score-picker';

/**
 * `/danh-gia`: the citizen rates a dossier whose result was returned (issue 18 item 6, ADR 0030), with
 * the code and the key on the receipt; `?ma=&key=` (or `?code=&key=`, as /tra-cuu links) fills them.
 * Every criterion 1–5 and an optional comment; one rating per dossier.
 */
export function RatingPage() {
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('ma') ?? params.get('code') ?? '');
  const [key, setKey] = useState(params.get('key') ?? '');
  const [criteria, setCriteria] = useState<RatingCriterion[]>();
  const [scores, setScores] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<RatingReceipt>();

  useEffect(() => {
    ratingCriteria().then(setCriteria, (e) => setError(ratingErrorText(e)));
  }, []);

  const complete = !!criteria && criteria.every((c) => scores[c.code]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!code.trim() || !key.trim() || !complete) return;
    setSending(true);
    setError(undefined);
    try {
      setDone(await rateDossier(code, { key, scores, comment: comment.trim() || undefined }));
    } catch (e) {
      setError(ratingErrorText(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', background: '#f0f5ff', padding: '32px 16px' }}>
      {/* Plain controls, no antd Button, Input or Alert: the first load stays ≤ 200 KB (issue 18 item 8). */}
      <div
        style={{ width: '100%', maxWidth: 760, margin: '0 auto', display: 'flex', flexDirection: 'column', gap: 24 }}
      >
        <PageHeading title="Đánh giá mức độ hài lòng">
          Sau khi nhận kết quả, ông/bà vui lòng cho biết mức độ hài lòng với việc giải quyết hồ sơ.
        </PageHeading>
        {done ? (
          <Notice type="success" data-testid="rating-done">
            <div style={{ fontSize: 16, fontWeight: 600, marginBottom: 4 }}>Cảm ơn ông/bà đã đánh giá</div>
            <div>{`Hồ sơ ${done.code}: ${done.overall.toLocaleString('vi-VN')}/5 điểm (${SCORE_LABELS[Math.round(done.overall)]}). Ý kiến của ông/bà giúp cơ quan phục vụ tốt hơn.`}</div>
          </Notice>
        ) : (
          <Panel>
            <form onSubmit={submit} noValidate>
              <Field id="rating-code" label="Mã hồ sơ" error={checked && !code.trim() ? 'Nhập mã hồ sơ' : undefined}>
                <input
                  id="rating-code"
                  style={publicInput}
                  placeholder="000.00.20.H15-261128-0001"
                  maxLength={FIELD_LIMITS.code}
                  data-testid="rating-code"
                  autoComplete="off"
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                />
              </Field>
              <Field
                id="rating-key"
                label="Mã tra cứu (in trên giấy hẹn)"
                error={checked && !key.trim() ? 'Nhập mã tra cứu' : undefined}
              >
                <input
                  id="rating-key"
                  placeholder="6 ký tự, ví dụ K7M2QX"
                  maxLength={FIELD_LIMITS.code}
                  data-testid="rating-key"
                  autoComplete="off"
                  style={{ ...publicInput, textTransform: 'uppercase' }}
                  value={key}
                  onChange={(e) => setKey(e.target.value)}
                />
              </Field>
              {criteria?.map((c) => (
                <ScorePicker
                  key={c.code}
                  id={c.code}
                  label={c.label}
                  value={scores[c.code]}
                  missing={checked && !scores[c.code]}
                  onChange={(score) => setScores((s) => ({ ...s, [c.code]: score }))}
                />
              ))}
              <Field id="rating-comment" label="Ý kiến khác (không bắt buộc)">
                <textarea
                  id="rating-comment"
                  data-testid="rating-comment"
                  rows={3}
                  maxLength={FIELD_LIMITS.reason}
                  value={comment}
                  onChange={(e) => setComment(e.target.value)}
                  style={{
                    width: '100%',
                    boxSizing: 'border-box',
                    ...publicInput,
                  }}
                />
              </Field>
              {error && (
                <div style={{ marginBottom: 16 }}>
                  <Notice type="warning" data-testid="rating-error">
                    {error}
                  </Notice>
                </div>
              )}
              <button
                type="submit"
                disabled={!criteria || sending}
                aria-busy={sending}
                data-testid="rating-submit"
                style={disabledLook({ ...publicPrimaryButton, width: '100%' }, !criteria || sending)}
              >
                Gửi đánh giá
              </button>
            </form>
          </Panel>
        )}
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }}>
          <Link to="/tra-cuu">Tra cứu hồ sơ</Link>
          <Link to="/thong-ke">Thống kê tình hình giải quyết hồ sơ</Link>
        </div>
      </div>
    </div>
  );
}

import { Alert, App, Button, Card, DatePicker, InputNumber, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { previewDeadline, type DeadlinePreview, type UnitSummary } from '../../api/calendar.api';
import { ApiError } from '../../api/client';
import { reportError } from '../../api/report-error';
import { parseStepDuration } from '../../../../../libs/calendar/src/step-duration.grammar.js';
import { formatVietnamInstant } from './calendar-dates';
import { PROVINCE, unitOptions } from './unit-options';
import { foldedLabelSearch } from '../../search/folded-search';

type Kind = 'days' | 'hours' | 'sameDay';

const kinds: { value: Kind; label: string }[] = [
  { value: 'days', label: 'ngày làm việc' },
  { value: 'hours', label: 'giờ làm việc' },
  { value: 'sameDay', label: 'trả trong ngày' },
];

interface Props {
  units: readonly UnitSummary[];
  /** Bumped by the page after each save: a result on screen is recomputed with the new calendar. */
  calendarVersion: number;
}

/** "Nhận hồ sơ lúc … + thời hạn … → hẹn trả …", computed by the server with the saved calendar. */
export function DeadlinePreviewCard({ units, calendarVersion }: Props) {
  const { message } = App.useApp();
  const [receivedAt, setReceivedAt] = useState<Dayjs>(() => dayjs().minute(0).second(0));
  const [amount, setAmount] = useState<number | null>(3);
  const [kind, setKind] = useState<Kind>('days');
  const [unit, setUnit] = useState(PROVINCE);
  const [result, setResult] = useState<DeadlinePreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const compute = async () => {
    if (kind !== 'sameDay' && !amount) return setProblem('Nhập thời hạn lớn hơn 0.');
    setLoading(true);
    setProblem(null);
    try {
      setResult(
        await previewDeadline({
          // The picked wall-clock time, without an offset: the server reads it as Vietnam time.
          from: receivedAt.format('YYYY-MM-DDTHH:mm'),
          ...(kind === 'sameDay' ? { sameDay: true } : { duration: kind === 'days' ? `P${amount}D` : `PT${amount}H` }),
          unit: unit === PROVINCE ? undefined : unit,
        }),
      );
    } catch (cause) {
      setResult(null);
      if (cause instanceof ApiError && cause.statusCode === 400) setProblem(cause.message);
      else reportError(message, cause);
    } finally {
      setLoading(false);
    }
  };

  const computeRef = useRef(compute);
  computeRef.current = compute;
  const shown = result !== null;
  useEffect(() => {
    if (calendarVersion > 0 && shown) void computeRef.current();
    // Only a new calendar version recomputes; a result not yet asked for stays unasked.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `shown` is read, not a trigger
  }, [calendarVersion]);

  return (
    <Card title="Thử tính ngày hẹn trả">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap align="center">
          <span>Nhận hồ sơ lúc</span>
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="DD/MM/YYYY HH:mm"
            value={receivedAt}
            allowClear={false}
            needConfirm={false}
            onChange={(value) => value && setReceivedAt(value)}
            aria-label="Nhận hồ sơ lúc"
            data-testid="preview-from"
          />
        </Space>
        <Space wrap align="center">
          <span>+ thời hạn</span>
          {kind !== 'sameDay' && (
            <InputNumber
              min={0.5}
              max={365}
              step={1}
              value={amount}
              onChange={setAmount}
              style={{ width: 90 }}
              aria-label="Thời hạn"
              data-testid="preview-amount"
            />
          )}
          <Select
            value={kind}
            options={kinds}
            onChange={setKind}
            style={{ width: 150 }}
            aria-label="Đơn vị thời hạn"
            data-testid="preview-kind"
          />
        </Space>
        <Select
          value={unit}
          onChange={setUnit}
          options={unitOptions(units, 'Giờ làm việc mặc định toàn tỉnh')}
          showSearch={foldedLabelSearch}
          style={{ width: '100%' }}
          aria-label="Đơn vị tiếp nhận"
          data-testid="preview-unit"
        />
        <Button type="primary" onClick={compute} loading={loading} data-testid="preview-compute">
          Tính ngày hẹn trả
        </Button>
        {problem && <Alert type="error" showIcon title={problem} />}
        {result && <PreviewResult result={result} />}
        <Typography.Text type="secondary">Tính theo lịch đã lưu, giờ Việt Nam.</Typography.Text>
      </Space>
    </Card>
  );
}

function PreviewResult({ result }: { result: DeadlinePreview }) {
  const delayed = result.countingStartsAt !== result.from;
  return (
    <Alert
      type="success"
      data-testid="preview-result"
      title={
        <span>
          Hẹn trả: <strong data-testid="preview-due">{formatVietnamInstant(result.dueAt)}</strong>
        </span>
      }
      description={
        <>
          <div>Nhận hồ sơ: {formatVietnamInstant(result.from)}</div>
          <div>Thời hạn: {durationLabel(result)}</div>
          {delayed && <div>Ngoài giờ làm việc: bắt đầu tính từ {formatVietnamInstant(result.countingStartsAt)}</div>}
          {result.sameDay && <div>Hồ sơ trả trong ngày: nhận từ 15:00 trở đi thì hẹn trả ngày làm việc tiếp theo.</div>}
        </>
      }
    />
  );
}

/** 'P1.5D' → '1,5 ngày làm việc', 'PT4H' → '4 giờ làm việc'. */
function durationLabel(result: DeadlinePreview): string {
  if (result.sameDay) return 'trả trong ngày';
  const parts = parseStepDuration(result.duration);
  const number = (value: number) => String(value).replace('.', ',');
  if (parts?.days) return `${number(parts.days)} ngày làm việc`;
  if (parts?.hours) return `${number(parts.hours)} giờ làm việc`;
  return result.duration ?? '';
}

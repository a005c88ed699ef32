import { Alert, App, Button, Card, Popconfirm, Select, Space, Spin, Tag, TimePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  getOfficeHours,
  resetOfficeHours,
  saveOfficeHours,
  type OfficeHours,
  type UnitSummary,
} from '../../api/calendar.api';
import { ApiError } from '../../api/client';
import { reportError } from '../../api/report-error';
import {
  emptySession,
  formatMinutes,
  sessionProblems,
  toSessionRows,
  toSessions,
  workingDayMinutes,
  type SessionRow,
} from './office-sessions';
import { PROVINCE, unitOptions } from './unit-options';
import { foldedLabelSearch } from '../../search/folded-search';

interface Props {
  units: readonly UnitSummary[];
  onSaved(): void;
}

/** Giờ làm việc: the province default, or a unit's own sessions. 1 working day = their sum. */
export function OfficeHoursEditor({ units, onSaved }: Props) {
  const { message, modal } = App.useApp();
  const [unit, setUnit] = useState(PROVINCE);
  const [hours, setHours] = useState<OfficeHours | null>(null);
  const [rows, setRows] = useState<SessionRow[]>([]);
  const [dirty, setDirty] = useState(false);
  const [loading, setLoading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const latest = useRef(0);
  const unitCode = unit === PROVINCE ? undefined : unit;

  const show = useCallback((loaded: OfficeHours) => {
    setHours(loaded);
    setRows(toSessionRows(loaded.sessions));
    setDirty(false);
    setProblems([]);
  }, []);

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    getOfficeHours(unit === PROVINCE ? undefined : unit)
      .then((loaded) => ticket === latest.current && show(loaded))
      .catch((cause: unknown) => ticket === latest.current && reportError(message, cause))
      .finally(() => ticket === latest.current && setLoading(false));
  }, [unit, message, show]);

  const changeUnit = (next: string) => {
    if (!dirty) return setUnit(next);
    modal.confirm({
      title: 'Bỏ giờ làm việc chưa lưu?',
      okText: 'Bỏ thay đổi',
      cancelText: 'Ở lại',
      onOk: () => setUnit(next),
    });
  };

  const edit = (next: SessionRow[]) => {
    setRows(next);
    setDirty(true);
    setProblems([]);
  };
  const update = (key: string, change: Partial<SessionRow>) =>
    edit(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const run = async (action: () => Promise<OfficeHours>, done: string) => {
    setSaving(true);
    try {
      show(await action());
      message.success(done);
      onSaved();
    } catch (cause) {
      if (cause instanceof ApiError && cause.statusCode === 400)
        setProblems(Array.isArray(cause.details) ? cause.details.map(String) : [cause.message]);
      else reportError(message, cause);
    } finally {
      setSaving(false);
    }
  };

  const save = () => {
    const found = sessionProblems(rows);
    if (found.length > 0) return setProblems(found);
    void run(() => saveOfficeHours(unitCode, toSessions(rows)), 'Đã lưu giờ làm việc.');
  };

  const ownHours = hours?.source === 'unit';
  // A sum of overlapping or unfinished sessions would be a wrong length: show it only for valid ones.
  const minutes = sessionProblems(rows).length === 0 ? workingDayMinutes(rows) : null;

  return (
    <Card title="Giờ làm việc">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <div>
          <Typography.Text strong>Áp dụng cho</Typography.Text>
          <Select
            value={unit}
            onChange={changeUnit}
            options={unitOptions(units, 'Mặc định toàn tỉnh')}
            showSearch={foldedLabelSearch}
            style={{ width: '100%', marginTop: 4 }}
            aria-label="Áp dụng cho"
            data-testid="hours-unit"
          />
        </div>
        <Spin spinning={loading}>
          <Space orientation="vertical" size="small" style={{ width: '100%' }}>
            <Space size={[8, 4]} wrap>
              {unitCode && (
                <Tag color={ownHours ? 'blue' : 'default'} data-testid="hours-source">
                  {ownHours ? 'Giờ riêng của đơn vị' : 'Đang theo giờ mặc định toàn tỉnh'}
                </Tag>
              )}
              {dirty && <Tag color="orange">Có thay đổi chưa lưu</Tag>}
            </Space>
            {rows.map((row, index) => (
              <Space key={row.key} wrap>
                <span style={{ display: 'inline-block', width: 44 }}>Ca {index + 1}</span>
                <TimePicker
                  value={row.start ? dayjs(`2000-01-01T${row.start}`) : null}
                  format="HH:mm"
                  minuteStep={5}
                  needConfirm={false}
                  placeholder="Bắt đầu"
                  onChange={(value) => update(row.key, { start: value ? value.format('HH:mm') : null })}
                  aria-label={`Ca ${index + 1} bắt đầu`}
                  data-testid={`session-start-${index}`}
                />
                <span>đến</span>
                <TimePicker
                  value={row.end ? dayjs(`2000-01-01T${row.end}`) : null}
                  format="HH:mm"
                  minuteStep={5}
                  needConfirm={false}
                  placeholder="Kết thúc"
                  onChange={(value) => update(row.key, { end: value ? value.format('HH:mm') : null })}
                  aria-label={`Ca ${index + 1} kết thúc`}
                  data-testid={`session-end-${index}`}
                />
                <Button
                  type="link"
                  danger
                  onClick={() => edit(rows.filter((other) => other.key !== row.key))}
                  data-testid={`session-remove-${index}`}
                >
                  Xóa
                </Button>
              </Space>
            ))}
            <Button type="dashed" onClick={() => edit([...rows, emptySession()])} data-testid="session-add">
              + Thêm ca
            </Button>
            <Typography.Text type="secondary" data-testid="working-day-length">
              {minutes === null
                ? 'Chọn đủ giờ các ca, không chồng lên nhau.'
                : `1 ngày làm việc = ${formatMinutes(minutes)}.`}{' '}
              Hồ sơ nhận ngoài giờ được tính từ đầu ca làm việc kế tiếp.
            </Typography.Text>
          </Space>
        </Spin>
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title="Chưa lưu được giờ làm việc."
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="hours-problems">
                {problems.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            }
          />
        )}
        <Space wrap>
          <Button type="primary" onClick={save} loading={saving} disabled={loading} data-testid="hours-save">
            Lưu giờ làm việc
          </Button>
          <Popconfirm
            title={
              unitCode ? 'Đơn vị dùng lại giờ mặc định toàn tỉnh?' : 'Khôi phục giờ mặc định 07:00–11:30, 13:30–17:00?'
            }
            okText="Đồng ý"
            cancelText="Hủy"
            disabled={unitCode !== undefined && !ownHours}
            onConfirm={() => run(() => resetOfficeHours(unitCode), 'Đã khôi phục giờ làm việc mặc định.')}
          >
            <Button disabled={saving || (unitCode !== undefined && !ownHours)} data-testid="hours-reset">
              {unitCode ? 'Dùng giờ mặc định toàn tỉnh' : 'Khôi phục 07:00–11:30, 13:30–17:00'}
            </Button>
          </Popconfirm>
        </Space>
      </Space>
    </Card>
  );
}

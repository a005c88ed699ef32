import { Alert, App, Button, Card, Popconfirm, Select, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getHolidays, resetHolidays, saveHolidays, type HolidayTable } from '../../api/calendar.api';
import { ApiError } from '../../api/client';
import { reportError } from '../../api/report-error';
import { formatVietnamInstant, vietnamYear } from './calendar-dates';
import { DayListTable } from './day-list.table';
import {
  describeServerDetail,
  rowOfServerDetail,
  rowProblems,
  toDays,
  toRows,
  type DayList,
  type DayRow,
} from './holiday-rows';

interface Rejection {
  title: string;
  lines: string[];
}

interface Props {
  /** Called after a save or a reset, so the preview can be recomputed. */
  onSaved(): void;
}

/** Ngày nghỉ và ngày làm bù of a year: edit, save, restore the computed defaults. */
export function HolidayTableEditor({ onSaved }: Props) {
  const { message, modal } = App.useApp();
  const thisYear = vietnamYear(new Date());
  const [year, setYear] = useState(thisYear);
  const [table, setTable] = useState<HolidayTable | null>(null);
  const [holidays, setHolidays] = useState<DayRow[]>([]);
  const [workingDays, setWorkingDays] = useState<DayRow[]>([]);
  const [dirty, setDirty] = useState(false);
  const [loading, setLoading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [rejection, setRejection] = useState<Rejection | null>(null);
  const [marked, setMarked] = useState<Record<DayList, Set<number>>>({ holidays: new Set(), workingDays: new Set() });
  const latest = useRef(0);

  const show = useCallback((loaded: HolidayTable) => {
    setTable(loaded);
    setHolidays(toRows(loaded.holidays));
    setWorkingDays(toRows(loaded.workingDays));
    setDirty(false);
    setRejection(null);
    setMarked({ holidays: new Set(), workingDays: new Set() });
  }, []);

  const load = useCallback(
    async (target: number) => {
      const ticket = ++latest.current;
      setLoading(true);
      try {
        const loaded = await getHolidays(target);
        if (ticket === latest.current) show(loaded);
      } catch (cause) {
        if (ticket === latest.current) reportError(message, cause);
      } finally {
        if (ticket === latest.current) setLoading(false);
      }
    },
    [message, show],
  );

  useEffect(() => {
    void load(year);
  }, [load, year]);

  const changeYear = (next: number) => {
    if (!dirty) return setYear(next);
    modal.confirm({
      title: `Bỏ các thay đổi chưa lưu của năm ${year}?`,
      content: 'Lịch năm đang sửa chưa được lưu. Chuyển năm sẽ bỏ các thay đổi này.',
      okText: 'Bỏ thay đổi',
      cancelText: 'Ở lại',
      onOk: () => setYear(next),
    });
  };

  const edit = (list: DayList) => (rows: DayRow[]) => {
    (list === 'holidays' ? setHolidays : setWorkingDays)(rows);
    setDirty(true);
  };

  const save = async () => {
    const problems = rowProblems(year, holidays, workingDays);
    if (problems.length > 0) {
      setRejection({ title: 'Chưa lưu: vui lòng sửa các dòng sau.', lines: problems.map((p) => p.message) });
      setMarked(markedRows(problems));
      return;
    }
    setSaving(true);
    try {
      show(await saveHolidays(year, { holidays: toDays(holidays), workingDays: toDays(workingDays) }));
      message.success(`Đã lưu lịch nghỉ năm ${year}.`);
      onSaved();
    } catch (cause) {
      if (cause instanceof ApiError && cause.statusCode === 400 && Array.isArray(cause.details)) {
        const details = cause.details.map(String);
        setRejection({
          title: `Máy chủ không nhận bảng ngày nghỉ (${cause.code}); chưa có gì được lưu.`,
          lines: details.map(describeServerDetail),
        });
        setMarked(markedRows(details.map(rowOfServerDetail).filter((row) => row !== undefined)));
      } else {
        reportError(message, cause);
      }
    } finally {
      setSaving(false);
    }
  };

  const restoreDefaults = async () => {
    setSaving(true);
    try {
      show(await resetHolidays(year));
      message.success(`Đã khôi phục lịch nghỉ mặc định năm ${year}.`);
      onSaved();
    } catch (cause) {
      reportError(message, cause);
    } finally {
      setSaving(false);
    }
  };

  const years = useMemo(() => {
    const range = new Set<number>([year]);
    for (let y = thisYear - 2; y <= thisYear + 5; y++) range.add(y);
    return [...range].sort((a, b) => a - b).map((y) => ({ value: y, label: `Năm ${y}` }));
  }, [thisYear, year]);

  return (
    <Card
      title="Ngày nghỉ lễ, Tết và ngày làm bù"
      extra={
        <Select
          value={year}
          options={years}
          onChange={changeYear}
          style={{ width: 120 }}
          aria-label="Năm"
          data-testid="calendar-year"
        />
      }
    >
      <Spin spinning={loading}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <SourceNote table={table} dirty={dirty} />
          <div>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              Ngày nghỉ ({holidays.length})
            </Typography.Title>
            <DayListTable
              list="holidays"
              year={year}
              rows={holidays}
              onChange={edit('holidays')}
              marked={marked.holidays}
              addLabel="Thêm ngày nghỉ"
              emptyText="Không có ngày nghỉ nào ngoài thứ Bảy, Chủ nhật"
              namePlaceholder="Ví dụ: Tết Nguyên Đán (mùng 1)"
              disabled={saving}
            />
          </div>
          <div>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              Ngày làm bù ({workingDays.length})
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              Thứ Bảy hoặc Chủ nhật phải đi làm để bù cho ngày nghỉ (theo thông báo lịch nghỉ hằng năm).
            </Typography.Paragraph>
            <DayListTable
              list="workingDays"
              year={year}
              rows={workingDays}
              onChange={edit('workingDays')}
              marked={marked.workingDays}
              addLabel="Thêm ngày làm bù"
              emptyText="Không có ngày làm bù"
              namePlaceholder="Ví dụ: Làm bù cho ngày 02/01"
              disabled={saving}
            />
          </div>
          {rejection && (
            <Alert
              type="error"
              showIcon
              title={rejection.title}
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="holiday-problems">
                  {rejection.lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              }
              closable={{ onClose: () => setRejection(null) }}
            />
          )}
          <Space wrap>
            <Button type="primary" onClick={save} loading={saving} disabled={loading} data-testid="holidays-save">
              Lưu lịch năm {year}
            </Button>
            <Button onClick={() => load(year)} disabled={!dirty || saving} data-testid="holidays-undo">
              Hoàn tác thay đổi
            </Button>
            <Popconfirm
              title={`Khôi phục lịch nghỉ mặc định năm ${year}?`}
              description="Các ngày đã điều chỉnh của năm này sẽ bị xóa."
              okText="Khôi phục"
              cancelText="Hủy"
              onConfirm={restoreDefaults}
              disabled={table?.source === 'default' && !dirty}
            >
              <Button danger disabled={saving || (table?.source === 'default' && !dirty)} data-testid="holidays-reset">
                Khôi phục mặc định
              </Button>
            </Popconfirm>
          </Space>
        </Space>
      </Spin>
    </Card>
  );
}

function SourceNote({ table, dirty }: { table: HolidayTable | null; dirty: boolean }) {
  if (!table) return null;
  return (
    <Space wrap size={[8, 4]}>
      {table.source === 'default' ? (
        <Tag color="default" data-testid="holidays-source">
          Mặc định theo Bộ luật Lao động
        </Tag>
      ) : (
        <Tag color="blue" data-testid="holidays-source">
          Đã điều chỉnh
        </Tag>
      )}
      {table.source === 'custom' && table.updatedAt && (
        <Typography.Text type="secondary">
          Cập nhật lúc {formatVietnamInstant(table.updatedAt)} bởi {table.updatedBy ?? '—'}
        </Typography.Text>
      )}
      {table.source === 'default' && (
        <Typography.Text type="secondary">
          Ngày Tết và ngày nghỉ liền kề Quốc khánh cần đối chiếu với thông báo của Thủ tướng năm đó.
        </Typography.Text>
      )}
      {dirty && <Tag color="orange">Có thay đổi chưa lưu</Tag>}
    </Space>
  );
}

function markedRows(rows: readonly { list: DayList; index: number }[]): Record<DayList, Set<number>> {
  const marked: Record<DayList, Set<number>> = { holidays: new Set(), workingDays: new Set() };
  for (const row of rows) marked[row.list].add(row.index);
  return marked;
}

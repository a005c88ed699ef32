import { Button, DatePicker, Input, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { formatCivilDate, weekdayLabel } from './calendar-dates';
import { emptyRow, type DayList, type DayRow } from './holiday-rows';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';

interface Props {
  list: DayList;
  year: number;
  rows: DayRow[];
  onChange(rows: DayRow[]): void;
  /** Rows with a problem, by index, outlined in red. */
  marked: ReadonlySet<number>;
  addLabel: string;
  emptyText: string;
  namePlaceholder: string;
  disabled?: boolean;
}

/** An editable list of dated, named days (ngày nghỉ or ngày làm bù) of one year. */
export function DayListTable({
  list,
  year,
  rows,
  onChange,
  marked,
  addLabel,
  emptyText,
  namePlaceholder,
  disabled,
}: Props) {
  const update = (key: string, change: Partial<DayRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  // Swapped working days are Saturdays or Sundays (the server refuses a weekday).
  const disabledDate = (day: Dayjs) =>
    day.year() !== year || (list === 'workingDays' && day.day() !== 0 && day.day() !== 6);

  const columns: TableColumnsType<DayRow> = [
    { title: 'STT', key: 'index', width: 48, align: 'center', render: (_, __, index) => index + 1 },
    {
      title: 'Ngày',
      key: 'date',
      width: 140,
      render: (_, row, index) => (
        <DatePicker
          value={row.date ? dayjs(row.date) : null}
          format="DD/MM/YYYY"
          allowClear={false}
          placeholder="Chọn ngày"
          disabledDate={disabledDate}
          defaultPickerValue={dayjs(`${year}-01-01`)}
          status={marked.has(index) ? 'error' : undefined}
          disabled={disabled}
          onChange={(value) => update(row.key, { date: value ? value.format('YYYY-MM-DD') : null })}
          aria-label={`Ngày, dòng ${index + 1}`}
          data-testid={`${list}-date-${index}`}
          style={{ width: '100%' }}
        />
      ),
    },
    {
      title: 'Thứ',
      key: 'weekday',
      width: 84,
      responsive: ['sm'],
      render: (_, row) =>
        row.date ? (
          <span title={formatCivilDate(row.date)}>{weekdayLabel(row.date)}</span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: list === 'holidays' ? 'Tên ngày nghỉ' : 'Ghi chú',
      key: 'name',
      render: (_, row, index) => (
        <Input.TextArea
          value={row.name}
          autoSize={{ minRows: 1, maxRows: 3 }}
          maxLength={FIELD_LIMITS.personName}
          placeholder={namePlaceholder}
          status={marked.has(index) ? 'error' : undefined}
          disabled={disabled}
          onChange={(event) => update(row.key, { name: event.target.value })}
          aria-label={`Tên, dòng ${index + 1}`}
          style={{ minWidth: 180 }}
          data-testid={`${list}-name-${index}`}
        />
      ),
    },
    {
      title: '',
      key: 'remove',
      width: 64,
      render: (_, row, index) => (
        <Button
          type="link"
          danger
          disabled={disabled}
          onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
          data-testid={`${list}-remove-${index}`}
        >
          Xóa
        </Button>
      ),
    },
  ];

  return (
    <>
      <Table<DayRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText }}
        data-testid={`${list}-table`}
      />
      <Button
        type="dashed"
        block
        style={{ marginTop: 8 }}
        disabled={disabled}
        onClick={() => onChange([...rows, emptyRow()])}
        data-testid={`${list}-add`}
      >
        + {addLabel}
      </Button>
    </>
  );
}

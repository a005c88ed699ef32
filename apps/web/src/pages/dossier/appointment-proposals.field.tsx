import { DatePicker, Form, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { AppointmentProposals } from '../../api/dossiers.api';
import { formatDateTime } from '../inbox/due-state';

/** The radio value that opens the date picker instead of a proposed date. */
export const OTHER_DATE = 'other';

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/**
 * The new appointment of Form 04: the working days the server proposes (the unit's calendar, so
 * no weekend or holiday), or another date; the server refuses a day off with a clear message.
 */
export function AppointmentProposalsField({ proposals }: { proposals: AppointmentProposals | null }) {
  const choice = Form.useWatch('proposal') as string | undefined;
  const after = proposals ? dayjs(proposals.appointmentAt) : dayjs();
  return (
    <>
      <Form.Item
        name="proposal"
        label="Ngày hẹn trả mới (ngày làm việc của đơn vị)"
        rules={[{ required: true, message: 'Vui lòng chọn ngày hẹn mới' }]}
      >
        <Radio.Group data-testid="action-proposals">
          <Space orientation="vertical" size={4}>
            {(proposals?.proposals ?? []).map((p) => (
              <Radio key={p.at} value={p.at}>
                <span data-testid={`action-proposal-${p.workingDays}`}>
                  {WEEKDAYS[dayjs(p.at).day()]}, {formatDateTime(p.at)}{' '}
                  <Typography.Text type="secondary">(thêm {p.workingDays} ngày làm việc)</Typography.Text>
                </span>
              </Radio>
            ))}
            <Radio value={OTHER_DATE}>
              <span data-testid="action-proposal-other">Ngày khác…</span>
            </Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      {choice === OTHER_DATE && (
        <Form.Item
          name="newAppointmentAt"
          label="Chọn ngày, giờ hẹn"
          rules={[{ required: true, message: 'Vui lòng chọn ngày hẹn mới' }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 15 }}
            format="DD/MM/YYYY HH:mm"
            // Weekends are never worked; holidays are the server's to refuse (the unit's calendar).
            disabledDate={(day: Dayjs) => day.isBefore(after, 'day') || day.day() === 0 || day.day() === 6}
            style={{ width: '100%' }}
            data-testid="action-new-date"
          />
        </Form.Item>
      )}
    </>
  );
}

import { App, Col, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useEffect, useState } from 'react';
import { listUnits, type UnitSummary } from '../../api/calendar.api';
import { reportError } from '../../api/report-error';
import { AdminOnly } from '../admin/admin-only';
import { DeadlinePreviewCard } from './deadline-preview.card';
import { HolidayTableEditor } from './holiday-table.editor';
import { OfficeHoursEditor } from './office-hours.editor';

// Month and weekday names in the date pickers (antd's vi_VN covers the rest).
dayjs.locale('vi');

/** Lịch làm việc (admin): holidays, swapped working days and office hours that every deadline counts with. */
export function CalendarPage() {
  return (
    <AdminOnly>
      <CalendarView />
    </AdminOnly>
  );
}

function CalendarView() {
  const { message } = App.useApp();
  const [units, setUnits] = useState<UnitSummary[]>([]);
  const [calendarVersion, setCalendarVersion] = useState(0);

  useEffect(() => {
    listUnits()
      .then(setUnits)
      .catch((cause: unknown) => reportError(message, cause));
  }, [message]);

  const refreshPreview = () => setCalendarVersion((version) => version + 1);

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Lịch làm việc
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Ngày nghỉ lễ, Tết, ngày làm bù và giờ làm việc dùng để tính hạn xử lý từng bước và ngày hẹn trả kết quả. Thay
        đổi áp dụng cho các hạn được tính sau khi lưu; hạn đã tính trước đó giữ nguyên.
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <HolidayTableEditor onSaved={refreshPreview} />
        </Col>
        <Col xs={24} xl={10}>
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <OfficeHoursEditor units={units} onSaved={refreshPreview} />
            </Col>
            <Col span={24}>
              <DeadlinePreviewCard units={units} calendarVersion={calendarVersion} />
            </Col>
          </Row>
        </Col>
      </Row>
    </>
  );
}

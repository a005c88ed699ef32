import type { DataSource } from 'typeorm';

/**
 * The golden dataset of the reports e2e: 51 dossiers written straight into `dossiers`, with the
 * dossier events that moved their appointments, times in Vietnam.
 */
export const PERIOD_A = { from: '2025-03-01', to: '2025-03-31' };
export const PERIOD_B = { from: '2025-04-01', to: '2025-04-30' };

const CITY = '000.00.20.H15';
const TANLOI = '000.20.20.H15';
const TUPHAP_SO = '000.00.01.H15';
const HO_TICH = '1.001193';
const CHUNG_THUC = '2.000815';
const KINH_DOANH = '1.001612';
const XAY_DUNG = '1.009974';
const DAT_DAI = '1.004227';

export interface GoldenDossier {
  code: string;
  procedure: string;
  unit: string;
  channel: 'direct' | 'online' | 'postal';
  received: string;
  /** The appointment as moved; `original` when a supplement or an apology moved it, at `movedAt`. */
  appointment: string;
  original?: string;
  move?: 'supplement' | 'apology';
  movedAt?: string;
  resolved?: string;
  returned?: string;
  status: string;
  /** Periods whose table counts it (in "received"), for checks that need no hand table. */
  countsIn: string;
}

const g = (
  code: string,
  procedure: string,
  unit: string,
  channel: GoldenDossier['channel'],
  received: string,
  appointment: string,
  more: Partial<GoldenDossier> & { countsIn: string },
): GoldenDossier => ({
  code: `GOLD-${code}`,
  procedure,
  unit,
  channel,
  received,
  appointment,
  status: 'processing',
  ...more,
});

// Each comment says where the dossier counts: A = March, B = April (car. = carried over).
export const GOLDEN_DOSSIERS: GoldenDossier[] = [
  // Hộ tịch
  g('H1', HO_TICH, CITY, 'direct', '02-20 09:00', '02-20 16:00', {
    resolved: '02-20 15:00',
    returned: '02-20 15:30',
    status: 'returned',
    countsIn: '',
  }), // nowhere
  g('H2', HO_TICH, CITY, 'direct', '02-25 09:00', '03-03 17:00', {
    resolved: '03-02 10:00',
    returned: '03-03 08:00',
    status: 'returned',
    countsIn: 'A',
  }), // A car., early
  g('H3', HO_TICH, TANLOI, 'online', '02-26 09:00', '03-05 17:00', { countsIn: 'AB' }), // A car. overdue; B car. overdue
  g('H4', HO_TICH, TANLOI, 'online', '03-03 09:00', '03-03 16:00', {
    resolved: '03-03 15:00',
    returned: '03-03 15:10',
    status: 'returned',
    countsIn: 'A',
  }), // A online, on time
  g('H5', HO_TICH, CITY, 'direct', '03-10 10:00', '03-12 17:00', {
    resolved: '03-12 17:30',
    returned: '03-13 08:00',
    status: 'returned',
    countsIn: 'A',
  }), // A direct, late
  g('H6', HO_TICH, CITY, 'postal', '03-15 09:00', '04-03 17:00', {
    original: '03-20 17:00',
    move: 'supplement',
    movedAt: '03-31 10:00',
    resolved: '04-02 09:00',
    returned: '04-02 10:00',
    status: 'returned',
    countsIn: 'AB',
  }), // supplement-moved; A within; B car. early
  g('H7', HO_TICH, CITY, 'online', '03-28 09:00', '04-10 17:00', { countsIn: 'AB' }), // A within; B car. overdue
  g('H8', HO_TICH, CITY, 'direct', '04-05 09:00', '04-08 17:00', {
    resolved: '04-08 09:00',
    returned: '04-08 10:00',
    status: 'returned',
    countsIn: 'B',
  }), // B direct, on time
  g('H9', HO_TICH, TANLOI, 'online', '04-20 09:00', '05-05 17:00', { countsIn: 'B' }), // B online, within
  g('H10', HO_TICH, CITY, 'direct', '03-20 09:00', '03-30 17:00', {
    resolved: '03-25 09:00',
    status: 'withdrawn',
    countsIn: 'A',
  }), // A received only (withdrawn)
  // moved after March ended: March judges with the appointment of 27 March, not today's 8 April
  g('H11', HO_TICH, CITY, 'direct', '03-24 09:00', '04-08 17:00', {
    original: '03-27 17:00',
    move: 'apology',
    movedAt: '04-03 09:00',
    resolved: '04-07 09:00',
    returned: '04-07 10:00',
    status: 'returned',
    countsIn: 'AB',
  }), // A direct overdue; B car. early
  // Chứng thực
  g('C1', CHUNG_THUC, CITY, 'direct', '03-02 08:00', '03-02 17:00', {
    resolved: '03-02 10:30',
    returned: '03-02 11:00',
    status: 'returned',
    countsIn: 'A',
  }), // A direct, on time
  g('C2', CHUNG_THUC, TANLOI, 'online', '03-02 16:00', '03-03 17:00', {
    resolved: '03-02 16:30',
    returned: '03-03 08:00',
    status: 'returned',
    countsIn: 'A',
  }), // A online, early
  g('C3', CHUNG_THUC, CITY, 'direct', '03-05 09:00', '03-05 17:00', {
    resolved: '03-06 08:00',
    returned: '03-06 09:00',
    status: 'returned',
    countsIn: 'A',
  }), // A direct, late
  g('C4', CHUNG_THUC, CITY, 'direct', '03-31 16:00', '04-01 17:00', {
    resolved: '04-01 09:00',
    returned: '04-01 09:30',
    status: 'returned',
    countsIn: 'AB',
  }), // A within; B car. on time
  g('C5', CHUNG_THUC, CITY, 'online', '03-31 23:30', '04-01 17:00', { countsIn: 'AB' }), // A online within; B car. overdue
  g('C6', CHUNG_THUC, TANLOI, 'direct', '04-01 00:00', '04-01 17:00', {
    resolved: '04-01 17:00',
    returned: '04-02 08:00',
    status: 'returned',
    countsIn: 'B',
  }), // B direct, on time (at the minute)
  g('C7', CHUNG_THUC, CITY, 'postal', '04-30 23:59', '05-02 17:00', { countsIn: 'B' }), // B direct, within
  g('C8', CHUNG_THUC, CITY, 'direct', '05-01 00:00', '05-01 17:00', { countsIn: '' }), // after B
  g('C9', CHUNG_THUC, CITY, 'online', '02-27 09:00', '02-28 17:00', {
    resolved: '03-01 00:00',
    returned: '03-02 08:00',
    status: 'returned',
    countsIn: 'A',
  }), // A car., late
  g('C10', CHUNG_THUC, CITY, 'direct', '02-27 09:00', '02-28 17:00', {
    resolved: '02-28 23:59',
    returned: '03-02 08:00',
    status: 'returned',
    countsIn: '',
  }), // nowhere
  // Thành lập và hoạt động của hộ kinh doanh
  g('K1', KINH_DOANH, CITY, 'direct', '02-10 09:00', '03-10 17:00', {
    original: '02-13 17:00',
    move: 'supplement',
    movedAt: '02-28 09:00',
    countsIn: 'AB',
  }), // supplement-moved; A car. overdue; B car. overdue
  g('K2', KINH_DOANH, CITY, 'online', '02-20 09:00', '03-20 17:00', {
    original: '02-25 17:00',
    move: 'apology',
    movedAt: '02-24 09:00',
    resolved: '03-19 09:00',
    returned: '03-19 10:00',
    status: 'returned',
    countsIn: 'A',
  }), // apology-moved; A car. early
  g('K3', KINH_DOANH, TANLOI, 'direct', '03-03 09:00', '03-12 17:00', {
    original: '03-06 17:00',
    move: 'apology',
    movedAt: '03-05 09:00',
    resolved: '03-12 16:00',
    returned: '03-12 16:30',
    status: 'returned',
    countsIn: 'A',
  }), // apology-moved; A direct on time
  g('K4', KINH_DOANH, CITY, 'online', '03-04 09:00', '03-14 17:00', {
    original: '03-07 17:00',
    move: 'supplement',
    movedAt: '03-10 09:00',
    resolved: '03-17 09:00',
    returned: '03-17 10:00',
    status: 'returned',
    countsIn: 'A',
  }), // supplement-moved; A online late
  g('K5', KINH_DOANH, CITY, 'direct', '03-10 09:00', '03-13 17:00', { status: 'supplement_required', countsIn: 'AB' }), // A direct overdue; B car. overdue
  g('K6', KINH_DOANH, CITY, 'online', '04-02 09:00', '04-07 17:00', {
    resolved: '04-07 17:01',
    returned: '04-08 08:00',
    status: 'returned',
    countsIn: 'B',
  }), // B online late
  g('K7', KINH_DOANH, CITY, 'direct', '04-02 10:00', '04-07 17:00', {
    resolved: '04-03 09:00',
    returned: '04-03 10:00',
    status: 'returned',
    countsIn: 'B',
  }), // B direct early
  g('K8', KINH_DOANH, CITY, 'postal', '04-10 09:00', '05-06 17:00', {
    original: '04-15 17:00',
    move: 'supplement',
    movedAt: '04-25 09:00',
    countsIn: 'B',
  }), // supplement-moved; B direct within
  g('K9', KINH_DOANH, CITY, 'direct', '03-25 09:00', '03-28 17:00', {
    resolved: '03-26 09:00',
    status: 'rejected',
    countsIn: 'A',
  }), // A direct, refused early
  // supplement asked on 2 April and received on 10 April: at March's end it was overdue (27 March), not within (4 April)
  g('K12', KINH_DOANH, TANLOI, 'direct', '03-24 09:00', '04-04 17:00', {
    original: '03-27 17:00',
    move: 'supplement',
    movedAt: '04-10 09:00',
    countsIn: 'AB',
  }), // A direct overdue; B car. overdue
  g('K10', KINH_DOANH, TANLOI, 'online', '04-15 09:00', '04-18 17:00', {
    resolved: '05-02 09:00',
    status: 'withdrawn',
    countsIn: 'B',
  }), // B online overdue (withdrawn after B)
  // Hoạt động xây dựng
  g('X1', XAY_DUNG, CITY, 'direct', '02-15 09:00', '03-10 17:00', {
    resolved: '03-10 10:00',
    returned: '03-10 11:00',
    status: 'returned',
    countsIn: 'A',
  }), // A car. on time
  g('X2', XAY_DUNG, TANLOI, 'online', '03-05 09:00', '03-26 17:00', {
    resolved: '03-24 09:00',
    returned: '03-24 10:00',
    status: 'returned',
    countsIn: 'A',
  }), // A online early
  g('X3', XAY_DUNG, CITY, 'direct', '03-12 09:00', '04-02 17:00', {
    resolved: '04-03 09:00',
    returned: '04-03 10:00',
    status: 'returned',
    countsIn: 'AB',
  }), // A within; B car. late
  g('X4', XAY_DUNG, CITY, 'postal', '03-20 09:00', '04-10 17:00', { countsIn: 'AB' }), // A within; B car. overdue
  g('X5', XAY_DUNG, CITY, 'online', '04-01 09:00', '04-22 17:00', {
    resolved: '04-22 16:59',
    returned: '04-23 08:00',
    status: 'returned',
    countsIn: 'B',
  }), // B online on time
  g('X6', XAY_DUNG, CITY, 'direct', '04-08 09:00', '05-15 17:00', {
    original: '04-29 17:00',
    move: 'apology',
    movedAt: '04-28 09:00',
    countsIn: 'B',
  }), // apology-moved; B direct within
  g('X7', XAY_DUNG, CITY, 'online', '04-25 09:00', '05-16 17:00', { countsIn: 'B' }), // B online within
  g('X8', XAY_DUNG, CITY, 'direct', '01-10 09:00', '01-31 17:00', {
    resolved: '02-05 09:00',
    returned: '02-06 09:00',
    status: 'returned',
    countsIn: '',
  }), // nowhere
  // Đất đai
  g('D1', DAT_DAI, CITY, 'direct', '01-20 09:00', '03-25 17:00', {
    original: '03-05 17:00',
    move: 'supplement',
    movedAt: '03-04 09:00',
    resolved: '03-25 10:00',
    status: 'result_ready',
    countsIn: 'A',
  }), // supplement-moved; A car. on time
  g('D2', DAT_DAI, CITY, 'online', '02-01 09:00', '03-15 17:00', { countsIn: 'AB' }), // A car. overdue; B car. overdue
  g('D3', DAT_DAI, CITY, 'direct', '03-03 09:00', '04-14 17:00', {
    resolved: '04-11 09:00',
    returned: '04-11 10:00',
    status: 'returned',
    countsIn: 'AB',
  }), // A within; B car. early
  g('D4', DAT_DAI, CITY, 'online', '03-17 09:00', '04-28 17:00', { countsIn: 'AB' }), // A online within; B car. overdue
  g('D5', DAT_DAI, TANLOI, 'direct', '04-03 09:00', '05-20 17:00', { countsIn: 'B' }), // B direct within
  g('D6', DAT_DAI, CITY, 'postal', '04-04 09:00', '05-21 17:00', {
    returned: '04-29 09:00',
    status: 'returned',
    countsIn: 'B',
  }), // B direct early (returned only)
  g('D7', DAT_DAI, CITY, 'direct', '03-28 09:00', '05-08 17:00', {
    resolved: '04-05 09:00',
    status: 'withdrawn',
    countsIn: 'AB',
  }), // A within; B car., withdrawn
  g('D8', DAT_DAI, CITY, 'direct', '02-05 09:00', '03-19 17:00', {
    resolved: '02-28 09:00',
    returned: '02-28 10:00',
    status: 'returned',
    countsIn: '',
  }), // nowhere
  // Sở Tư pháp (outside the city)
  g('S1', CHUNG_THUC, TUPHAP_SO, 'direct', '03-10 08:00', '03-10 17:00', {
    resolved: '03-10 12:00',
    returned: '03-10 13:00',
    status: 'returned',
    countsIn: 'A',
  }),
  g('S2', CHUNG_THUC, TUPHAP_SO, 'online', '04-10 09:00', '04-11 17:00', { countsIn: 'B' }),
  g('S3', CHUNG_THUC, TUPHAP_SO, 'online', '03-15 09:00', '03-16 17:00', { countsIn: 'AB' }),
];

/** `MM-DD HH:mm` in 2025, Vietnam time. */
const at = (local: string | undefined) => (local ? new Date(`2025-${local.replace(' ', 'T')}:00+07:00`) : null);

/** Writes the golden dossiers and their appointment moves (no process instances: the reports read only `dossiers` and `dossier_events`). */
export async function insertGolden(db: DataSource): Promise<void> {
  for (const d of GOLDEN_DOSSIERS) {
    const moved = d.original !== undefined;
    const inserted: unknown[] = await db.query(
      `INSERT INTO dossiers (code, procedure_code, unit_code, channel, applicant, received_at, appointment_at, original_appointment_at,
         status, lookup_key_hash, received_by, paused_at, pauses, resolved_at, returned_at)
       VALUES ($1, $2, $3, $4, '{"fullName":"Golden"}', $5, $6, $7, $8, 'golden', 'reception', $9, $10, $11, $12)
       ON CONFLICT (code) DO NOTHING RETURNING code`, // the e2e and browser suites share one database and the same rows
      [
        d.code,
        d.procedure,
        d.unit,
        d.channel,
        at(d.received),
        at(d.appointment),
        at(d.original ?? d.appointment),
        d.status,
        d.status === 'supplement_required' ? at(d.received) : null,
        moved ? JSON.stringify([{ from: at(d.received), to: at(d.received), workingMs: 0 }]) : '[]',
        at(d.resolved),
        at(d.returned),
      ],
    );
    if (inserted.length && d.move) await insertMove(db, d);
  }
}

/** The events the desk writes when it moves an appointment (libs/dossiers' DossierActionsService); a supplement is asked for an hour before it arrives. */
async function insertMove(db: DataSource, d: GoldenDossier): Promise<void> {
  const movedAt = at(d.movedAt)!;
  const appointments = {
    previousAppointmentAt: at(d.original)!.toISOString(),
    appointmentAt: at(d.appointment)!.toISOString(),
  };
  const events: [Date, string, Record<string, unknown>][] =
    d.move === 'supplement'
      ? [
          [new Date(movedAt.getTime() - 3_600_000), 'supplement-request', { reason: 'Thiếu giấy tờ', documents: [] }],
          [movedAt, 'supplement-received', { note: null, ...appointments }],
        ]
      : [[movedAt, 'apology', { reason: 'Cần xác minh thêm', ...appointments }]];
  for (const [eventAt, type, data] of events) {
    await db.query(
      `INSERT INTO dossier_events (code, at, type, actor, data) VALUES ($1, $2, $3, 'leader', $4::jsonb)`,
      [d.code, eventAt, type, JSON.stringify(data)],
    );
  }
}

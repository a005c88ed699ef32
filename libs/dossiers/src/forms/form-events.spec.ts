import type { DossierDetail } from '../services/dossiers.service';
import { apologyFacts, refusalFacts, supplementRequestFacts } from './form-events';

type Event = DossierDetail['events'][number];
const at = (hhmm: string) => new Date(`2025-10-06T${hhmm}:00+07:00`);
const event = (
  type: string,
  hhmm: string,
  data: Record<string, unknown>,
  actor: string | null = 'reception',
): Event => ({ at: at(hhmm), type, actor, data });

describe('form facts from the dossier events', () => {
  it('Form 02 prints the latest supplement request, and the receipt that ended it', () => {
    // given two rounds of supplement, the second still open
    const events = [
      event('received', '09:00', {}),
      event('supplement-request', '10:00', { reason: 'Thiếu bản sao', documents: ['a'] }),
      event('supplement-received', '11:00', { appointmentAt: at('16:00').toISOString(), waitedWorkingMs: 3_600_000 }),
      event('supplement-request', '14:00', { reason: '  Sai họ tên  ', documents: ['b', 7] }),
    ];
    // then
    expect(supplementRequestFacts(events)).toEqual({
      at: at('14:00'),
      actor: 'reception',
      reason: 'Sai họ tên',
      documentCodes: ['b'],
      received: undefined,
    });
    expect(supplementRequestFacts(events.slice(0, 3))).toEqual({
      at: at('10:00'),
      actor: 'reception',
      reason: 'Thiếu bản sao',
      documentCodes: ['a'],
      received: { at: at('11:00'), appointmentAt: at('16:00'), waitedWorkingMs: 3_600_000 },
    });
    expect(supplementRequestFacts(events.slice(0, 1))).toBeUndefined();
  });

  it('Form 03 applies to a rejected dossier only: the desk reason first, else the approver’s', () => {
    const history = [
      {
        step: 'Trả hồ sơ',
        from: { unitCode: 'U', user: 'head' },
        to: { unitCode: 'U', user: null },
        at: at('15:00'),
        due: null,
        completedAt: null,
        result: null,
      },
    ];
    const base = { receivedAt: at('09:00'), history };
    const refused = [event('refuse', '10:30', { reason: 'Không thuộc thẩm quyền' })];
    expect(refusalFacts({ ...base, status: 'processing', events: refused })).toBeUndefined();
    expect(refusalFacts({ ...base, status: 'rejected', events: refused }, 'ignored')).toEqual({
      at: at('10:30'),
      actor: 'reception',
      reason: 'Không thuộc thẩm quyền',
    });
    expect(refusalFacts({ ...base, status: 'rejected', events: [] }, 'Trùng tên')).toEqual({
      at: at('15:00'),
      actor: null,
      reason: 'Trùng tên',
    });
    expect(refusalFacts({ ...base, status: 'rejected', events: [] }, 42)).toMatchObject({ reason: null });
  });

  it('Form 04 prints the latest apology with both dates', () => {
    const events = [
      event(
        'apology',
        '10:00',
        { reason: 'Lần 1', previousAppointmentAt: at('11:00').toISOString(), appointmentAt: at('15:00').toISOString() },
        'leader',
      ),
      event(
        'apology',
        '14:00',
        { reason: 'Lần 2', previousAppointmentAt: at('15:00').toISOString(), appointmentAt: at('16:30').toISOString() },
        'leader',
      ),
    ];
    expect(apologyFacts(events)).toEqual({
      at: at('14:00'),
      actor: 'leader',
      reason: 'Lần 2',
      previousAppointmentAt: at('15:00'),
      appointmentAt: at('16:30'),
    });
    expect(apologyFacts([])).toBeUndefined();
  });
});

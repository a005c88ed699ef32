import { appointmentAsOf, type AppointmentMove } from './appointment-history';

const vn = (local: string) => new Date(`2025-${local.replace(' ', 'T')}:00+07:00`);

describe('appointmentAsOf', () => {
  // given a dossier due on 27 March, moved by a supplement on 2 April to 4 April, then by an apology on 3 April to 8 April
  const moves: AppointmentMove[] = [
    { at: vn('04-03 09:00'), previousAppointmentAt: vn('04-04 17:00'), appointmentAt: vn('04-08 17:00') },
    { at: vn('04-02 10:00'), previousAppointmentAt: vn('03-27 17:00'), appointmentAt: vn('04-04 17:00') },
  ];
  const current = vn('04-08 17:00');

  it('is the original appointment before the first move', () => {
    expect(appointmentAsOf(current, moves, vn('04-01 00:00'))).toEqual(vn('03-27 17:00'));
  });

  it('is the appointment set by the last move before the instant', () => {
    expect(appointmentAsOf(current, moves, vn('04-03 08:00'))).toEqual(vn('04-04 17:00'));
    expect(appointmentAsOf(current, moves, vn('05-01 00:00'))).toEqual(vn('04-08 17:00'));
  });

  it('does not count a move made at the instant itself', () => {
    expect(appointmentAsOf(current, moves, vn('04-02 10:00'))).toEqual(vn('03-27 17:00'));
  });

  it('is the current appointment when no move is recorded', () => {
    expect(appointmentAsOf(current, [], vn('03-01 00:00'))).toEqual(current);
  });
});

import { ReceptionGate } from './reception.gate';

describe('reception gate', () => {
  it('never runs more than its limit at once, and runs everything', async () => {
    // given a gate of 5 (pool of 20) and 30 slow receptions
    const gate = new ReceptionGate();
    let inFlight = 0;
    let peak = 0;
    const work = async (i: number) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight--;
      if (i === 3) throw new Error('fails');
      return i;
    };
    // when
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => gate.run(() => work(i))));
    // then
    expect(peak).toBe(5);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(29);
  });
});

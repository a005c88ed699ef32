import type { Response } from 'express';
import { AppError } from '../../../common/src';
import type { InboxEvent } from './inbox-event';
import { InboxStreams } from './inbox-streams';
import type { StreamHolder } from './inbox-stream.tickets';

/** InboxStreams over a fake bus and fake responses: who gets which event, the limit, the end. */
function given() {
  let deliver: (event: InboxEvent) => void = () => undefined;
  let subscriptions = 0;
  const bus = {
    subscribe: async (listener: (event: InboxEvent) => void) => {
      subscriptions++;
      deliver = listener;
      return () => undefined;
    },
  };
  const streams = new InboxStreams(bus as never);
  const open = async (username: string, unitCode: string, roles: string[], endsAt = Date.now() + 3_600_000) => {
    const written: string[] = [];
    let ended = false;
    const closers: (() => void)[] = [];
    const response = {
      status: () => response,
      set: () => response,
      flushHeaders: () => undefined,
      write: (text: string) => written.push(text),
      end: (text: string) => {
        written.push(text);
        ended = true;
      },
      on: (_: string, closer: () => void) => closers.push(closer),
    };
    const holder: StreamHolder = { user: { id: username, username, unitCode, roles }, endsAt };
    await streams.open(holder, response as unknown as Response);
    return { written, ended: () => ended, close: () => closers.forEach((c) => c()) };
  };
  const event = (unitCode: string, groups: string[]): InboxEvent => ({
    kind: 'created',
    taskId: 't1',
    unitCode,
    groups,
    at: 0,
  });
  return { streams, open, publish: (e: InboxEvent) => deliver(e), event, subscriptions: () => subscriptions };
}

const taskFrames = (written: string[]) => written.filter((w) => w.startsWith('event: task'));

describe('InboxStreams', () => {
  afterEach(() => jest.useRealTimers());

  it('given officers of two units, when a step for the specialists of one unit is published, then only its specialists (and sub-roles) are told', async () => {
    // given
    const { open, publish, event, subscriptions } = given();
    const specialist = await open('cv', 'CITY', ['specialist']);
    const land = await open('cv.land', 'CITY', ['specialist:land']);
    const reception = await open('tn', 'CITY', ['reception']);
    const elsewhere = await open('cv.xa', 'COMMUNE', ['specialist']);
    // when
    publish(event('CITY', ['specialist']));
    publish(event('CITY', []));
    // then
    expect(taskFrames(specialist.written)).toHaveLength(2);
    expect(taskFrames(land.written)).toHaveLength(2);
    expect(taskFrames(reception.written)).toHaveLength(1); // the step open to every role of the unit
    expect(taskFrames(elsewhere.written)).toHaveLength(0);
    expect(subscriptions()).toBe(1);
  });

  it('given an account at its limit, when it opens one more, then 429 INBOX_STREAM_LIMIT; a closed stream frees its place', async () => {
    const { open } = given();
    const opened = [];
    for (let i = 0; i < 5; i++) opened.push(await open('cv', 'CITY', ['specialist']));
    const refusal = await open('cv', 'CITY', ['specialist']).catch(
      (error: AppError) => `${error.status} ${error.code}`,
    );
    expect(refusal).toBe('429 INBOX_STREAM_LIMIT');
    opened[0].close();
    await expect(open('cv', 'CITY', ['specialist'])).resolves.toBeDefined();
  });

  it('given a token that expires in a minute, when the minute passes, then the stream says expired and ends, and gets no more events', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const { streams, open, publish, event } = given();
    const stream = await open('cv', 'CITY', ['specialist'], 1_000_000 + 60_000);
    jest.advanceTimersByTime(60_000);
    expect(stream.ended()).toBe(true);
    expect(stream.written.at(-1)).toBe('event: expired\ndata: {}\n\n');
    publish(event('CITY', ['specialist']));
    expect(taskFrames(stream.written)).toHaveLength(0);
    expect(streams.size).toBe(0);
  });
});

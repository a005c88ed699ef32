import { Logger, type ArgumentsHost } from '@nestjs/common';
import { AppErrorFilter } from './app-error.filter';

function respond(error: unknown): { status: number; body: { code: string; statusCode: number } } {
  const sent: { status: number; body: { code: string; statusCode: number } } = {
    status: 0,
    body: { code: '', statusCode: 0 },
  };
  const response = {
    headersSent: false,
    status: (status: number) => ({ json: (body: typeof sent.body) => Object.assign(sent, { status, body }) }),
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new AppErrorFilter().catch(error, host);
  return sent;
}

/** A TypeORM QueryFailedError as the pg driver gives it. */
const queryFailed = (code: string) =>
  Object.assign(new Error('query failed'), { name: 'QueryFailedError', driverError: { code } });

describe('AppErrorFilter and database refusals', () => {
  it.each(['22003', '22P02', '22007', '22008', '22001', '22021'])(
    'answers Postgres data exception %s with 500 and logs it: the edge should have refused the value',
    (state) => {
      // given a logger that records errors
      const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      // when a query fails on a value no DTO bounded
      const answer = respond(queryFailed(state));
      // then the server owns the bug: 500, and an error line
      expect(answer).toMatchObject({ status: 500, body: { statusCode: 500, code: 'INTERNAL_ERROR' } });
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('query failed'));
      logged.mockRestore();
    },
  );

  it('keeps other database failures as 500 INTERNAL_ERROR', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const state of ['40P01', '23505', '57014', '42703'])
      expect(respond(queryFailed(state))).toMatchObject({ status: 500, body: { code: 'INTERNAL_ERROR' } });
    expect(respond(new Error('boom'))).toMatchObject({ status: 500 });
  });
});

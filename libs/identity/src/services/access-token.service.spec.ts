import type { HttpAdapterHost } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenService } from './access-token.service';

describe('AccessTokenService', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });
  const withHttp = { httpAdapter: {} } as HttpAdapterHost;
  const standalone = { httpAdapter: undefined } as unknown as HttpAdapterHost;

  it('verifies its own tokens and gives back the user id and token version', async () => {
    // given
    process.env.JWT_SECRET = 'spec-secret';
    const tokens = new AccessTokenService(new JwtService(), withHttp);
    // when
    const token = await tokens.sign({ id: 'user-1', username: 'reception', tokenVersion: 3 });
    // then
    await expect(tokens.verify(token)).resolves.toEqual({ userId: 'user-1', tokenVersion: 3 });
  });

  it('refuses a token signed with another secret', async () => {
    process.env.JWT_SECRET = 'one';
    const token = await new AccessTokenService(new JwtService()).sign({ id: 'user-1', username: 'x', tokenVersion: 0 });
    process.env.JWT_SECRET = 'two';
    await expect(new AccessTokenService(new JwtService()).verify(token)).rejects.toMatchObject({
      status: 401,
      code: 'AUTH_TOKEN_INVALID',
    });
  });

  it('refuses an expired token, saying so', async () => {
    process.env.JWT_SECRET = 'spec-secret';
    process.env.JWT_TTL = '1';
    const tokens = new AccessTokenService(new JwtService());
    const token = await tokens.sign({ id: 'user-1', username: 'x', tokenVersion: 0 });
    jest.useFakeTimers({ now: Date.now() + 5000, doNotFake: ['nextTick', 'setImmediate'] });
    try {
      await expect(tokens.verify(token)).rejects.toMatchObject({
        code: 'AUTH_TOKEN_INVALID',
        message: 'Access token has expired',
      });
    } finally {
      jest.useRealTimers();
    }
  });

  it('stops an HTTP server from starting in production without JWT_SECRET', () => {
    process.env.NODE_ENV = 'production';
    delete process.env.JWT_SECRET;
    expect(() => new AccessTokenService(new JwtService(), withHttp).onApplicationBootstrap()).toThrow(
      'JWT_SECRET must be set in production',
    );
  });

  it('lets the worker (no HTTP) start without JWT_SECRET', () => {
    process.env.NODE_ENV = 'production';
    delete process.env.JWT_SECRET;
    expect(() => new AccessTokenService(new JwtService(), standalone).onApplicationBootstrap()).not.toThrow();
  });
});

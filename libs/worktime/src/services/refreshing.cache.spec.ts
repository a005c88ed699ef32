import { RefreshingCache } from './refreshing.cache';

/** A load the test resolves by hand, to order concurrent loads. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('RefreshingCache', () => {
  let now: number;
  let loads: ReturnType<typeof deferred<string>>[];
  let cache: RefreshingCache<string>;

  beforeEach(() => {
    now = 0;
    loads = [];
    cache = new RefreshingCache(
      () => {
        const load = deferred<string>();
        loads.push(load);
        return load.promise;
      },
      () => now,
      30_000,
    );
  });

  it('has nothing to peek at before the first load', () => {
    expect(cache.peek()).toBeUndefined();
    expect(cache.isFresh()).toBe(false);
  });

  it('loads once for concurrent readers and serves the value until the TTL passes', async () => {
    // when
    const first = cache.get();
    const second = cache.get();
    loads[0].resolve('v1');
    // then
    expect(await first).toBe('v1');
    expect(await second).toBe('v1');
    expect(loads).toHaveLength(1);
    now = 29_999;
    expect(await cache.get()).toBe('v1');
    expect(loads).toHaveLength(1);
  });

  it('reloads after the TTL, still serving the old value synchronously meanwhile', async () => {
    // given
    const first = cache.get();
    loads[0].resolve('v1');
    await first;
    // when
    now = 30_000;
    const reloading = cache.get();
    // then
    expect(cache.isFresh()).toBe(false);
    expect(cache.peek()).toBe('v1');
    loads[1].resolve('v2');
    expect(await reloading).toBe('v2');
    expect(cache.peek()).toBe('v2');
  });

  it('measures the TTL from when the load started', async () => {
    // given
    now = 1_000;
    const loading = cache.get();
    now = 25_000;
    loads[0].resolve('v1');
    await loading;
    // when
    now = 31_000;
    // then
    expect(cache.isFresh()).toBe(false);
  });

  it('never lets a load that started before a change overwrite the reload after it', async () => {
    // given: a TTL load is running when an admin saves
    const stale = cache.get();
    const afterChange = cache.reload();
    // when: the newer load finishes first, the older one last
    loads[1].resolve('after change');
    await afterChange;
    loads[0].resolve('before change');
    // then
    expect(await stale).toBe('after change');
    expect(cache.peek()).toBe('after change');
  });

  it('keeps the old value when a reload fails, and tries again on the next get', async () => {
    // given
    const first = cache.get();
    loads[0].resolve('v1');
    await first;
    now = 40_000;
    // when
    const failing = cache.get();
    loads[1].reject(new Error('database down'));
    // then
    await expect(failing).rejects.toThrow('database down');
    expect(cache.peek()).toBe('v1');
    const retry = cache.get();
    expect(loads).toHaveLength(3);
    loads[2].resolve('v2');
    expect(await retry).toBe('v2');
  });

  it('loads again after expire()', async () => {
    // given
    const first = cache.get();
    loads[0].resolve('v1');
    await first;
    // when
    cache.expire();
    const next = cache.get();
    // then
    expect(loads).toHaveLength(2);
    loads[1].resolve('v2');
    expect(await next).toBe('v2');
  });
});

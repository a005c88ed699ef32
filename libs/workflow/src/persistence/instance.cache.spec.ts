import { InstanceCache, type CachedTask } from './instance.cache';
import type { InstanceRow } from './instances.repository';

const row = (id: string, rev: number): InstanceRow => ({
  id,
  definitionId: 'd1',
  definitionKey: 'k',
  version: 1,
  procedureCode: null,
  businessKey: null,
  unitCode: 'U1',
  status: 'running',
  state: { status: 'running', variables: { rev } },
  rev,
  openIncidentJobs: [],
});
const task = (id: string, instanceId: string): CachedTask => ({
  id,
  instanceId,
  unitCode: 'U1',
  candidateGroups: ['reception'],
  assignee: null,
});

describe('InstanceCache', () => {
  it('finds a task it was told about, with its instance as last committed', () => {
    // given
    const cache = new InstanceCache(10);
    cache.put(row('i1', 1), [task('t1', 'i1')], []);
    cache.put(row('i1', 2), [task('t2', 'i1')], ['t1']);
    // then the closed task is gone, the new one points at revision 2
    expect(cache.task('t1')).toBeUndefined();
    expect(cache.task('t2')?.instance.rev).toBe(2);
    expect(cache.task('t2')?.task.candidateGroups).toEqual(['reception']);
  });

  it('keeps the newer revision when two commands report out of order', () => {
    const cache = new InstanceCache(10);
    cache.put(row('i1', 3), [task('t3', 'i1')], []);
    cache.put(row('i1', 2), [task('t2', 'i1')], []);
    expect(cache.instance('i1')?.rev).toBe(3);
    expect(cache.task('t2')).toBeUndefined();
  });

  it('forgets an instance and its tasks', () => {
    const cache = new InstanceCache(10);
    cache.put(row('i1', 1), [task('t1', 'i1')], []);
    cache.forget('i1');
    expect(cache.instance('i1')).toBeUndefined();
    expect(cache.task('t1')).toBeUndefined();
  });

  it('evicts the least recently used instance beyond its size, with its tasks', () => {
    // given a cache of two where i1 was read after i2 was written
    const cache = new InstanceCache(2);
    cache.put(row('i1', 1), [task('t1', 'i1')], []);
    cache.put(row('i2', 1), [task('t2', 'i2')], []);
    cache.instance('i1');
    // when a third arrives
    cache.put(row('i3', 1), [task('t3', 'i3')], []);
    // then i2 went
    expect(cache.size).toBe(2);
    expect(cache.task('t2')).toBeUndefined();
    expect(cache.task('t1')?.instance.id).toBe('i1');
    expect(cache.task('t3')?.instance.id).toBe('i3');
  });

  it('holds nothing when its size is 0 (INSTANCE_CACHE_SIZE=0)', () => {
    const cache = new InstanceCache(0);
    cache.put(row('i1', 1), [task('t1', 'i1')], []);
    expect(cache.size).toBe(0);
    expect(cache.task('t1')).toBeUndefined();
  });
});

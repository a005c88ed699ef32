import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { LocalFileStorage } from './local-file.storage';

describe('LocalFileStorage', () => {
  let root: string;
  let storage: LocalFileStorage;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'motcua-local-storage-'));
    storage = new LocalFileStorage(join(root, 'store'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates its directory at start and stores, measures and reads a blob', async () => {
    expect(readdirSync(join(root, 'store')).sort()).toEqual(['objects', 'tmp']);
    const stored = await storage.put('ab/abc', Readable.from([Buffer.from('%PDF-'), Buffer.from('1.7')]));
    expect(stored).toEqual({ size: 8, sha256: createHash('sha256').update('%PDF-1.7').digest('hex') });
    expect((await buffer(await storage.get('ab/abc'))).toString()).toBe('%PDF-1.7');
    expect(readdirSync(join(root, 'store', 'tmp'))).toEqual([]);
    expect(await storage.keys()).toEqual(['ab/abc']);
  });

  it('never overwrites a stored blob, and leaves no partial write when refused or failed', async () => {
    await storage.put('ab/abc', Readable.from([Buffer.from('first')]));
    await expect(storage.put('ab/abc', Readable.from([Buffer.from('second')]))).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(readFileSync(join(root, 'store', 'objects', 'ab', 'abc'), 'utf8')).toBe('first');
    const failing = Readable.from(
      (async function* () {
        yield Buffer.from('part');
        throw new Error('client went away');
      })(),
    );
    await expect(storage.put('cd/def', failing)).rejects.toThrow('client went away');
    expect(await storage.exists('cd/def')).toBe(false);
    expect(readdirSync(join(root, 'store', 'tmp'))).toEqual([]);
  });

  it('refuses keys outside its objects, answers FILE_BLOB_MISSING for an absent one, and sweeps old partial writes only', async () => {
    expect(() => storage.pathOf('../../etc/passwd')).toThrow(/outside the store/);
    await expect(storage.get('ab/none')).rejects.toMatchObject({ code: 'FILE_BLOB_MISSING' });
    mkdirSync(join(root, 'store', 'tmp'), { recursive: true });
    writeFileSync(join(root, 'store', 'tmp', 'old.part'), 'x');
    expect(await storage.sweepIncomplete(new Date(Date.now() - 60_000))).toBe(0);
    expect(await storage.sweepIncomplete(new Date(Date.now() + 60_000))).toBe(1);
    expect(readdirSync(join(root, 'store', 'tmp'))).toEqual([]);
  });

  it('stores a body of many small chunks in batches, measured and byte for byte', async () => {
    const bytes = Buffer.from(Array.from({ length: 3 * 1024 * 1024 + 17 }, (_, i) => (i * 7919) % 251));
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7000) }, (_, i) =>
      bytes.subarray(i * 7000, (i + 1) * 7000),
    );
    const stored = await storage.put('ef/big', Readable.from(chunks));
    expect(stored).toEqual({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(readFileSync(join(root, 'store', 'objects', 'ef', 'big')).equals(bytes)).toBe(true);
  });

  it('links nothing before `ready`, and nothing at all when it rejects (the in-flight row failed)', async () => {
    let release!: () => void;
    const ready = new Promise<void>((resolve) => (release = resolve));
    const putting = storage.put('ab/late', Readable.from([Buffer.from('%PDF-1.7')]), ready);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await storage.exists('ab/late')).toBe(false);
    release();
    await putting;
    expect(await storage.exists('ab/late')).toBe(true);
    const refused = Promise.reject(new Error('no row'));
    refused.catch(() => undefined);
    await expect(storage.put('ab/never', Readable.from([Buffer.from('%PDF-1.7')]), refused)).rejects.toThrow('no row');
    expect(await storage.exists('ab/never')).toBe(false);
    expect(readdirSync(join(root, 'store', 'tmp'))).toEqual([]);
  });
});

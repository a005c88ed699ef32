/** 20 MB: a scanned multi-page PDF at 300 dpi; configurable per deployment (issue 16). */
export const DEFAULT_FILE_MAX_BYTES = 20 * 1024 * 1024;

/** Settings of libs/files, read from the environment once at start. */
export interface FilesConfig {
  driver: 'local' | 's3';
  /** Local driver's directory. */
  dir: string;
  maxBytes: number;
  /** Most files in one upload request. */
  maxFilesPerRequest: number;
  /** An upload in flight for longer than this is taken as dead: the sweep removes its blob. */
  staleAfterMs: number;
  /** How often each process sweeps (it also sweeps once at start); 0: only at start. */
  sweepIntervalMs: number;
  s3: { endpoint?: string; bucket: string; region: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean };
}

const positive = (raw: string | undefined, fallback: number, name: string): number => {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0, got "${raw}"`);
  return value;
};

export function filesConfig(env: NodeJS.ProcessEnv = process.env): FilesConfig {
  const driver = (env.FILES_DRIVER ?? 'local').toLowerCase();
  if (driver !== 'local' && driver !== 's3') throw new Error(`FILES_DRIVER must be "local" or "s3", got "${env.FILES_DRIVER}"`);
  if (driver === 's3' && !env.S3_BUCKET) throw new Error('FILES_DRIVER=s3 needs S3_BUCKET');
  return {
    driver,
    dir: env.FILES_DIR || './data/files',
    maxBytes: positive(env.FILE_MAX_BYTES, DEFAULT_FILE_MAX_BYTES, 'FILE_MAX_BYTES') || DEFAULT_FILE_MAX_BYTES,
    maxFilesPerRequest: positive(env.FILES_PER_REQUEST, 20, 'FILES_PER_REQUEST') || 20,
    // Node ends a request after 5 minutes (server.requestTimeout); an hour leaves a wide margin.
    staleAfterMs: positive(env.FILES_STALE_AFTER_MS, 60 * 60 * 1000, 'FILES_STALE_AFTER_MS'),
    sweepIntervalMs: positive(env.FILES_SWEEP_INTERVAL_MS, 10 * 60 * 1000, 'FILES_SWEEP_INTERVAL_MS'),
    s3: {
      endpoint: env.S3_ENDPOINT || undefined,
      bucket: env.S3_BUCKET ?? '',
      region: env.S3_REGION || 'us-east-1',
      accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
      forcePathStyle: ['1', 'true', 'yes'].includes((env.S3_FORCE_PATH_STYLE ?? '').toLowerCase()),
    },
  };
}

import { ConfigError, setting } from '../../config/src';

/** Settings of libs/files (libs/config's "Files" group), read once at start. */
export interface FilesConfig {
  driver: 'local' | 's3';
  /** Local driver's directory. */
  dir: string;
  maxBytes: number;
  /** Most files in one upload request. */
  maxFilesPerRequest: number;
  /** An upload in flight for longer than this is taken as dead: the sweep removes its blob. Node ends a request after 5 minutes (server.requestTimeout). */
  staleAfterMs: number;
  /** How often each process sweeps (it also sweeps once at start); 0: only at start. */
  sweepIntervalMs: number;
  s3: {
    endpoint?: string;
    bucket: string;
    region: string;
    accessKeyId?: string;
    secretAccessKey?: string;
    forcePathStyle: boolean;
  };
}

export function filesConfig(env: NodeJS.ProcessEnv = process.env): FilesConfig {
  const driver = setting('FILES_DRIVER', env);
  const bucket = setting('S3_BUCKET', env);
  if (driver === 's3' && !bucket)
    throw new ConfigError('FILES_DRIVER=s3 needs S3_BUCKET, the bucket to keep the files in');
  return {
    driver,
    dir: setting('FILES_DIR', env),
    maxBytes: setting('FILE_MAX_BYTES', env),
    maxFilesPerRequest: setting('FILES_PER_REQUEST', env),
    staleAfterMs: setting('FILES_STALE_AFTER_MS', env),
    sweepIntervalMs: setting('FILES_SWEEP_INTERVAL_MS', env),
    s3: {
      endpoint: setting('S3_ENDPOINT', env),
      bucket: bucket ?? '',
      region: setting('S3_REGION', env),
      accessKeyId: setting('S3_ACCESS_KEY_ID', env),
      secretAccessKey: setting('S3_SECRET_ACCESS_KEY', env),
      forcePathStyle: setting('S3_FORCE_PATH_STYLE', env),
    },
  };
}

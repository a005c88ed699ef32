import type { FilesConfig } from '../files.config';
import type { FileStorage } from './file-storage';
import { LocalFileStorage } from './local-file.storage';
import { S3FileStorage } from './s3-file.storage';

/** The driver `FILES_DRIVER` names: `local` (default, `FILES_DIR`) or `s3`. */
export function fileStorageFor(config: FilesConfig): FileStorage {
  return config.driver === 's3' ? new S3FileStorage(config.s3) : new LocalFileStorage(config.dir);
}

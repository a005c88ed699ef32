import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import type { FilesConfig } from '../files.config';
import type { FileStorage, StoredBlob } from './file-storage';
import { blobMissing } from './local-file.storage';
import { MeasuringStream } from './measuring.stream';

/** 5 MB parts (S3's minimum), at most two in memory: a 20 MB upload holds ≤ 10 MB, never the whole file. */
const PART_SIZE = 5 * 1024 * 1024;
const QUEUE_SIZE = 2;

/**
 * Blobs in an S3-compatible bucket (AWS, MinIO, the provincial data centre's object store). A put
 * is one PutObject for a small file or a multipart upload, which S3 makes visible only when
 * complete; a failed one is aborted. A crash mid-multipart leaves an incomplete upload, invisible
 * but billed: {@link sweepIncomplete} aborts those (a bucket lifecycle rule can do it as well).
 */
export class S3FileStorage implements FileStorage {
  readonly driver = 's3';
  readonly client: S3Client;

  constructor(
    private readonly s3: FilesConfig['s3'],
    client?: S3Client,
  ) {
    const config: S3ClientConfig = {
      region: s3.region,
      forcePathStyle: s3.forcePathStyle,
      endpoint: s3.endpoint,
      // Checksums only where S3 requires them: we hash every byte ourselves, and many S3-compatible
      // stores do not read the SDK's default CRC32 trailers on streamed (aws-chunked) bodies.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    };
    if (s3.accessKeyId && s3.secretAccessKey)
      config.credentials = { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey };
    this.client = client ?? new S3Client(config);
  }

  async put(key: string, body: Readable, ready?: Promise<unknown>): Promise<StoredBlob> {
    const measuring = new MeasuringStream();
    body.on('error', (error) => measuring.destroy(error));
    body.pipe(measuring);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.s3.bucket, Key: key, Body: measuring },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
      leavePartsOnError: false,
    });
    // lib-storage stops reading on a part failure but not on a source error: abort it ourselves.
    const failed = new Promise<never>((_, reject) =>
      measuring.once('error', (error) => {
        void upload.abort().catch(() => undefined);
        reject(error);
      }),
    );
    try {
      // Nothing is sent before the in-flight row exists (an object could appear without it).
      if (ready) {
        await Promise.race([ready, failed]).catch((error: unknown) => {
          measuring.destroy();
          throw error;
        });
      }
      await Promise.race([upload.done(), failed]);
    } catch (error) {
      await this.delete(key).catch(() => undefined);
      throw error;
    }
    return measuring.measured();
  }

  async get(key: string): Promise<Readable> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.s3.bucket, Key: key }));
      return answer.Body as Readable;
    } catch (error) {
      if (isNotFound(error)) throw blobMissing(key);
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.s3.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.s3.bucket, Key: key }));
  }

  async sweepIncomplete(before: Date): Promise<number> {
    try {
      return await this.abortMultipartUploads(before);
    } catch (error) {
      // Some stores (s3rver) do not list multipart uploads: a bucket lifecycle rule must abort them there.
      if ((error as { name?: string }).name === 'NotImplemented') return 0;
      throw error;
    }
  }

  private async abortMultipartUploads(before: Date): Promise<number> {
    let removed = 0;
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    do {
      const page = await this.client.send(
        new ListMultipartUploadsCommand({
          Bucket: this.s3.bucket,
          KeyMarker: keyMarker,
          UploadIdMarker: uploadIdMarker,
        }),
      );
      for (const upload of page.Uploads ?? []) {
        if (upload.Initiated && upload.Initiated.getTime() < before.getTime()) {
          await this.client.send(
            new AbortMultipartUploadCommand({ Bucket: this.s3.bucket, Key: upload.Key, UploadId: upload.UploadId }),
          );
          removed++;
        }
      }
      keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      uploadIdMarker = page.IsTruncated ? page.NextUploadIdMarker : undefined;
    } while (keyMarker);
    return removed;
  }
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

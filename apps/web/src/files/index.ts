/** The files UI (issue 16, item 4): see file-uploader.tsx for how to use it. */
export { FileUploader, type FileUploaderProps } from './file-uploader';
export { FileList, type FileListProps } from './file-list';
export { formatSize, fileErrorMessage, FILE_ERROR_MESSAGES, ACCEPTED_TYPES } from './file-format';
export {
  listDossierFiles,
  listPublicResults,
  downloadDossierFile,
  fileDownloadPath,
  type PublicResults,
  type StoredFile,
  type FileKind,
} from './files.api';

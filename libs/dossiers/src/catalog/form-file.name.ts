import { AppError } from '../../../common/src';
import { settingAtLoad } from '../../../config/src';

/** Blank forms applicants download: documents, spreadsheets, PDFs and HTML, nothing executable. */
export const FORM_EXTENSIONS = [
  'pdf',
  'doc',
  'docx',
  'odt',
  'rtf',
  'xls',
  'xlsx',
  'ods',
  'html',
  'htm',
  'txt',
] as const;
export const FORM_MAX_BYTES = settingAtLoad('FORM_MAX_BYTES');

/**
 * The stored name of an uploaded form: the browser's name without its folders, Vietnamese
 * letters written without marks (`Tờ khai.docx` → `to-khai.docx`), anything else a dash.
 * 400 `FORM_FILE_INVALID` for an extension outside {@link FORM_EXTENSIONS} or nothing left.
 */
export function formFileName(original: string): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  if (!(FORM_EXTENSIONS as readonly string[]).includes(extension)) {
    throw AppError.badRequest('FORM_FILE_INVALID', `Form templates must be one of ${FORM_EXTENSIONS.join(', ')}`, {
      file: base,
    });
  }
  const stem = base
    .slice(0, dot)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^0-9a-z._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, 90);
  if (!stem) throw AppError.badRequest('FORM_FILE_INVALID', 'The file name has no letters or digits', { file: base });
  return `${stem}.${extension}`;
}

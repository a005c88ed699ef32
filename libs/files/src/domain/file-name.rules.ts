import { AppError } from '../../../common/src';

/** Longest stored name, in characters (the column allows 255). */
export const FILE_NAME_MAX = 200;

/**
 * The name a file is stored and downloaded under: the client's name without any folder part
 * (`../../etc/passwd` → `passwd`, `C:\scan\a.pdf` → `a.pdf`), NFC, without control or bidi
 * override characters, trimmed, at most {@link FILE_NAME_MAX} characters (the extension kept).
 * 400 `FILE_NAME_INVALID` when nothing usable is left (`..`, empty, only dots or spaces).
 */
export function sanitizeFileName(original: string | undefined): string {
  const base = (original ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\t\n\r\v\f]/g, ' ')
    // C0/C1 controls, DEL, and the bidi controls that make `exe.pdf` read as `fdp.exe`.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .trim();
  if (!cleaned || !/[\p{L}\p{N}]/u.test(cleaned)) {
    throw AppError.badRequest(
      'FILE_NAME_INVALID',
      'The file name must contain a letter or digit (folders and control characters are removed)',
      { fileName: base.slice(0, FILE_NAME_MAX) },
    );
  }
  return truncateKeepingExtension(cleaned, FILE_NAME_MAX);
}

function truncateKeepingExtension(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return [...name.slice(0, name.length - extension.length)].slice(0, max - [...extension].length).join('') + extension;
}

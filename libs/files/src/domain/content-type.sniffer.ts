/** The types a dossier file may have (issue 16): scans and photos of paper documents. */
export const ALLOWED_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AllowedContentType = (typeof ALLOWED_CONTENT_TYPES)[number];

/** Leading bytes of each allowed type (ISO 32000 §7.5.2, JPEG SOI + marker, PNG signature). */
const SIGNATURES: { type: AllowedContentType; magic: number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** Bytes needed to decide: the longest signature. */
export const SNIFF_BYTES = Math.max(...SIGNATURES.map((s) => s.magic.length));

/**
 * The type of a file by its first bytes, never by its name or the client's Content-Type: an
 * executable renamed `.pdf` starts with `MZ` or `\x7fELF` and gets undefined.
 */
export function sniffContentType(head: Uint8Array): AllowedContentType | undefined {
  return SIGNATURES.find(({ magic }) => head.length >= magic.length && magic.every((byte, i) => head[i] === byte))
    ?.type;
}

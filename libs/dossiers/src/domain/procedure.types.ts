import type { FormField } from '../../../common/src/form-fields';
import type { LegalTime } from '../../../calendar/src';

export type Channel = 'direct' | 'online' | 'postal';
export const CHANNELS: readonly Channel[] = ['direct', 'online', 'postal'];

/** How a document is handed in: the original, a certified copy or a plain copy. */
export const DOCUMENT_KINDS = ['original', 'certified_copy', 'copy'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A document the applicant brings (original, certified copy or plain copy). */
export interface RequiredDocument {
  code: string;
  name: string;
  kind: DocumentKind;
  required: boolean;
}

/** A catalog entry (processes/catalog.json), as served by `GET /api/procedures/:code`. */
export interface Procedure {
  code: string;
  name: string;
  field: string;
  level: string;
  legalTime: LegalTime & { days?: number; hours?: number; sameDay?: boolean };
  /** VND, integer. */
  fee: number;
  feeRules: string | null;
  requiredDocuments: RequiredDocument[];
  formTemplates: { name: string; file: string }[];
  processKey: string;
  /** A pinned deployed version of `processKey`; null or absent: the latest version. */
  processVersion?: number | null;
  channels: Channel[];
  published: boolean;
  /** The citizen may download the result file with the dossier's code and lookup key (issue 16); absent: false. */
  electronicResult?: boolean;
  /**
   * The e-form a citizen fills to submit online (tờ khai điện tử, issue 18 item 3): fields as a
   * step's `mc:form` draws them (libs/common form-fields); null or absent: no declaration beyond the applicant.
   */
  eForm?: { fields: FormField[] } | null;
  /** The unit whose administrators (and those above) manage the entry; null: the province (issue 15). */
  ownerUnitCode?: string | null;
}

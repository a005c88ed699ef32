import { matchesFolded } from '../../../../libs/common/src/vietnamese-fold';

/**
 * Search settings for the lists filtered in the browser (unit trees, procedure and process selects,
 * the audit actions): "dang ky" finds "Đăng ký", "nguyen" finds "Nguyễn" — the folding the server's
 * searches use (issue 19 item 2).
 */
export const foldedLabelSearch = {
  filterOption: (input: string, option?: { label?: unknown }) => matchesFolded(String(option?.label ?? ''), input),
};

/** The same for a TreeSelect whose nodes carry their text in `title`. */
export const foldedTitleSearch = {
  filterTreeNode: (input: string, node: { title?: unknown }) => matchesFolded(String(node.title ?? ''), input),
};

import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * Longer than this with no space, a "word" is a typed-in run (an e-mail, a pasted code, a hostile
 * name) rather than Vietnamese: pdfmake would draw it past the margin, under the QR code and off
 * the page, so such a text may break anywhere (`wordBreak: 'break-all'`). Ordinary text keeps
 * breaking between words. Issue 15, item 8.
 */
export const LONGEST_UNBROKEN_WORD = 40;
const LONG_WORD = new RegExp(`\\S{${LONGEST_UNBROKEN_WORD + 1}}`);

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The text itself, or the same text allowed to break anywhere when it holds a long run. */
function breakable(text: string): Content {
  return LONG_WORD.test(text) ? { text, wordBreak: 'break-all' } : text;
}

function visit(content: unknown): unknown {
  if (typeof content === 'string') return breakable(content);
  if (Array.isArray(content)) return content.map(visit);
  if (!isNode(content)) return content;
  const node: Node = { ...content };
  if (typeof node.text === 'string') {
    if (LONG_WORD.test(node.text)) node.wordBreak = 'break-all';
  } else if (Array.isArray(node.text)) {
    node.text = node.text.map(visit);
  }
  for (const key of ['stack', 'columns', 'ul', 'ol'] as const) {
    if (Array.isArray(node[key])) node[key] = (node[key] as unknown[]).map(visit);
  }
  if (isNode(node.table) && Array.isArray(node.table.body)) {
    node.table = { ...node.table, body: (node.table.body as unknown[][]).map((row) => row.map(visit)) };
  }
  return node;
}

/** The document with every text that holds a run longer than {@link LONGEST_UNBROKEN_WORD} allowed to break anywhere. */
export function withBreakableLongWords(doc: TDocumentDefinitions): TDocumentDefinitions {
  return { ...doc, content: visit(doc.content) as Content };
}

import type { Content } from 'pdfmake/interfaces';
import { LONGEST_UNBROKEN_WORD, withBreakableLongWords } from './long-words.layout';

const long = 'X'.repeat(LONGEST_UNBROKEN_WORD + 1);
const ok = `${'X'.repeat(LONGEST_UNBROKEN_WORD)} Phường Tân Lợi`;

describe('withBreakableLongWords', () => {
  it('lets a text with a run past the bound break anywhere, wherever it sits', () => {
    // given a form with long runs in a text node, an inline run, a column stack and a table cell
    const content: Content = [
      { text: long, bold: true },
      { text: [{ text: 'Địa chỉ: ' }, { text: long, bold: true }] },
      { columns: [{ stack: [long] }, { image: `data:image/png;base64,${'A'.repeat(200)}`, width: 104 }] },
      { table: { body: [['1', long]] } },
    ];
    // when it is prepared for rendering
    const out = withBreakableLongWords({ content }).content as Content[];
    // then each long run may break anywhere, the rest is unchanged
    expect(out[0]).toEqual({ text: long, bold: true, wordBreak: 'break-all' });
    expect(out[1]).toEqual({ text: [{ text: 'Địa chỉ: ' }, { text: long, bold: true, wordBreak: 'break-all' }] });
    expect(out[2]).toEqual({
      columns: [
        { stack: [{ text: long, wordBreak: 'break-all' }] },
        { image: `data:image/png;base64,${'A'.repeat(200)}`, width: 104 },
      ],
    });
    expect(out[3]).toEqual({ table: { body: [['1', { text: long, wordBreak: 'break-all' }]] } });
  });

  it('leaves ordinary text to break between words', () => {
    // given text whose longest run is exactly the bound
    const content: Content = [{ text: ok }, ok];
    // then nothing changes
    expect(withBreakableLongWords({ content }).content).toEqual([{ text: ok }, ok]);
  });
});

import { parseSmsCommand } from './sms-command';

const CODE = '000.00.20.H15-261128-0001';

describe('parseSmsCommand', () => {
  it.each([
    `HS ${CODE}`,
    `hs ${CODE}`,
    `  Hs    ${CODE}  `,
    `TRACUU ${CODE}`,
    `tracuu ${CODE}`,
    `TRA CUU ${CODE}`,
    `tra cứu ${CODE}`,
    `TRA CỨU ${CODE}`,
    `TRACỨU\t${CODE}`,
    `hs ${CODE.toLowerCase()}`,
    // issue 18 item 7: as people type on a phone
    `HS${CODE}`,
    `hs${CODE.toLowerCase()}`,
    `HS: ${CODE}`,
    `HS ${CODE}.`,
    `HS 000.00.20.H15 - 261128 - 0001`,
    `HS 000. 00. 20. H15-261128-0001`,
    `tracuu${CODE}`,
    `TRA CỨU: ${CODE}`,
    `\n hs \t ${CODE} \n`,
  ])('reads a lookup from %j', (text) => {
    expect(parseSmsCommand(text)).toEqual({ kind: 'lookup', code: CODE });
  });

  it.each([
    '',
    'HS',
    'HS   ',
    'TRACUU',
    'xin chào',
    'Tôi muốn hỏi hồ sơ',
    '😀😀',
    `HSX ${CODE}`,
    `HS ${CODE} thêm chữ`,
    'a'.repeat(2000),
    `HS HS${CODE}`,
    `HSABC-123`,
    `HS ${CODE} ${CODE}`,
  ])('asks for help on %j', (text) => {
    expect(parseSmsCommand(text)).toEqual({ kind: 'help' });
  });
});

describe('parseSmsCommand: DG <code> <1-5> (ADR 0030)', () => {
  it.each([
    [`DG ${CODE} 5`, 5],
    [`dg ${CODE.toLowerCase()} 4`, 4],
    [`DG${CODE} 3`, 3],
    [`Đg   ${CODE}   2`, 2],
    [`đg ${CODE} 1`, 1],
    [`ĐÁNH GIÁ ${CODE} 5`, 5],
    [`danh gia: ${CODE}, 4 diem`, 4],
    [`DG ${CODE}:5`, 5],
    [`DG ${CODE}/5`, 5],
    [`DG ${CODE}-5`, 5],
    [`DG 000.00.20.H15 - 261128 - 0001 - 5`, 5],
    [`DG ${CODE} 5 sao.`, 5],
    [`\n dg \t ${CODE} \t 5 \n`, 5],
  ])('reads a rating from %j', (text, score) => {
    expect(parseSmsCommand(text)).toEqual({ kind: 'rate', code: CODE, score });
  });

  it.each([`DG ${CODE}`, `DG ${CODE} 6`, `DG ${CODE} 0`, `DG ${CODE} 45`, 'DG', 'dg hello', `DG ${CODE} 5 cam on`])(
    'answers %j with the rating help',
    (text) => {
      expect(parseSmsCommand(text)).toEqual({ kind: 'rate-help' });
    },
  );

  it('leaves other words starting with DG to the general help', () => {
    expect(parseSmsCommand('DGX 123')).toEqual({ kind: 'help' });
    expect(parseSmsCommand(`HS ${CODE}`)).toEqual({ kind: 'lookup', code: CODE });
  });
});

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

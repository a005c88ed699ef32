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
  ])('reads a lookup from %j', (text) => {
    expect(parseSmsCommand(text)).toEqual({ kind: 'lookup', code: CODE });
  });

  it.each(['', 'HS', 'HS   ', 'TRACUU', 'xin chào', 'Tôi muốn hỏi hồ sơ', '😀😀', `HSX ${CODE}`, `HS ${CODE} thêm chữ`, 'a'.repeat(2000)])(
    'asks for help on %j',
    (text) => {
      expect(parseSmsCommand(text)).toEqual({ kind: 'help' });
    },
  );
});

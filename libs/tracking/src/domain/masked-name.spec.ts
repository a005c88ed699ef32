import { maskName } from './masked-name';

describe('maskName', () => {
  it.each([
    ['Nguyễn Văn An', 'Nguyễn V** A*'],
    ['Nguyễn Thị Ánh Tuyết', 'Nguyễn T** Á** T****'],
    ['  Lê   Minh ', 'Lê M***'],
    ['Trần', 'Trần'],
  ])('%s → %s', (given, expected) => {
    expect(maskName(given)).toBe(expected);
  });
});

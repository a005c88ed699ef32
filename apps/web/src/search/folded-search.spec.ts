import { describe, expect, it } from '@jest/globals';
import { foldedLabelSearch, foldedTitleSearch } from './folded-search';

describe('folded search of the client-side pickers', () => {
  it('a select finds "Đăng ký thành lập hộ kinh doanh" by "dang ky ho" and not by "dang ky hx"', () => {
    const option = { value: '1.001612', label: 'Đăng ký thành lập hộ kinh doanh (1.001612)' };
    expect(foldedLabelSearch.filterOption('thanh lap ho', option)).toBe(true);
    expect(foldedLabelSearch.filterOption('DANG KY', option)).toBe(true);
    expect(foldedLabelSearch.filterOption('dang ky hx', option)).toBe(false);
  });

  it('a unit tree finds "Phường Tân Lợi" by "tan loi"', () => {
    expect(foldedTitleSearch.filterTreeNode('tan loi', { title: 'Phường Tân Lợi (000.20.20.H15)' })).toBe(true);
    expect(foldedTitleSearch.filterTreeNode('tan lai', { title: 'Phường Tân Lợi (000.20.20.H15)' })).toBe(false);
  });
});

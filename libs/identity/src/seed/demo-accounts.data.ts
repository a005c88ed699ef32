import { DEMO_CITY_CODE, DEMO_PROVINCE_CODE } from './demo-units.data';

export interface DemoAccount {
  username: string;
  fullName: string;
  unitCode: string;
  roles: string[];
}

/**
 * Demo accounts (password: `DEMO_PASSWORD`, default `motcua-demo`). The five main ones are in
 * the city, which receives dossiers; the others do the inter-agency steps of the shipped
 * procedures, and `specialist.tuphap` is a specialist of another unit (for access tests).
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', fullName: 'Nguyễn Văn An', unitCode: DEMO_CITY_CODE, roles: ['admin'] },
  { username: 'reception', fullName: 'Trần Thị Thu Hà', unitCode: DEMO_CITY_CODE, roles: ['reception'] },
  { username: 'specialist', fullName: 'Lê Văn Minh', unitCode: DEMO_CITY_CODE, roles: ['specialist'] },
  { username: 'head', fullName: 'Phạm Thị Lan', unitCode: DEMO_CITY_CODE, roles: ['head'] },
  { username: 'leader', fullName: 'Hoàng Văn Thắng', unitCode: DEMO_CITY_CODE, roles: ['leader'] },
  { username: 'specialist.tuphap', fullName: 'Đỗ Thị Mai', unitCode: '000.02.20.H15', roles: ['specialist'] },
  { username: 'specialist.tnmt', fullName: 'Vũ Đức Long', unitCode: '000.03.20.H15', roles: ['specialist:land'] },
  { username: 'head.tnmt', fullName: 'Bùi Thị Hương', unitCode: '000.03.20.H15', roles: ['head'] },
  {
    username: 'specialist.qldt',
    fullName: 'Đặng Văn Hùng',
    unitCode: '000.04.20.H15',
    roles: ['specialist:construction'],
  },
  { username: 'head.qldt', fullName: 'Ngô Thị Thanh', unitCode: '000.04.20.H15', roles: ['head'] },
  {
    username: 'specialist.tckh',
    fullName: 'Dương Minh Tuấn',
    unitCode: '000.05.20.H15',
    roles: ['specialist:business'],
  },
  { username: 'specialist.vpdk', fullName: 'Huỳnh Thị Ngọc', unitCode: '000.06.20.H15', roles: ['specialist:land'] },
  { username: 'head.vpdk', fullName: 'Phan Văn Dũng', unitCode: '000.06.20.H15', roles: ['head'] },
  { username: 'leader.tinh', fullName: 'Võ Văn Bình', unitCode: DEMO_PROVINCE_CODE, roles: ['leader'] },
  { username: 'reception.tanloi', fullName: 'Lâm Thị Kim', unitCode: '000.20.20.H15', roles: ['reception'] },
  {
    username: 'specialist.tanloi',
    fullName: 'Trương Văn Phúc',
    unitCode: '000.20.20.H15',
    roles: ['specialist:civil'],
  },
  { username: 'leader.tanloi', fullName: 'Mai Xuân Trường', unitCode: '000.20.20.H15', roles: ['leader'] },
];

/** Password of the demo accounts when `DEMO_PASSWORD` is unset. */
export const DEFAULT_DEMO_PASSWORD = 'motcua-demo';

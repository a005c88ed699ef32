import { createHash, createHmac } from 'node:crypto';

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'H',
  'Y',
  'Ksor',
  'Niê',
];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Xuân', 'Quang', 'Thu', 'Kim', 'Công'];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Trang',
  'Tuấn',
  'Vân',
  'Việt',
  'Yến',
  'Blô',
  'Hlinh',
];
const MOBILE = [
  '090',
  '091',
  '093',
  '094',
  '096',
  '097',
  '098',
  '086',
  '088',
  '032',
  '035',
  '038',
  '070',
  '079',
  '081',
  '085',
];

/** A small deterministic generator (mulberry32), so a size gives the same data every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plausible applicant: Kinh and Ê Đê names, a 12-digit CCCD of Đắk Lắk (066…), a mobile number. */
export function applicantFor(random: () => number): { fullName: string; idNumber: string; phone: string } {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  return {
    fullName: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
    idNumber: `066${digits(9)}`,
    phone: `${pick(MOBILE)}${digits(7)}`,
  };
}

const KEY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Seed of the generated lookup keys: benchmarks recompute a dossier's key from its code. */
const KEY_SEED = process.env.BENCH_KEY_SEED ?? 'motcua-bench-keys';

/** The lookup key printed on a generated dossier's receipt (6 characters of the app's alphabet). */
export function lookupKeyFor(code: string): string {
  const mac = createHmac('sha256', KEY_SEED).update(code).digest();
  let key = '';
  for (let i = 0; i < 6; i++) key += KEY_ALPHABET[mac[i] % KEY_ALPHABET.length];
  return key;
}

/** The stored hash, exactly as LookupKeyService hashes (libs/dossiers): sha256(pepper, code, key). */
export function lookupKeyHash(code: string, key: string): string {
  const pepper = process.env.LOOKUP_KEY_PEPPER || 'motcua-dev-pepper';
  return createHash('sha256').update(`${pepper}\u0000${code}\u0000${key.trim().toUpperCase()}`).digest('hex');
}

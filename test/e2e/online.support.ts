import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { TestServer } from '../support/test-app';
import { samples } from './files.support';

/** The household business registration (dang-ky-ho-kinh-doanh) and a valid answer to its e-form. */
export const HKD = '1.001612';
export const hkdAnswers = (name = 'Hộ kinh doanh Bánh mì Cô Ba') => ({
  kinhGui: 'Phòng Tài chính – Kế hoạch thành phố Buôn Ma Thuột',
  tenHoKinhDoanh: name,
  diaChiTruSo: '12 Lê Duẩn, phường Tân Lợi',
  nganhNghe: 'Bán lẻ bánh mì, đồ uống',
  vonKinhDoanh: 50_000_000,
  soLaoDong: '3',
  camKet: true,
});
export const applicant = (idNumber = '066190001234') => ({
  fullName: 'Nguyễn Thị Trực Tuyến',
  idNumber,
  address: '12 Lê Duẩn, phường Tân Lợi',
});

/** A phone number of its own for each run and call, so the sign-in limits and lists of other runs do not meet. */
export function freshPhone(): string {
  return `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/** Stages one file for a document of the procedure; the staged file's id. */
export function stage(
  server: TestServer,
  token: string,
  documentKey: string,
  bytes = samples.pdf(),
  fileName = `${documentKey}.pdf`,
  procedure = HKD,
): request.Test {
  return request(server.url)
    .post(`/api/online/procedures/${procedure}/files`)
    .set('Authorization', `Bearer ${token}`)
    .field('documentKey', documentKey)
    .attach('file', bytes, fileName);
}

/** Stages the two required files of household business registration; their ids. */
export async function stageBoth(server: TestServer, token: string): Promise<string[]> {
  const a = await stage(server, token, 'giay-de-nghi').expect(201);
  const b = await stage(server, token, 'giay-to-phap-ly', samples.jpeg(), 'cccd.jpg').expect(201);
  return [a.body.items[0].id, b.body.items[0].id];
}

export function submit(server: TestServer, token: string, body: object, key: string = randomUUID(), procedure = HKD) {
  return request(server.url)
    .post(`/api/online/procedures/${procedure}/submissions`)
    .set('Authorization', `Bearer ${token}`)
    .set('Idempotency-Key', key)
    .send(body);
}

import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { postFrom } from './security/from-address.support';

/** A mobile number no other test uses (09x + 8 random digits). */
export const newCitizenPhone = () => `09${String(randomInt(10 ** 8)).padStart(8, '0')}`;

/** A loopback address of its own (the whole 127/8 is local): the per-address limits count each apart. */
export const newLoopback = () => `127.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(2, 250)}`;

/** The code of the newest sign-in SMS to `phone`, as the SMS outbox holds it for the gateway. */
export async function codeFromOutbox(db: DataSource, phone: string): Promise<string> {
  const [row] = await db.query(
    `SELECT detail FROM sms_outbox WHERE kind = 'sign_in_code' AND phone = $1 ORDER BY id DESC LIMIT 1`,
    [phone],
  );
  if (!row) throw new Error(`no sign-in SMS to ${phone} in the outbox`);
  return row.detail;
}

/** Signs a citizen in as the web page does (code, then the code from the outbox); the citizen token. */
export async function citizenToken(
  url: string,
  db: DataSource,
  phone: string,
  address = newLoopback(),
): Promise<string> {
  const asked = await postFrom(url, '/api/citizen/auth/code', { phone }, address);
  if (asked.status !== 202) throw new Error(`code request answered ${asked.status}`);
  const verified = await postFrom(
    url,
    '/api/citizen/auth/verify',
    { phone, code: await codeFromOutbox(db, phone) },
    address,
  );
  if (verified.status !== 200) throw new Error(`verify answered ${verified.status}`);
  return verified.body.token;
}

import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { TestServer } from '../support/test-app';
import { postFrom } from './security/from-address.support';

/**
 * A citizen token for `phone`, signed in as a citizen does (issue 18 item 2): ask a code, read it
 * where the SMS gateway reads it (the outbox), type it back; each from a loopback address of its
 * own, so the per-address sign-in limits of one suite never meet.
 */
export async function citizenToken(server: TestServer, phone: string): Promise<string> {
  const address = `127.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(2, 250)}`;
  const asked = await postFrom(server.url, '/api/citizen/auth/code', { phone }, address);
  if (asked.status !== 202) throw new Error(`sign-in code refused: ${asked.status} ${JSON.stringify(asked.body)}`);
  const [row] = await server.app
    .get(DataSource)
    .query(`SELECT detail FROM sms_outbox WHERE kind = 'sign_in_code' AND phone = $1 ORDER BY id DESC LIMIT 1`, [
      phone,
    ]);
  const verified = await postFrom(server.url, '/api/citizen/auth/verify', { phone, code: row.detail }, address);
  if (verified.status !== 200) throw new Error(`sign-in refused: ${verified.status} ${JSON.stringify(verified.body)}`);
  return verified.body.token as string;
}

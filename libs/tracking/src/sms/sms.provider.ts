import { Logger } from '@nestjs/common';
import { setting } from '../../../config/src';

/** Where outbound SMS go (DESIGN §5). `send` throws when the message did not leave; the outbox retries. */
export interface SmsProvider {
  readonly name: string;
  send(phone: string, text: string): Promise<void>;
}

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');

/** The default: logs the message; the outbox row keeps its text and `sent_at`. */
export class LoggingSmsProvider implements SmsProvider {
  readonly name = 'log';
  private readonly logger = new Logger('Sms');
  async send(phone: string, text: string): Promise<void> {
    this.logger.log(`to ${phone.slice(0, 3)}***: ${text}`);
  }
}

/** POSTs `{to, text}` as JSON to `SMS_GATEWAY_URL`; any non-2xx or network error is a failed send. */
export class HttpGatewaySmsProvider implements SmsProvider {
  readonly name = 'http';
  constructor(
    private readonly url: string,
    private readonly token = setting('SMS_GATEWAY_TOKEN'),
  ) {}
  async send(phone: string, text: string): Promise<void> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const res = await fetch(this.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ to: phone, text }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
  }
}

export function smsProviderFromEnv(env: NodeJS.ProcessEnv = process.env): SmsProvider {
  const url = setting('SMS_GATEWAY_URL', env);
  return url ? new HttpGatewaySmsProvider(url, setting('SMS_GATEWAY_TOKEN', env)) : new LoggingSmsProvider();
}

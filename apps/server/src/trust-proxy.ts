import { isIP } from 'node:net';
import { ConfigError } from '../../../libs/config/src';

/** Express's names for address ranges (proxy-addr), accepted in `TRUST_PROXY` as they are. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** The value for Express's `trust proxy`: off, a hop count, or the addresses/ranges of trusted proxies. */
export type TrustProxySetting = false | number | string[];

/**
 * Reads `TRUST_PROXY`: unset or empty = off (req.ip is the socket's address); a hop count such as
 * `1` (one reverse proxy in front: req.ip is the address it saw); or a comma-separated list of
 * proxy IPs/CIDRs (`10.0.0.0/8, 127.0.0.1`). `true` (trust every hop) is refused: any client could
 * then choose its own address with `X-Forwarded-For` and so its own rate-limit key. Anything else
 * stops the start with a message saying what to write.
 */
export function trustProxySetting(value: string | undefined): TrustProxySetting {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10)
      throw new ConfigError(
        `TRUST_PROXY: ${hops} proxy hops is not plausible (write the number of reverse proxies in front, e.g. 1)`,
      );
    return hops;
  }
  const entries = text.split(',').map((item) => item.trim());
  for (const entry of entries) {
    if (!isAddressOrRange(entry)) {
      throw new ConfigError(
        `TRUST_PROXY: "${entry}" is neither a hop count, an IP address, a CIDR range (10.0.0.0/8) nor one of loopback, linklocal, uniquelocal`,
      );
    }
  }
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

import { startVnpaySimulator } from './vnpay-simulator';

/**
 * `npm run vnpay:sim`: the VNPay simulator for a demo. Its settings must match the server's:
 * VNPAY_SIM_PORT (8899, the server's default VNPAY_PAY_URL), VNPAY_HASH_SECRET and VNPAY_TMN_CODE (the server's
 * development defaults when unset), VNPAY_SIM_IPN_URL (the server's IPN, http://127.0.0.1:3000/api/payments/vnpay/ipn).
 */
async function main(): Promise<void> {
  const env = process.env;
  const simulator = await startVnpaySimulator({
    port: Number(env.VNPAY_SIM_PORT ?? 8899),
    host: env.VNPAY_SIM_HOST ?? '127.0.0.1',
    secret: env.VNPAY_HASH_SECRET || 'motcua-vnpay-simulator-secret',
    tmnCode: env.VNPAY_TMN_CODE || 'MOTCUA01',
    ipnUrl: env.VNPAY_SIM_IPN_URL ?? `http://127.0.0.1:${env.PORT ?? 3000}/api/payments/vnpay/ipn`,
  });
  process.stdout.write(`VNPay simulator: ${simulator.payUrl} (IPN → ${env.VNPAY_SIM_IPN_URL ?? 'the local server'})\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void simulator.close().then(() => process.exit(0)));
}

void main();

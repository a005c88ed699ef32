import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatVietnamCompact } from '../../libs/calendar/src/vietnam-time';

/**
 * A local stand-in for VNPay's sandbox (payment API 2.1.0), for the tests and demos only: never part of the
 * server. It serves the pay page (`/paymentv2/vpcpay.html`: choose a bank, pay or cancel), checks the merchant's
 * signature, then does what VNPay does after a payment: calls the merchant's IPN URL server to server with the
 * signed result and sends the browser to `vnp_ReturnUrl` with the same signed result. Its signing is written
 * here again on purpose (not imported from libs/payments), so a test that pays through it checks the server's
 * signing against a second implementation of VNPay's rule. Run it for a demo with `npm run vnpay:sim`
 * (docs/guides/online-payments.md).
 */
export interface VnpaySimulatorOptions {
  /** The terminal's hash secret, as the server's VNPAY_HASH_SECRET. */
  secret: string;
  /** The terminal code, as the server's VNPAY_TMN_CODE. */
  tmnCode: string;
  /** The merchant's IPN URL, registered with VNPay (not sent in the pay URL): e.g. http://127.0.0.1:3000/api/payments/vnpay/ipn. */
  ipnUrl: string;
  port?: number;
  host?: string;
}

/** One IPN call the simulator made, with the merchant's answer. */
export interface IpnCall {
  query: string;
  status: number;
  body: unknown;
}

export interface VnpaySimulator {
  /** The pay page, for the server's VNPAY_PAY_URL. */
  payUrl: string;
  origin: string;
  /** Every IPN call made, oldest first. */
  ipnCalls: IpnCall[];
  /** Signs `params` as VNPay signs its redirects and notifications: the query with `vnp_SecureHash`. */
  signedQuery(params: Record<string, string>): string;
  close(): Promise<void>;
}

export const BANKS: readonly { code: string; name: string }[] = [
  { code: 'NCB', name: 'Ngân hàng Quốc Dân (NCB)' },
  { code: 'VCB', name: 'Vietcombank' },
  { code: 'BIDV', name: 'BIDV' },
  { code: 'VIETINBANK', name: 'VietinBank' },
  { code: 'AGRIBANK', name: 'Agribank' },
];

const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');

/** VNPay's rule, written independently of libs/payments: sorted vnp_ keys, encoded, HMAC-SHA512 hex. */
function signedText(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType' && params[k] !== '')
    .sort()
    .map((k) => `${encode(k)}=${encode(params[k])}`)
    .join('&');
}
const hmac = (secret: string, text: string) => createHmac('sha512', secret).update(text, 'utf8').digest('hex');

const REQUIRED = [
  'vnp_Version',
  'vnp_Command',
  'vnp_TmnCode',
  'vnp_Amount',
  'vnp_CurrCode',
  'vnp_TxnRef',
  'vnp_OrderInfo',
  'vnp_OrderType',
  'vnp_Locale',
  'vnp_ReturnUrl',
  'vnp_IpAddr',
  'vnp_CreateDate',
];

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const vnd = (amount: number) => `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>
body{font-family:system-ui,sans-serif;margin:0;background:#f0f4f8;color:#1f2937}
main{max-width:440px;margin:0 auto;padding:20px 16px}
h1{font-size:20px;color:#005baa;margin:0 0 4px}.note{color:#b45309;font-size:13px;margin:0 0 16px}
.card{background:#fff;border-radius:10px;padding:16px;margin-bottom:16px;box-shadow:0 1px 3px #0001}
dl{display:grid;grid-template-columns:auto 1fr;gap:6px 12px;margin:0}dt{color:#6b7280}dd{margin:0;font-weight:600;word-break:break-word}
label{display:flex;gap:10px;align-items:center;padding:10px 4px;border-bottom:1px solid #eee;font-size:16px}
button{width:100%;padding:14px;font-size:17px;border-radius:8px;border:0;margin-top:10px}
.pay{background:#005baa;color:#fff}.cancel{background:#e5e7eb;color:#111}.error{color:#b91c1c}
</style></head><body><main>${body}</main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Starts the simulator on `port` (0: a free one). */
export async function startVnpaySimulator(options: VnpaySimulatorOptions): Promise<VnpaySimulator> {
  const orders = new Map<string, Record<string, string>>();
  const ipnCalls: IpnCall[] = [];
  const signedQuery = (params: Record<string, string>) => {
    const text = signedText(params);
    return `${text}&vnp_SecureHash=${hmac(options.secret, text)}`;
  };

  function refuse(res: ServerResponse, message: string): void {
    res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      page(
        'Giao dịch không hợp lệ',
        `<h1>Giao dịch không hợp lệ</h1><p class="error" data-testid="sim-error">${escapeHtml(message)}</p>`,
      ),
    );
  }

  function payPage(res: ServerResponse, url: URL): void {
    const params = Object.fromEntries(url.searchParams.entries());
    const missing = REQUIRED.filter((k) => !params[k]);
    if (missing.length) return refuse(res, `Thiếu tham số: ${missing.join(', ')}`);
    if (
      url.searchParams.getAll('vnp_SecureHash').length !== 1 ||
      hmac(options.secret, signedText(params)) !== params.vnp_SecureHash?.toLowerCase()
    )
      return refuse(res, 'Sai chữ ký (vnp_SecureHash)');
    if (params.vnp_TmnCode !== options.tmnCode) return refuse(res, 'Website chưa được phê duyệt (vnp_TmnCode)');
    if (params.vnp_Version !== '2.1.0' || params.vnp_Command !== 'pay' || params.vnp_CurrCode !== 'VND')
      return refuse(res, 'Phiên bản, lệnh hoặc loại tiền không được hỗ trợ');
    if (!/^\d+00$/.test(params.vnp_Amount)) return refuse(res, 'Số tiền không hợp lệ');
    if (params.vnp_ExpireDate && params.vnp_ExpireDate < formatVietnamCompact(new Date()))
      return refuse(res, 'Giao dịch đã quá thời gian chờ thanh toán');
    const token = randomBytes(12).toString('hex');
    orders.set(token, params);
    const banks = BANKS.map(
      (b, i) =>
        `<label><input type="radio" name="bank" value="${b.code}" data-testid="sim-bank-${b.code}"${i === 0 ? ' checked' : ''}> ${escapeHtml(b.name)}</label>`,
    ).join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      page(
        'Cổng thanh toán VNPAY (mô phỏng)',
        `<h1>Cổng thanh toán VNPAY</h1><p class="note">Môi trường mô phỏng để thử nghiệm: không có tiền thật.</p>
<div class="card"><dl><dt>Số tiền</dt><dd data-testid="sim-amount">${vnd(Number(params.vnp_Amount) / 100)}</dd>
<dt>Nội dung</dt><dd>${escapeHtml(params.vnp_OrderInfo)}</dd><dt>Mã giao dịch</dt><dd>${escapeHtml(params.vnp_TxnRef)}</dd></dl></div>
<form method="post" action="/paymentv2/pay" class="card"><input type="hidden" name="token" value="${token}">
<div><strong>Chọn ngân hàng</strong></div>${banks}
<button class="pay" name="action" value="pay" data-testid="sim-pay">Thanh toán</button>
<button class="cancel" name="action" value="cancel" data-testid="sim-cancel">Hủy giao dịch</button></form>`,
      ),
    );
  }

  async function pay(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = await readForm(req);
    const order = orders.get(form.get('token') ?? '');
    if (!order) return refuse(res, 'Phiên thanh toán không tồn tại hoặc đã dùng');
    orders.delete(form.get('token')!);
    const paid = form.get('action') === 'pay';
    const bank = BANKS.find((b) => b.code === form.get('bank'))?.code ?? 'NCB';
    const transactionNo = paid ? String(randomInt(10_000_000, 99_999_999)) : '0';
    const result: Record<string, string> = {
      vnp_Amount: order.vnp_Amount,
      vnp_BankCode: bank,
      ...(paid && { vnp_BankTranNo: `VNP${transactionNo}`, vnp_CardType: 'ATM' }),
      vnp_OrderInfo: order.vnp_OrderInfo,
      vnp_PayDate: formatVietnamCompact(new Date()),
      vnp_ResponseCode: paid ? '00' : '24',
      vnp_TmnCode: order.vnp_TmnCode,
      vnp_TransactionNo: transactionNo,
      vnp_TransactionStatus: paid ? '00' : '02',
      vnp_TxnRef: order.vnp_TxnRef,
    };
    const query = signedQuery(result);
    // VNPay calls the IPN from its servers; here it is called before the browser is sent back, so the return
    // page finds the payment settled (the page also waits for a late IPN: ADR 0029).
    try {
      const answer = await fetch(`${options.ipnUrl}?${query}`);
      ipnCalls.push({ query, status: answer.status, body: await answer.json().catch(() => null) });
    } catch (error) {
      ipnCalls.push({ query, status: 0, body: String(error) });
    }
    res.writeHead(302, { location: `${order.vnp_ReturnUrl}?${query}` });
    res.end();
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    if (req.method === 'GET' && url.pathname === '/paymentv2/vpcpay.html') return payPage(res, url);
    if (req.method === 'POST' && url.pathname === '/paymentv2/pay')
      return void pay(req, res).catch(() => refuse(res, 'Lỗi không xác định'));
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Không tìm thấy');
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    payUrl: `${origin}/paymentv2/vpcpay.html`,
    origin,
    ipnCalls,
    signedQuery,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

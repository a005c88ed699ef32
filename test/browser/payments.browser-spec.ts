import { type Browser, type Page } from 'playwright-core';
import { startVnpaySimulator, type VnpaySimulator } from '../../tools/vnpay-simulator/vnpay-simulator';
import { DEMO_PASSWORD, signIn } from '../e2e/workflow.helpers';
import { launchChromium, signInOnPage } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';

/**
 * Issue 18 item 5 on a phone (390×844): the citizen finds the dossier on /tra-cuu with code and key, pays the fee in
 * the VNPay simulator and comes back to "Đã thanh toán"; a forged return address shows failure. `SCREENSHOT_DIR`
 * keeps screenshots.
 */
const SECRET = 'browser-vnpay-hash-secret-012345';
const TMN = 'MCBRW001';
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1366, height: 768 };

describe('Thanh toán phí, lệ phí qua VNPAY (browser, 390×844)', () => {
  let server: TestServer;
  let simulator: VnpaySimulator;
  let browser: Browser;

  beforeAll(async () => {
    process.env.VNPAY_HASH_SECRET = SECRET;
    process.env.VNPAY_TMN_CODE = TMN;
    server = await startTestServer();
    simulator = await startVnpaySimulator({
      secret: SECRET,
      tmnCode: TMN,
      ipnUrl: `${server.url}/api/payments/vnpay/ipn`,
    });
    process.env.VNPAY_PAY_URL = simulator.payUrl;
    process.env.PUBLIC_URL = server.url;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await simulator?.close();
    await server?.close();
  });

  async function phone(): Promise<{ page: Page; errors: string[]; shot: (name: string) => Promise<void> }> {
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: PHONE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const shot = async (name: string) => {
      if (process.env.SCREENSHOT_DIR)
        await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
    };
    return { page, errors, shot };
  }

  it('pays from /tra-cuu in the simulator and comes back to "Đã thanh toán"', async () => {
    // given a household business registration (fee 100.000 đồng) received at the desk
    const reception = await signIn(server, 'reception');
    const dossier: { code: string; lookupKey: string } = (
      await reception
        .post('/api/dossiers', {
          procedureCode: '1.001612',
          applicant: { fullName: 'Võ Thị Thanh', idNumber: '066190007788', phone: '0905777888' },
          channel: 'direct',
          documents: ['giay-de-nghi', 'giay-to-phap-ly'],
        })
        .expect(201)
    ).body;
    const { page, errors, shot } = await phone();

    // when the citizen looks it up with code and key
    await page.goto(`${server.url}/tra-cuu`);
    await page.getByTestId('lookup-code').fill(dossier.code);
    await page.getByTestId('lookup-key').fill(dossier.lookupKey);
    await page.getByTestId('lookup-submit').click();

    // then the fee shows unpaid, with the button to pay
    await page.getByTestId('payment-status').waitFor();
    expect(await page.getByTestId('payment-status').innerText()).toContain('Chưa thanh toán');
    expect(await page.getByTestId('pay-fee').innerText()).toContain('100.000 đồng');
    await shot('payment-1-tra-cuu');

    // when they pay: VNPay's page (the simulator), a bank, "Thanh toán"
    await page.getByTestId('pay-start').click();
    await page.waitForURL((url) => url.toString().startsWith(simulator.payUrl));
    expect(await page.getByTestId('sim-amount').innerText()).toBe('100.000 đồng');
    await page.getByTestId('sim-bank-VCB').check();
    await shot('payment-2-simulator');
    await page.getByTestId('sim-pay').click();

    // then VNPay sends them back to the return page, which says paid
    await page.waitForURL((url) => url.pathname === '/thanh-toan/ket-qua');
    await page.getByTestId('payment-paid').waitFor();
    const result = await page.getByTestId('payment-result').innerText();
    expect(result).toContain('Đã thanh toán');
    expect(result).toContain('100.000 đồng');
    expect(result).toContain(dossier.code);
    expect(result).toContain('VCB');
    await shot('payment-3-ket-qua');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // and back on the lookup the dossier is paid, with no button left
    await page.getByTestId('payment-back').click();
    await page.waitForURL((url) => url.pathname === '/tra-cuu');
    await page.getByTestId('payment-status').waitFor();
    expect(await page.getByTestId('payment-status').innerText()).toContain('Đã thanh toán');
    expect(await page.getByTestId('pay-fee').count()).toBe(0);
    await shot('payment-4-tra-cuu-da-thanh-toan');
    expect(errors).toEqual([]);

    // and the officer sees it paid, with the transaction number, on the dossier page (1366×768)
    const staff = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: DESK });
    const desk = await staff.newPage();
    await signInOnPage(desk, server.url, 'reception', DEMO_PASSWORD);
    await desk.goto(`${server.url}/ho-so/${encodeURIComponent(dossier.code)}`);
    await desk.getByTestId('dossier-payment').waitFor();
    const paid = await desk.getByTestId('dossier-payment').innerText();
    expect(paid).toContain('Đã thanh toán');
    expect(paid).toMatch(/mã giao dịch \d{8}/);
    if (process.env.SCREENSHOT_DIR)
      await desk.screenshot({ path: `${process.env.SCREENSHOT_DIR}/payment-6-ho-so.png` });
    await staff.close();
  });

  it('shows failure for a return address whose signature was forged', async () => {
    // given a genuine return address of a cancelled payment, changed to claim success
    const signed = simulator.signedQuery({
      vnp_Amount: '10000000',
      vnp_BankCode: 'NCB',
      vnp_OrderInfo: 'Thanh toan le phi',
      vnp_PayDate: '20261207103000',
      vnp_ResponseCode: '24',
      vnp_TmnCode: TMN,
      vnp_TransactionNo: '0',
      vnp_TransactionStatus: '02',
      vnp_TxnRef: 'MCFORGED00001',
    });
    const forged = signed.replace('vnp_ResponseCode=24', 'vnp_ResponseCode=00');
    const { page, shot } = await phone();

    // when it is opened
    await page.goto(`${server.url}/thanh-toan/ket-qua?${forged}`);

    // then the page says the payment failed, and why
    await page.getByTestId('payment-failed').waitFor();
    const text = await page.getByTestId('payment-result').innerText();
    expect(text).toContain('Thanh toán không thành công');
    expect(text).toContain('sai chữ ký');
    expect(text).not.toContain('Đã thanh toán');
    await shot('payment-5-gia-mao');
  });
});

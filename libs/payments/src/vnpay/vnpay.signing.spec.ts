import { vnpSecureHash, vnpSignedQuery, vnpSignedText, vnpVerify } from './vnpay.signing';

/**
 * The known vector: the pay request of VNPay's published 2.1.0 example
 * (sandbox.vnpayment.vn/apis/docs/thanh-toan-pay/pay.html), whose query the documentation prints already sorted
 * and encoded, and a hash computed outside this code by hand:
 *   printf '%s' '<the query below>' | openssl dgst -sha512 -hmac 'MOTCUAVECTORSECRET2026ABCDEFGHIJ' -hex
 */
const SECRET = 'MOTCUAVECTORSECRET2026ABCDEFGHIJ';
const PUBLISHED_QUERY =
  'vnp_Amount=1806000&vnp_Command=pay&vnp_CreateDate=20210801153333&vnp_CurrCode=VND&vnp_IpAddr=127.0.0.1' +
  '&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_OrderType=other' +
  '&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl&vnp_TmnCode=DEMOV210&vnp_TxnRef=5&vnp_Version=2.1.0';
const BY_HAND =
  '5985e117145d7069879deb924ecba87a0dc44cc825e8f069f57459e3bf118f0cbd3e7aa2fa169e503addbe448b54a1837452c3038cb6b5139e3e32d2d7770d21';

// Given in an arbitrary order, decoded, as the merchant's code holds them.
const PARAMS = {
  vnp_Version: '2.1.0',
  vnp_TxnRef: '5',
  vnp_TmnCode: 'DEMOV210',
  vnp_ReturnUrl: 'https://domainmerchant.vn/ReturnUrl',
  vnp_OrderType: 'other',
  vnp_OrderInfo: 'Thanh toan don hang :5',
  vnp_Locale: 'vn',
  vnp_IpAddr: '127.0.0.1',
  vnp_CurrCode: 'VND',
  vnp_CreateDate: '20210801153333',
  vnp_Command: 'pay',
  vnp_Amount: '1806000',
};

describe('VNPay signature (HMAC-SHA512 over the sorted query)', () => {
  it('writes the sorted, encoded query exactly as the published example', () => {
    expect(vnpSignedText(PARAMS)).toBe(PUBLISHED_QUERY);
  });

  it('signs it to the hash computed by hand', () => {
    expect(vnpSecureHash(SECRET, PARAMS)).toBe(BY_HAND);
    expect(vnpSignedQuery(SECRET, PARAMS)).toBe(`${PUBLISHED_QUERY}&vnp_SecureHash=${BY_HAND}`);
  });

  it('leaves out the hash, the hash type, empty values and parameters that are not vnp_', () => {
    const noisy = { ...PARAMS, vnp_SecureHashType: 'HmacSHA512', vnp_BankCode: '', utm_source: 'x' };
    expect(vnpSecureHash(SECRET, { ...noisy, vnp_SecureHash: 'ab' })).toBe(BY_HAND);
  });

  it('verifies a signed query and refuses any change, another secret or a doubled parameter', () => {
    const signed = { ...PARAMS, vnp_SecureHash: BY_HAND };
    expect(vnpVerify(SECRET, signed)).toBe(true);
    expect(vnpVerify(SECRET, { ...signed, vnp_SecureHash: BY_HAND.toUpperCase() })).toBe(true);
    expect(vnpVerify(SECRET, { ...signed, vnp_Amount: '1806001' })).toBe(false);
    expect(vnpVerify(`${SECRET}x`, signed)).toBe(false);
    expect(vnpVerify(SECRET, { ...signed, vnp_Amount: ['1806000', '1806000'] })).toBe(false);
    expect(vnpVerify(SECRET, { ...PARAMS })).toBe(false);
    expect(vnpVerify(SECRET, { ...signed, vnp_SecureHash: 'zz' })).toBe(false);
  });
});

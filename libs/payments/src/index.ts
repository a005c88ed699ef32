export * from './payments.module';
export * from './payment-provider';
export * from './services/payments.service';
export type { PaymentReference, ReferenceKind, PaymentStatus } from './services/payments.repository';
export * from './dtos/payment.dto';
export { vnpSecureHash, vnpSignedQuery, vnpSignedText, vnpVerify } from './vnpay/vnpay.signing';
export { VNPAY_DEVELOPMENT_SECRET } from './vnpay/vnpay.provider';

/**
 * The payment-provider port (issue 18 item 5, ADR 0029): a signed-redirect gateway. The service asks for a pay
 * URL, then reads what the gateway says twice: the browser's return redirect (shown, never trusted to change
 * anything) and the server-to-server notification (the only thing that marks a payment paid).
 */
export interface PayRequest {
  /** Our order number at the gateway (unique per attempt). */
  txnRef: string;
  /** VND, whole đồng. */
  amount: number;
  /** What the citizen pays for, ASCII without accents (gateways refuse the rest). */
  orderInfo: string;
  /** The citizen's address as the server saw it. */
  ipAddress: string;
  /** Where the gateway sends the browser back. */
  returnUrl: string;
  now: Date;
}

/** What a return redirect or a notification says, once its signature is checked. */
export interface GatewayReport {
  txnRef: string;
  /** VND, whole đồng (the gateway's own unit converted back). */
  amount: number;
  /** True when the gateway reports the money taken. */
  succeeded: boolean;
  /** The gateway's response code, kept for the audit. */
  responseCode: string;
  transactionNo: string | null;
  bankCode: string | null;
  paidAt: Date | null;
}

export type VerifiedReport = { valid: true; report: GatewayReport } | { valid: false };

/** The answer the gateway expects to a notification, with the HTTP status to send it with. */
export interface NotificationAnswer {
  httpStatus: number;
  body: Record<string, string>;
}

/** What happened to a notification, in the service's words; the provider words it for its gateway. */
export type NotificationOutcome =
  'confirmed' | 'order_not_found' | 'already_confirmed' | 'invalid_amount' | 'invalid_signature' | 'unknown_error';

export interface PaymentProvider {
  /** The name kept on each payment (`vnpay`). */
  readonly name: string;
  /** False when the deployment has no credentials (production without a secret): nothing can be paid online. */
  available(): boolean;
  createPaymentUrl(request: PayRequest): string;
  verifyReturn(query: Readonly<Record<string, unknown>>): VerifiedReport;
  verifyNotification(query: Readonly<Record<string, unknown>>): VerifiedReport;
  answer(outcome: NotificationOutcome): NotificationAnswer;
}

export const PAYMENT_PROVIDER = Symbol('PAYMENT_PROVIDER');

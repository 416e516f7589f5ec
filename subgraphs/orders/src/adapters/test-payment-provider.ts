import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { cardBrand, passesLuhn } from '../domain/card';
import type { ChargeRequest, ChargeResult, PaymentProvider } from '../domain/ports';

/** Card numbers the test provider declines although they pass the Luhn check. */
export const TEST_DECLINED_CARDS: ReadonlySet<string> = new Set(['4000000000000002']);
/** A card the test provider accepts. */
export const TEST_ACCEPTED_CARD = '4242424242424242';

export interface TestCapture {
  reference: string;
  amountMinor: number;
  currencyCode: string;
  refunded: boolean;
}

export interface TestPaymentOptions {
  /** How long each charge takes to answer (`PAYMENT_TEST_LATENCY_MS`), like a slow provider. */
  latencyMs?: number;
}

/**
 * The built-in provider for development and tests: accepts valid cards, declines
 * 4000 0000 0000 0002, calls anything failing the Luhn check invalid. It keeps captures in memory
 * (so a restart forgets them, and a refund after a restart is a no-op) and never keeps the number.
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly name = 'test';
  private readonly captures = new Map<string, TestCapture>();
  private readonly latencyMs: number;

  constructor(options: TestPaymentOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    if (this.latencyMs > 0) await sleep(this.latencyMs);
    const { number } = request.card;
    const brand = cardBrand(number);
    const last4 = number.slice(-4);
    const earlier = this.captures.get(request.paymentKey);
    if (earlier) return { status: 'captured', reference: earlier.reference, brand, last4 };
    if (!/^\d{12,19}$/.test(number) || !passesLuhn(number)) return { status: 'invalid', reason: 'The card number is not valid' };
    if (TEST_DECLINED_CARDS.has(number)) return { status: 'declined', reason: 'the issuer refused the payment' };
    const capture: TestCapture = {
      reference: `test_${randomUUID()}`,
      amountMinor: request.amountMinor,
      currencyCode: request.currencyCode,
      refunded: false,
    };
    this.captures.set(request.paymentKey, capture);
    return { status: 'captured', reference: capture.reference, brand, last4 };
  }

  async refund(paymentKey: string): Promise<void> {
    const capture = this.captures.get(paymentKey);
    if (capture) capture.refunded = true;
  }

  /** What was captured under a key (our order id), for tests and local inspection. */
  captureOf(paymentKey: string): TestCapture | null {
    const capture = this.captures.get(paymentKey);
    return capture ? { ...capture } : null;
  }
}

import { TestPaymentProvider } from '../../src/adapters/test-payment-provider';
import type { ChargeRequest, ChargeResult } from '../../src/domain/ports';

export interface Gate {
  /** Resolves once a charge is waiting at the gate. */
  entered: Promise<void>;
  /** Lets the waiting charge through. */
  open(): void;
}

/**
 * The built-in test provider with a gate a test can close in front of the next charge, to hold a
 * checkout mid-flight (between reservation and payment) without timing anything.
 */
export class GatedPaymentProvider extends TestPaymentProvider {
  private gate: { arrived: () => void; opened: Promise<void> } | null = null;

  closeGate(): Gate {
    let arrived: () => void = () => undefined;
    let open: () => void = () => undefined;
    const entered = new Promise<void>((resolve) => (arrived = resolve));
    const opened = new Promise<void>((resolve) => (open = resolve));
    this.gate = { arrived, opened };
    return { entered, open };
  }

  override async charge(request: ChargeRequest): Promise<ChargeResult> {
    const gate = this.gate;
    if (gate) {
      this.gate = null;
      gate.arrived();
      await gate.opened;
    }
    return super.charge(request);
  }
}

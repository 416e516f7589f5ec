import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/**
 * The outcome of a TransactWriteItems: done, or cancelled with one reason code per item in the
 * order sent ('None', 'ConditionalCheckFailed', 'TransactionConflict', ...). An empty list means
 * the store did not say why.
 */
export type TransactionOutcome = { ok: true } | { ok: false; reasons: string[] };

export async function transactionOutcome(send: () => Promise<unknown>): Promise<TransactionOutcome> {
  try {
    await send();
    return { ok: true };
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      return { ok: false, reasons: (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None') };
    }
    throw error;
  }
}

/** Runs a conditional single-item write; false when its condition did not hold. */
export async function conditionHeld(send: () => Promise<unknown>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

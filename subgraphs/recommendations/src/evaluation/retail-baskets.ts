import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { csvRows } from './offline-metrics';

/** Stock codes of the online-retail data that are fees, not products. */
const FEES = new Set(['POST', 'DOT', 'M', 'D', 'C2', 'S', 'B', 'PADS', 'CRUK', 'AMAZONFEE', 'BANK CHARGES']);

export interface Basket {
  invoice: string;
  at: Date;
  items: Array<{ code: string; quantity: number }>;
}

/** Customers with 2+ baskets (cancellations, fees and lines without a customer left out), baskets oldest first. */
export function loadBaskets(file: string) {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  const descriptions = new Map<string, Map<string, number>>();
  const byCustomer = new Map<string, Map<string, Basket>>();
  let header = true;
  for (const [invoice, code, description, quantity, date, , customer] of csvRows(text)) {
    if (header) {
      header = false;
      continue;
    }
    if (!invoice || invoice.startsWith('C') || !customer || FEES.has(code!) || Number(quantity) <= 0) continue;
    const counts = descriptions.get(code!) ?? new Map<string, number>();
    const label = (description ?? '').trim();
    if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
    descriptions.set(code!, counts);
    const baskets = byCustomer.get(customer) ?? new Map<string, Basket>();
    const basket = baskets.get(invoice) ?? { invoice, at: new Date(`${date!.replace(' ', 'T')}Z`), items: [] };
    if (!basket.items.some((item) => item.code === code)) basket.items.push({ code: code!, quantity: Number(quantity) });
    baskets.set(invoice, basket);
    byCustomer.set(customer, baskets);
  }
  const label = new Map([...descriptions].map(([code, counts]) => [code, [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? code]));
  const customers = [...byCustomer]
    .map(([id, baskets]) => ({ id, baskets: [...baskets.values()].sort((a, b) => a.at.getTime() - b.at.getTime() || a.invoice.localeCompare(b.invoice)) }))
    .filter((customer) => customer.baskets.length >= 2)
    .sort((a, b) => a.id.localeCompare(b.id));
  return { label, customers };
}


import type { Locator, Page } from 'playwright-core';

/** What a shopper does on the pages, in words the tests read like. */
export const cartCount = (page: Page) => page.getByTestId('cart-count');

export async function waitForCartCount(page: Page, count: number): Promise<void> {
  await page.locator('[data-testid="cart-count"]', { hasText: new RegExp(`^${count}$`) }).waitFor();
}

export async function waitForProducts(page: Page): Promise<void> {
  await page.locator('article.card').first().waitFor();
}

/** A product card in the list that is in stock (or low) in the shopper's region. */
export function inStockCard(page: Page, within?: Locator): Locator {
  return (within ?? page.locator('main')).locator('article.card:has(.badge-in), article.card:has(.badge-low)').first();
}

/** Picks the first size (or other option) that is not sold out, when the product has options. */
export async function pickAvailableOption(page: Page): Promise<string | null> {
  await page.locator('.product-name').waitFor();
  const options = page.locator('.option:not(.is-sold-out)');
  if ((await page.locator('.option').count()) === 0) return null;
  const option = options.first();
  const value = (await option.locator('input').getAttribute('value')) ?? '';
  // A product with one variant has it chosen already; otherwise the choice lands in the URL (?sku=).
  await option.click();
  await option.locator('input:checked').waitFor({ state: 'attached' });
  return value;
}

export interface CheckoutDetails {
  email?: string;
  cardNumber: string;
}

export async function fillCheckout(page: Page, details: CheckoutDetails): Promise<void> {
  if (details.email !== undefined) await page.getByLabel('Email').fill(details.email);
  await page.getByLabel('Full name').fill('Ada Lovelace');
  await page.getByLabel('Street and number').fill('Unter den Linden 5');
  await page.getByLabel('Postal code').fill('10117');
  await page.getByLabel('City').fill('Berlin');
  await page.getByLabel('Card number').fill(details.cardNumber);
  await page.getByLabel('Expiry (MM/YY)').fill('12/34');
  await page.getByLabel('CVC').fill('123');
}

/** Opens a product, picks an available size and adds it; returns the product's name. */
export async function addInStockProductToCart(page: Page, card: Locator): Promise<string> {
  const name = (await card.locator('.card-name').textContent())?.trim() ?? '';
  await card.locator('a.card-link').click();
  await pickAvailableOption(page);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.locator('.notice-success').waitFor();
  return name;
}

/**
 * Names under "Recently viewed" on the home page once they include `name` (views are recorded in
 * batches, so the page is reloaded a few times before giving up).
 */
export async function recentlyViewedNames(page: Page, name: string, attempts = 15): Promise<string[]> {
  let names: string[] = [];
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    await page.goto('/');
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Recently viewed' }) });
    await section.locator('article.card, .state').first().waitFor();
    names = (await section.locator('.card-name').allTextContents()).map((text) => text.trim());
    if (names.includes(name)) return names;
    await page.waitForTimeout(1_000);
  }
  return names;
}

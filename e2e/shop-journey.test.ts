import { DESKTOP, newShopper, PHONE, screenshot, screenshotDir, type Shopper } from './src/browser';
import { ensureChromium } from './src/chromium';
import { startShopSystem, type ShopSystem } from './src/shop-system';
import {
  addInStockProductToCart,
  cartCount,
  fillCheckout,
  inStockCard,
  pickAvailableOption,
  recentlyViewedNames,
  waitForCartCount,
  waitForProducts,
} from './src/shop-pages';
import { buildWebApp, kilobytes, type BundleReport } from './src/web-build';

const ACCEPTED_CARD = '4242 4242 4242 4242';
const DECLINED_CARD = '4000 0000 0000 0002';
/** Gzipped JS and CSS a first visit may download before the home page shows. */
const FIRST_VISIT_BUDGET_BYTES = 200 * 1024;

const log = (line: string) => process.stdout.write(`[e2e] ${line}\n`);

describe('the shop in a real browser, against the whole running system', () => {
  let system: ShopSystem;
  let bundle: BundleReport;
  let shots: string;

  beforeAll(async () => {
    await ensureChromium(log);
    log('Building the web app…');
    const buildStart = Date.now();
    bundle = buildWebApp();
    log(`Built in ${((Date.now() - buildStart) / 1000).toFixed(1)}s`);
    log(`First visit downloads ${kilobytes(bundle.initialGzipBytes)} gzipped (${kilobytes(bundle.initialBytes)} raw): ${bundle.initial.map((entry) => `${entry.file} ${kilobytes(entry.gzipBytes)}`).join(', ')}`);
    system = await startShopSystem(log);
    shots = screenshotDir();
    log(`The shop runs at ${system.url} (${system.seeded.products} ${system.seeded.source} products); screenshots go to ${shots}`);
  }, 600_000);

  afterAll(async () => {
    await system?.stop();
  }, 120_000);

  it('when the production bundle is built, then a first visit downloads less than 200 kB of gzipped JS and CSS', () => {
    // given the build of beforeAll
    // then
    expect(bundle.initial.some((entry) => entry.file.endsWith('.js'))).toBe(true);
    expect(bundle.initial.some((entry) => entry.file.endsWith('.css'))).toBe(true);
    expect(bundle.initialGzipBytes).toBeLessThan(FIRST_VISIT_BUDGET_BYTES);
  });

  describe('a guest on a desktop', () => {
    let shopper: Shopper;
    let productPath = '';
    beforeAll(async () => {
      shopper = await newShopper(system.url, DESKTOP);
    }, 60_000);
    afterAll(async () => {
      await shopper?.close();
    });

    it('when a guest goes home → category → filter → product → size → cart → checkout with an accepted card, then the confirmation shows and My orders lists the order', async () => {
      const { page } = shopper;
      // given the home page
      await page.goto('/');
      await page.getByRole('heading', { name: 'Trending now' }).waitFor();
      await waitForProducts(page);
      await screenshot(page, shots, '01-home');

      // when the guest opens the first category and filters by its first brand
      const nav = page.getByRole('navigation', { name: 'Categories' });
      const categoryName = (await nav.getByRole('link').first().textContent())?.trim() ?? '';
      await nav.getByRole('link').first().click();
      await page.getByRole('heading', { level: 1, name: categoryName }).waitFor();
      await waitForProducts(page);
      await screenshot(page, shots, '02-category');
      const firstPage = await page.locator('.listing-main article.card').count();
      await page.getByRole('button', { name: 'Show more' }).click();
      await page.locator(`.listing-main li:nth-child(${firstPage + 1}) article.card`).waitFor();
      const afterMore = await page.locator('.listing-main article.card').count();
      const brandFacet = page.locator('.facet', { has: page.locator('summary', { hasText: 'Brand' }) });
      const brand = (await brandFacet.locator('.check-label').first().textContent())?.trim() ?? '';
      // The checkbox follows the URL, so it turns checked once the listing's address changed.
      await brandFacet.getByRole('checkbox').first().click();
      await page.waitForFunction(() => new URLSearchParams(window.location.search).has('brand'));
      await page.getByRole('button', { name: `Remove filter ${brand}` }).waitFor();
      await page.locator('.listing-main[aria-busy="false"]').waitFor();
      const brands = await page.locator('.listing-main .card-brand').allTextContents();
      await screenshot(page, shots, '03-category-filtered');

      // and opens an in-stock product, picks a size and adds it to the cart
      const card = inStockCard(page);
      const name = (await card.locator('.card-name').textContent())?.trim() ?? '';
      await card.locator('a.card-link').click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      productPath = new URL(page.url()).pathname;
      await screenshot(page, shots, '04-product');
      const size = await pickAvailableOption(page);
      await screenshot(page, shots, '05-product-size-picked');
      await page.getByRole('button', { name: 'Add to cart' }).click();

      // then the header count moves to 1 at once, and the server agrees after a reload
      await waitForCartCount(page, 1);
      await page.locator('.notice-success').waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await waitForCartCount(page, 1);

      // when the guest opens the cart and checks out with the accepted test card
      await page.getByRole('link', { name: /^Cart, 1 item/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Your cart' }).waitFor();
      await page.locator('.cart-line').first().waitFor();
      const cartLines = await page.locator('.cart-line').count();
      const subtotal = (await page.getByTestId('cart-subtotal').textContent())?.trim();
      await screenshot(page, shots, '06-cart');
      await page.getByRole('link', { name: 'Go to checkout' }).click();
      await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
      await fillCheckout(page, { email: 'ada@example.com', cardNumber: ACCEPTED_CARD });
      await screenshot(page, shots, '07-checkout');
      await page.getByRole('button', { name: /^Place order/ }).click();

      // then the confirmation shows the order and the cart is empty
      await page.waitForFunction(() => window.location.pathname.startsWith('/checkout/done/'));
      await page.getByRole('heading', { name: 'Thank you! Your order is confirmed.' }).waitFor();
      const orderLabel = (await page.locator('.order-head strong').textContent())?.trim() ?? '';
      const orderedItems = await page.locator('.order-lines tbody tr').allTextContents();
      await waitForCartCount(page, 0);
      await screenshot(page, shots, '08-confirmation');

      // and My orders lists it, with its details one click away
      await page.getByRole('main').getByRole('link', { name: 'My orders' }).click();
      await page.getByRole('heading', { level: 1, name: 'My orders' }).waitFor();
      const row = page.locator('.order-row', { hasText: orderLabel });
      await row.waitFor();
      const rowText = await row.textContent();
      await screenshot(page, shots, '09-orders');
      await row.click();
      await page.getByRole('heading', { level: 1, name: `Order ${orderLabel}` }).waitFor();
      await screenshot(page, shots, '10-order-detail');

      // and the product's view was recorded: the home page lists it under "Recently viewed"
      const recentlyViewed = await recentlyViewedNames(page, name);
      await screenshot(page, shots, '12-home-recently-viewed');

      expect(firstPage).toBe(24);
      expect(afterMore).toBeGreaterThan(firstPage);
      expect(brands.length).toBeGreaterThan(0);
      expect(brands.every((shown) => shown.toLowerCase() === brand.toLowerCase())).toBe(true);
      expect(cartLines).toBe(1);
      expect(subtotal).toMatch(/\d/);
      expect(orderLabel).toMatch(/^#[0-9A-Z]{8}$/);
      expect(orderedItems.join(' ')).toContain(name);
      if (size) expect(orderedItems.join(' ')).toContain(size);
      expect(rowText).toContain('Confirmed');
      expect(await cartCount(page).textContent()).toBe('0');
      expect(recentlyViewed).toContain(name);
    }, 300_000);

    it('when the card is declined, then checkout says so, nothing is ordered and the cart keeps its items', async () => {
      const { page } = shopper;
      // given a cart with one item
      await page.goto(productPath || '/');
      if (!productPath) await addInStockProductToCart(page, inStockCard(page));
      else {
        await pickAvailableOption(page);
        await page.getByRole('button', { name: 'Add to cart' }).click();
      }
      await waitForCartCount(page, 1);

      // when the shopper pays with the test card that the bank declines
      await page.goto('/checkout');
      await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
      await fillCheckout(page, { email: 'ada@example.com', cardNumber: DECLINED_CARD });
      await page.getByRole('button', { name: /^Place order/ }).click();

      // then the page says the card was declined and keeps the shopper on checkout
      const message = page.getByTestId('checkout-message');
      await message.waitFor();
      const text = await message.textContent();
      await screenshot(page, shots, '11-checkout-declined');
      expect(text).toMatch(/declined/i);
      expect(page.url()).toMatch(/\/checkout$/);
      expect(await page.getByText('This card was declined.').isVisible()).toBe(true);

      // and the cart still has its item, on the server too
      await page.goto('/cart');
      await page.locator('.cart-line').first().waitFor();
      expect(await page.locator('.cart-line').count()).toBe(1);
      expect(await cartCount(page).textContent()).toBe('1');
    }, 180_000);

    it('when a developer opens /explorer, then GraphiQL runs from the build with the schema docs, no CDN needed', async () => {
      const { page } = shopper;
      const external: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.origin !== new URL(system.url).origin && !url.protocol.startsWith('blob') && !url.protocol.startsWith('data')) external.push(request.url());
      });
      // when
      await page.goto('/explorer');
      await page.locator('.graphiql-query-editor', { hasText: 'trending' }).waitFor();
      await page.locator('.graphiql-execute-button').click();
      await page.locator('.result-window', { hasText: '"trending"' }).waitFor();
      await page.getByRole('button', { name: /Show Documentation Explorer/i }).click();
      await page.locator('.graphiql-doc-explorer', { hasText: 'Query' }).waitFor();
      await screenshot(page, shots, '13-explorer');
      // then
      expect(await page.locator('.result-window').textContent()).toContain('"trending"');
      expect(external).toEqual([]);
    }, 120_000);
  });

  describe('a guest on a phone', () => {
    let shopper: Shopper;
    beforeAll(async () => {
      shopper = await newShopper(system.url, PHONE);
    }, 60_000);
    afterAll(async () => {
      await shopper?.close();
    });

    it('when a guest searches, fills a cart and signs up, then the cart is still there after signing up', async () => {
      const { page } = shopper;
      // given a guest who finds a product with the header's search box
      await page.goto('/');
      await waitForProducts(page);
      await screenshot(page, shots, '20-home');
      const query = ((await page.locator('.card-brand').first().textContent()) ?? 'shirt').trim();
      await page.getByRole('searchbox', { name: 'Search products' }).fill(query);
      await page.getByRole('searchbox', { name: 'Search products' }).press('Enter');
      await page.waitForFunction(() => window.location.pathname === '/search');
      await page.getByRole('heading', { level: 1, name: /Results for/ }).waitFor();
      await waitForProducts(page);
      const results = await page.locator('.listing-count').textContent();
      await screenshot(page, shots, '21-search');

      // and puts it in the cart
      const name = await addInStockProductToCart(page, inStockCard(page));
      await waitForCartCount(page, 1);
      await screenshot(page, shots, '22-product');
      await page.goto('/cart');
      await page.locator('.cart-line').first().waitFor();
      await screenshot(page, shots, '23-cart');

      // when the guest creates an account
      await page.getByRole('link', { name: 'Sign in' }).click();
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
      await page.getByLabel('Name').fill('Grace Hopper');
      await page.getByLabel('Email').fill(`grace-${Date.now()}@example.com`);
      await page.getByLabel('Password').fill('correct horse battery staple');
      await screenshot(page, shots, '24-sign-up');
      await page.getByRole('button', { name: 'Create account' }).click();

      // then the shopper is signed in and the cart still holds the item
      await page.locator('.account-menu summary').waitFor();
      await waitForCartCount(page, 1);
      await page.goto('/cart');
      await page.locator('.cart-line').first().waitFor();
      const lines = await page.locator('.cart-line-name').allTextContents();
      await screenshot(page, shots, '25-cart-signed-in');
      await page.getByRole('link', { name: 'Go to checkout' }).click();
      await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
      await screenshot(page, shots, '26-checkout');

      expect(results).toMatch(/\d+ products?/);
      expect(lines).toEqual([name]);
      expect(await page.getByText('Signed in as').isVisible()).toBe(true);
    }, 240_000);

    it('when the shopper picks another region, then stock is shown for it and the choice survives a reload', async () => {
      const { page } = shopper;
      // given a product page in Europe
      await page.goto('/');
      await inStockCard(page).locator('a.card-link').click();
      await page.getByTestId('stock-region').waitFor();
      const before = await page.getByTestId('stock-region').textContent();
      // when the shopper switches the region to Asia
      await page.getByRole('combobox', { name: 'Shipping region' }).selectOption('asia');
      await page.getByTestId('stock-region').filter({ hasText: / in Asia/ }).waitFor();
      const after = await page.getByTestId('stock-region').textContent();
      await screenshot(page, shots, '27-product-asia');
      await page.reload();
      await page.getByTestId('stock-region').filter({ hasText: / in Asia/ }).waitFor();
      // then
      expect(before).toMatch(/ in Europe/);
      expect(after).toMatch(/ in Asia/);
      expect(await page.getByRole('combobox', { name: 'Shipping region' }).inputValue()).toBe('asia');
    }, 120_000);
  });
});

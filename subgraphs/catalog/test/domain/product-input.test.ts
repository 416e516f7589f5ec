import { validateProductInput } from '../../src/domain/product-input';

const valid = {
  name: '  Linen Shirt ',
  brand: 'Juniper',
  description: 'Cool linen. ',
  category: 'shirts',
  currencyCode: 'JPY',
  variants: [{ sku: 'LS-1', price: '4500', options: [{ name: 'Size', value: 'M' }] }],
};

describe('product input validation', () => {
  it('when the input is valid, then it is trimmed and prices become exact minor units of its currency', () => {
    // given a product priced in yen (no decimals)
    // when it is validated
    const { draft, errors } = validateProductInput(valid);

    // then the draft is clean
    expect(errors).toEqual([]);
    expect(draft).toMatchObject({ name: 'Linen Shirt', description: 'Cool linen.', images: [], attributes: [] });
    expect(draft!.variants).toEqual([{ sku: 'LS-1', options: [{ name: 'Size', value: 'M' }], priceMinor: 4500, compareAtPriceMinor: null }]);
  });

  it('when several fields are wrong, then each is reported with its path', () => {
    // given a name with a control character, an unknown currency and a bad image
    // when it is validated
    const { draft, errors } = validateProductInput({ ...valid, name: 'Bad\u0000Name', currencyCode: 'EURO', images: [{ url: 'ftp://x' }] });

    // then every problem is listed
    expect(draft).toBeNull();
    expect(errors.map((error) => error.field)).toEqual([['input', 'name'], ['input', 'currencyCode'], ['input', 'images', '0', 'url']]);
    expect(errors.every((error) => error.code === 'BAD_USER_INPUT')).toBe(true);
  });

  it('when a yen price has decimals, then it is an invalid price', () => {
    // given 45.50 yen
    // when validated
    const { errors } = validateProductInput({ ...valid, variants: [{ sku: 'LS-1', price: '45.50' }] });

    // then the price is refused
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_PRICE', field: ['input', 'variants', '0', 'price'] })]);
  });
});

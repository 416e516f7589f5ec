import type { LocalVectorIndex } from '@shop/recommendations';

/** A small shop: T-shirts close to each other in meaning, shoes apart, a watch further still. */
export interface FixtureProduct {
  id: string;
  name: string;
  brand: string;
  colour: string;
  /** Category ids from the top down. */
  categoryIds: string[];
  priceMinor: number;
  /** Stock of its one variant in eu (us and asia get 3 each). */
  stockEu: number;
  /** Hand-made embedding (normalised when indexed): T-shirts point one way, shoes another. */
  vector: [number, number, number, number];
}

export const CATEGORIES = [
  { id: 'apparel', slug: 'apparel', name: 'Apparel', parentId: null, position: 0 },
  { id: 'apparel.tshirts', slug: 'apparel-tshirts', name: 'Tshirts', parentId: 'apparel', position: 0 },
  { id: 'footwear', slug: 'footwear', name: 'Footwear', parentId: null, position: 1 },
  { id: 'footwear.shoes', slug: 'footwear-shoes', name: 'Shoes', parentId: 'footwear', position: 0 },
  { id: 'accessories', slug: 'accessories', name: 'Accessories', parentId: null, position: 2 },
];

const TSHIRTS = ['apparel', 'apparel.tshirts'];
const SHOES = ['footwear', 'footwear.shoes'];

export const PRODUCTS: FixtureProduct[] = [
  {
    id: 'tee-red',
    name: 'Acme Men Red Crew T-shirt',
    brand: 'Acme',
    colour: 'Red',
    categoryIds: TSHIRTS,
    priceMinor: 1_999,
    stockEu: 20,
    vector: [1, 0.2, 0, 0],
  },
  {
    id: 'tee-blue',
    name: 'Zeta Women Blue V-neck T-shirt',
    brand: 'Zeta',
    colour: 'Blue',
    categoryIds: TSHIRTS,
    priceMinor: 2_499,
    stockEu: 20,
    vector: [0.8, 0.6, 0, 0],
  },
  {
    id: 'tee-green',
    name: 'Orbit Unisex Green Graphic T-shirt',
    brand: 'Orbit',
    colour: 'Green',
    categoryIds: TSHIRTS,
    priceMinor: 1_499,
    stockEu: 2,
    vector: [0.6, 0.8, 0.1, 0],
  },
  {
    id: 'shoe-run',
    name: 'Swift Men Black Running Shoes',
    brand: 'Swift',
    colour: 'Black',
    categoryIds: SHOES,
    priceMinor: 5_999,
    stockEu: 10,
    vector: [0.1, 0, 1, 0.1],
  },
  {
    id: 'shoe-walk',
    name: 'Stride Women White Walking Shoes',
    brand: 'Stride',
    colour: 'White',
    categoryIds: SHOES,
    priceMinor: 4_999,
    stockEu: 10,
    vector: [0, 0.1, 0.95, 0.3],
  },
  {
    id: 'watch',
    name: 'Tick Unisex Steel Analog Watch',
    brand: 'Tick',
    colour: 'Steel',
    categoryIds: ['accessories'],
    priceMinor: 8_999,
    stockEu: 5,
    vector: [0, 0, 0.1, 1],
  },
];

export const skuOf = (productId: string) => `${productId}-m`;
export const product = (id: string) => PRODUCTS.find((candidate) => candidate.id === id)!;

/** What catalog's `upsertMany` takes for the fixture (EUR, one size-M variant each). */
export function catalogRecords(now: Date) {
  return PRODUCTS.map((item) => ({
    id: item.id,
    slug: item.id,
    name: item.name,
    brand: item.brand,
    description: `${item.name} for the REST tests.`,
    currencyCode: 'EUR',
    priceMinor: item.priceMinor,
    images: [{ url: `/images/${item.id}.jpg`, alt: item.name }],
    attributes: [{ name: 'Colour', value: item.colour }],
    categoryIds: item.categoryIds,
    variants: [{ sku: skuOf(item.id), options: [{ name: 'Size', value: 'M' }], priceMinor: item.priceMinor }],
    createdAt: now,
    updatedAt: now,
  }));
}

type VectorRecords = Parameters<LocalVectorIndex['upsert']>[0];

/** The fixture as recommendations' indexer would store it, with the hand-made vectors. */
export function vectorRecords(): VectorRecords {
  return PRODUCTS.map((item) => {
    const length = Math.hypot(...item.vector);
    return {
      id: item.id,
      vector: Float32Array.from(item.vector.map((value) => value / length)),
      metadata: {
        name: item.name,
        brand: item.brand,
        categories: item.categoryIds.flatMap((id) => [id, CATEGORIES.find((category) => category.id === id)!.slug]),
        articleType: CATEGORIES.find((category) => category.id === item.categoryIds[item.categoryIds.length - 1])!.name,
        colour: item.colour,
        textHash: `fixture-${item.id}`,
      },
    };
  });
}

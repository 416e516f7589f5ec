import type { SeedProduct } from '../../src/seed/seed-product';

const DAY = 24 * 3600 * 1000;
const START = Date.UTC(2024, 0, 1);

interface Spec {
  id: string;
  name: string;
  brand: string;
  path: [string, string, string];
  price: number;
  attributes: Record<string, string>;
  sizes?: string[];
  description?: string;
  compareAt?: number;
}

/** A small hand-made catalog whose every listing answer can be worked out by hand. */
const SPECS: Spec[] = [
  { id: 'shoe-1', name: 'Kestrel Canvas Sneakers', brand: 'Kestrel', path: ['Footwear', 'Shoes', 'Casual Shoes'], price: 4999, attributes: { Colour: 'Navy', 'Upper Material': 'Canvas' }, sizes: ['41', '42', '43'], description: 'Everyday canvas sneakers with a rubber sole.' },
  { id: 'shoe-2', name: 'Kestrel Leather Loafers', brand: 'Kestrel', path: ['Footwear', 'Shoes', 'Casual Shoes'], price: 8900, attributes: { Colour: 'Brown', 'Upper Material': 'Leather' }, sizes: ['41', '42'], description: 'Smart leather loafers for the office.', compareAt: 11900 },
  { id: 'shoe-3', name: 'Altura Trail Running Shoes', brand: 'Altura', path: ['Footwear', 'Shoes', 'Sports Shoes'], price: 12000, attributes: { Colour: 'Black', 'Upper Material': 'Mesh' }, sizes: ['42', '43', '44'], description: 'Grippy shoes for muddy trails.' },
  { id: 'shoe-4', name: 'Altura Road Trainers', brand: 'Altura', path: ['Footwear', 'Shoes', 'Sports Shoes'], price: 9999, attributes: { Colour: 'Blue', 'Upper Material': 'Mesh' }, sizes: ['40', '41'], description: 'Lightweight shoes for running on roads.' },
  { id: 'sandal-1', name: 'Marlowe Beach Sandals', brand: 'Marlowe', path: ['Footwear', 'Sandal', 'Sandals'], price: 2999, attributes: { Colour: 'Tan' }, sizes: ['40', '42'], description: 'Light sandals for the beach.' },
  { id: 'tee-1', name: 'Juniper Organic Cotton T-Shirt', brand: 'Juniper', path: ['Apparel', 'Topwear', 'Tshirts'], price: 1999, attributes: { Colour: 'White', Fabric: 'Organic Cotton' }, sizes: ['S', 'M', 'L'], description: 'A soft everyday tee.' },
  { id: 'tee-2', name: 'Juniper Striped T-Shirt', brand: 'Juniper', path: ['Apparel', 'Topwear', 'Tshirts'], price: 2499, attributes: { Colour: 'Navy', Fabric: 'Cotton' }, sizes: ['S', 'M'], description: 'Breton stripes in soft cotton.' },
  { id: 'tee-3', name: 'Bramble Graphic Tee', brand: 'Bramble', path: ['Apparel', 'Topwear', 'Tshirts'], price: 1499, attributes: { Colour: 'Black', Fabric: 'Cotton' }, sizes: ['M', 'L'], description: 'A bold print on a cotton tee.' },
  { id: 'tee-4', name: 'Juniper Linen T-Shirt', brand: 'Juniper', path: ['Apparel', 'Topwear', 'Tshirts'], price: 2499, attributes: { Colour: 'Beige', Fabric: 'Linen' }, sizes: ['M'], description: 'Cool linen for hot days.' },
  { id: 'jeans-1', name: 'Bramble Slim Jeans', brand: 'Bramble', path: ['Apparel', 'Bottomwear', 'Jeans'], price: 7900, attributes: { Colour: 'Blue', Fabric: 'Denim' }, sizes: ['30', '32'], description: 'Slim jeans in stretch denim.' },
  { id: 'watch-1', name: 'Orion Field Watch', brand: 'Orion Time', path: ['Accessories', 'Watches', 'Watches'], price: 24900, attributes: { Colour: 'Black' }, description: 'A rugged field watch with luminous hands.' },
  { id: 'watch-2', name: 'Orion Dive Watch', brand: 'Orion Time', path: ['Accessories', 'Watches', 'Watches'], price: 39900, attributes: { Colour: 'Black' }, description: 'Water resistant to 200 metres.' },
];

/** Products of the fixture catalog; product i was added on day i (the last is the newest). */
export const FIXTURE_PRODUCTS: SeedProduct[] = SPECS.map((spec, position) => ({
  id: spec.id,
  slug: spec.id,
  name: spec.name,
  brand: spec.brand,
  description: spec.description ?? '',
  currencyCode: 'EUR',
  categoryPath: spec.path,
  images: [{ url: `/images/${spec.id}.jpg`, alt: spec.name }],
  attributes: Object.entries(spec.attributes).map(([name, value]) => ({ name, value })),
  variants: (spec.sizes ?? [null]).map((size) => ({
    sku: size ? `${spec.id}-${size}`.toUpperCase() : spec.id.toUpperCase(),
    options: size ? [{ name: 'Size', value: size }] : [],
    priceMinor: spec.price,
    compareAtPriceMinor: spec.compareAt ?? null,
  })),
  createdAt: new Date(START + position * DAY),
}));

export const fixture = (id: string): SeedProduct => {
  const product = FIXTURE_PRODUCTS.find((candidate) => candidate.id === id);
  if (!product) throw new Error(`no fixture product ${id}`);
  return product;
};

/**
 * Deterministic demo stock: the same (seed, sku, region) always gives the same amount.
 * About 10 % of SKU-regions are empty, 15 % low (1–4 units), the rest plenty (20–199).
 */
export function seedQuantity(seed: number, sku: string, region: string): number {
  const roll = hash32(`${seed}|${sku}|${region}`);
  const bucket = roll % 100;
  if (bucket < 10) return 0;
  if (bucket < 25) return 1 + ((roll >>> 8) % 4);
  return 20 + ((roll >>> 8) % 180);
}

/** FNV-1a followed by a murmur3 finaliser, so neighbouring SKUs spread evenly. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

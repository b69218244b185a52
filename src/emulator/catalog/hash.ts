// Deterministic building blocks for the seed: a string hash, GUID-shaped ids derived from names, and a tiny
// seeded PRNG. Nothing in the catalog may depend on Math.random or on the order things are asked for, so
// every id, name and number is a function of a stable name.

/** FNV-1a, 32 bits: small, fast and good enough to spread names over ids and buckets. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Final avalanche (murmur3 fmix) so that names differing in one trailing character land far apart.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

/** A version-4-shaped GUID derived from `name`; the same name always gives the same GUID. */
export function stableGuid(name: string): string {
  const a = hex8(hash32(name, 0x811c9dc5));
  const b = hex8(hash32(name, 0x01234567));
  const c = hex8(hash32(name, 0x89abcdef));
  const d = hex8(hash32(name, 0x13579bdf));
  const variant = ((parseInt(c[0], 16) & 0x3) | 0x8).toString(16);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
}

/** A number in [min, max] picked by `name`: stable per name, spread across names. */
export function pick(name: string, min: number, max: number): number {
  return min + (hash32(name) % (max - min + 1));
}

/** Mulberry32: a seeded PRNG for generating whole structures (browse trees) from one seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** base64url without padding, for opaque tokens the emulator hands out and later decodes. */
export function toToken(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

export function fromToken(token: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  return Buffer.from(token, 'base64url').toString('utf8');
}

/** Short checksum appended to tokens so that arbitrary strings do not decode into something valid. */
export function checksum(text: string): string {
  return hash32(text, 0x2545f491).toString(36);
}

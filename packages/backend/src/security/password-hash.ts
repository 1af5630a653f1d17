import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashes with Node's scrypt, stored as `scrypt$N$r$p$salt$hash` (salt and hash base64).
 * The parameters travel with every hash, so raising them later only changes new hashes; old ones
 * still verify (and can be re-hashed at the next login).
 */
export interface ScryptParameters {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * 2^16 with r=8: 64 MiB and about a tenth of a second per hash on a current CPU. OWASP suggests
 * 2^17; 2^16 halves the memory a burst of logins takes on a small server (logins are also rate
 * limited). Raise it here: stored hashes keep their own parameters.
 */
export const DEFAULT_SCRYPT: ScryptParameters = { N: 2 ** 16, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;

interface ParsedHash extends ScryptParameters {
  readonly salt: Buffer;
  readonly hash: Buffer;
}

function derive(password: string, salt: Buffer, params: ScryptParameters, length: number): Promise<Buffer> {
  // Node's default maxmem (32 MiB) is below what N=2^16, r=8 needs (128·N·r): allow it, with headroom.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.r * (params.N + params.p) };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error === null ? resolve(key) : reject(error)));
  });
}

/** Reads a stored hash; undefined when it is not a well-formed scrypt string. */
export function parsePasswordHash(encoded: string): ParsedHash | undefined {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || (N & (N - 1)) !== 0 || N < 2) return undefined;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const hash = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length === 0 || hash.length === 0) return undefined;
  return { N, r, p, salt, hash };
}

export async function hashPassword(password: string, params: ScryptParameters = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, params, KEY_BYTES);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Constant-time comparison of the derived key; a malformed stored hash never verifies. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parsePasswordHash(encoded);
  if (parsed === undefined) return false;
  const derived = await derive(password, parsed.salt, parsed, parsed.hash.length);
  return derived.length === parsed.hash.length && timingSafeEqual(derived, parsed.hash);
}

/** True when the stored hash uses weaker parameters than today's default (re-hash at next login). */
export function needsRehash(encoded: string, params: ScryptParameters = DEFAULT_SCRYPT): boolean {
  const parsed = parsePasswordHash(encoded);
  return parsed === undefined || parsed.N < params.N || parsed.r < params.r || parsed.p < params.p;
}

let dummy: Promise<string> | undefined;

/**
 * Spends the same scrypt work as a real verification when the username does not exist, so the
 * response time does not tell an attacker which usernames are taken. The result is discarded.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(16).toString('base64'));
  await verifyPassword(password, await dummy);
  return false;
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Random secrets handed to clients (session cookies, CSRF tokens, API tokens, one-time
 * passwords). Only their SHA-256 is stored: they carry 256 bits of randomness, so a fast hash is
 * enough (nothing to brute-force), unlike passwords, which people choose.
 */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Constant-time equality of two strings: their digests have one length, so lengths leak nothing either. */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a, 'utf8').digest(), createHash('sha256').update(b, 'utf8').digest());
}

export const API_TOKEN_PREFIX = 'pw_';
const API_TOKEN_PATTERN = /^pw_[A-Za-z0-9_-]{43}$/;

/** `pw_` + 43 base64url characters (32 random bytes). The prefix lets secret scanners spot leaks. */
export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomSecret(32)}`;
}

export function looksLikeApiToken(raw: string): boolean {
  return API_TOKEN_PATTERN.test(raw);
}

/** What a list shows to recognise a token without revealing it: `pw_` and four characters. */
export function apiTokenDisplayPrefix(raw: string): string {
  return raw.slice(0, API_TOKEN_PREFIX.length + 4);
}

/** One-time passwords: 18 random bytes as base64url (24 characters, 144 bits), over the policy minimum. */
export function oneTimePassword(): string {
  return randomSecret(18);
}

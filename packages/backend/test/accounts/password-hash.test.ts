import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, parsePasswordHash, verifyAgainstDummy, verifyPassword } from '../../src/security/password-hash.js';
import { checkPasswordPolicy } from '../../src/security/password-policy.js';
import { apiTokenDisplayPrefix, looksLikeApiToken, newApiToken, safeEqual } from '../../src/security/secret-tokens.js';

// Cheap parameters where the test is about the format, not the cost.
const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapLe', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('stores the parameters with the hash in scrypt$N$r$p$salt$hash form, default N=2^16, r=8, p=1', async () => {
    const stored = await hashPassword('correct horse battery staple');
    const parts = stored.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '65536', '8', '1']);
    const parsed = parsePasswordHash(stored);
    expect(parsed?.salt.length).toBe(16);
    expect(parsed?.hash.length).toBe(32);
  });

  it('verifies with the parameters read from the stored string, so older hashes keep working', async () => {
    const weak = await hashPassword('an older password here', FAST);
    expect(weak.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('an older password here', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword('a current password', { N: 2 ** 16, r: 8, p: 1 }))).toBe(false);
  });

  it('salts every hash differently', async () => {
    const a = await hashPassword('same password twice', FAST);
    const b = await hashPassword('same password twice', FAST);
    expect(a).not.toBe(b);
    expect(parsePasswordHash(a)?.salt.equals(parsePasswordHash(b)?.salt ?? Buffer.alloc(0))).toBe(false);
  });

  it('never verifies a malformed stored hash', async () => {
    for (const bad of ['', 'plain', 'scrypt$3$8$1$AAAA$AAAA', 'bcrypt$1024$8$1$AAAA$AAAA', 'scrypt$1024$8$1$$']) {
      expect(parsePasswordHash(bad)).toBeUndefined();
      expect(await verifyPassword('anything at all', bad)).toBe(false);
    }
  });

  it('runs a dummy verification that always fails', async () => {
    expect(await verifyAgainstDummy('whatever password')).toBe(false);
  });

  it('requires at least 12 characters, with a clear message', () => {
    expect(() => checkPasswordPolicy('short pass')).toThrow(/at least 12 characters long, got 10/);
    expect(() => checkPasswordPolicy('            ')).toThrow(/only spaces/);
    expect(() => checkPasswordPolicy('twelve chars')).not.toThrow();
  });
});

describe('secret tokens', () => {
  it('makes API tokens of the documented shape and a short display prefix', () => {
    const token = newApiToken();
    expect(token).toMatch(/^pw_[A-Za-z0-9_-]{43}$/);
    expect(looksLikeApiToken(token)).toBe(true);
    expect(looksLikeApiToken(`${token}x`)).toBe(false);
    expect(apiTokenDisplayPrefix(token)).toBe(token.slice(0, 7));
    expect(newApiToken()).not.toBe(token);
  });

  it('compares strings of any length safely', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});

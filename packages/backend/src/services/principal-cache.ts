import type { Principal } from '@pactwatch/domain';

/** Who is calling, and whether the store was asked (a lookup may have written the last-used time). */
export interface Identified {
  readonly principal: Principal;
  readonly lookedUp: boolean;
}

interface Entry {
  readonly principal: Principal;
  readonly revision: string;
  /** After this instant the full check must run again (expiry, or the last-used touch is due). */
  readonly validUntilMs: number;
}

/**
 * Who a token or session cookie belongs to, remembered per account revision. Looking a token and
 * its owner up took two queries on every API request; an entry answers instead while the account
 * tables are unchanged, which is exactly as long as the lookup would give the same answer: a
 * revocation, a disabled owner or a role change moves the revision (from any process), and the
 * time-dependent parts (expiry, the once-a-minute touch) end the entry through `validUntilMs`.
 * Keys are SHA-256 hashes of the secrets, never the secrets. Only successes are kept, so unknown
 * tokens cannot fill it; it is bounded anyway, dropping the oldest entry.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = 1_000) {}

  get(keyHash: string, revision: string, nowMs: number): Principal | undefined {
    const entry = this.entries.get(keyHash);
    if (entry === undefined) return undefined;
    if (entry.revision !== revision || nowMs >= entry.validUntilMs) {
      this.entries.delete(keyHash);
      return undefined;
    }
    return entry.principal;
  }

  set(keyHash: string, revision: string, principal: Principal, validUntilMs: number): void {
    this.entries.delete(keyHash);
    this.entries.set(keyHash, { principal, revision, validUntilMs });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

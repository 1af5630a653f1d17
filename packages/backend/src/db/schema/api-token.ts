/** A script's credential: stored as a SHA-256 hash, scoped to a role no higher than its owner's. */
export interface ApiTokenTable {
  id: string;
  name: string;
  user_id: string;
  role: string;
  token_hash: string;
  /** The first characters of the token (`pw_ab12`), enough to recognise it in a list. */
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

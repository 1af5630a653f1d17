/**
 * A signed-in browser session. The id is the SHA-256 of the random session token, so a copy of
 * the database does not hand out live sessions; the CSRF token is stored hashed for the same reason.
 */
export interface UserSessionTable {
  id: string;
  user_id: string;
  csrf_hash: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  client_ip: string | null;
  user_agent: string | null;
}

/**
 * A person who signs in to the API. `username_key` is the lowercased username and carries the
 * unique index, so "Alice" and "alice" are one account whichever way it is typed.
 */
export interface AppUserTable {
  id: string;
  username: string;
  username_key: string;
  display_name: string;
  role: string;
  /** `scrypt$N$r$p$salt$hash`: the parameters travel with the hash so they can be raised later. */
  password_hash: string;
  /** 1 after a generated one-time password: the holder must choose their own. */
  must_change_password: number;
  disabled_at: string | null;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

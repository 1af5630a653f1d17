import { PactwatchError } from '@pactwatch/domain';

export const MIN_PASSWORD_LENGTH = 12;
/** scrypt accepts any length; a cap keeps a huge body from becoming a CPU cost. */
export const MAX_PASSWORD_LENGTH = 1024;

/** Length is the rule that matters (NIST SP 800-63B): no composition rules, no forced rotation. */
export function checkPasswordPolicy(password: string): void {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) {
    throw new PactwatchError('VALIDATION_FAILED', `password: must be at least ${MIN_PASSWORD_LENGTH} characters long, got ${length}`);
  }
  if (length > MAX_PASSWORD_LENGTH) throw new PactwatchError('VALIDATION_FAILED', `password: must be at most ${MAX_PASSWORD_LENGTH} characters long`);
  if (password.trim() === '') throw new PactwatchError('VALIDATION_FAILED', 'password: must not be only spaces');
}

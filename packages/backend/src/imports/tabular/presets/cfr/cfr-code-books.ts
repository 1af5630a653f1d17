import { confirmed, type ActivityRule } from '../../records/activity-rules.js';
import { codeBook } from '../../records/code-book.js';

/** The columns of the CFR Cyber Operations Tracker export, first name the one CFR uses. */
export const CFR_COLUMNS = {
  title: ['Title'],
  date: ['Date'],
  affiliations: ['Affiliations'],
  description: ['Description'],
  response: ['Response'],
  victims: ['Victims'],
  sponsor: ['Sponsor'],
  type: ['Type'],
  category: ['Category'],
  sources: [['Sources_1'], ['Sources_2'], ['Sources_3']],
} as const;

export const CFR_REQUIRED_COLUMNS: ReadonlyArray<readonly string[]> = [CFR_COLUMNS.title, CFR_COLUMNS.date, CFR_COLUMNS.victims, CFR_COLUMNS.sponsor, CFR_COLUMNS.type, CFR_COLUMNS.category];

export const CFR_DEFAULTS = {
  /**
   * CFR lists suspected sponsors from press and vendor reporting without grading them; 60 keeps a
   * CFR attribution below the default evaluation threshold (70), so a CFR row alone gives at most
   * a possible breach.
   */
  confidence: 60,
  /** CFR is a curated research tracker: without a citation that shows more, its coding is the basis. */
  basis: 'academic',
  attributedBy: 'Council on Foreign Relations (Cyber Operations Tracker)',
  publisher: 'Council on Foreign Relations',
  /** CFR writes dates month first (1/20/2022). */
  dateFormat: 'mm/dd/yyyy',
} as const;

/**
 * CFR incident types the shared activity-type table (packages/domain/src/normalise) lacks. Looked
 * up after the shared table, so a row added there takes over.
 */
export const CFR_TYPE_SUPPLEMENT = codeBook<ActivityRule>('CFR type', [
  { id: 'cfr-type-data-destruction', spellings: ['Data destruction'], values: [confirmed('sabotage')], reason: 'Wiping data is destructive: the taxonomy\'s sabotage.' },
  { id: 'cfr-type-doxing', spellings: ['Doxing', 'Doxxing'], values: [confirmed('influence-operation')], reason: 'Publishing stolen data is the hack-and-leak of the taxonomy\'s influence operation.' },
]);

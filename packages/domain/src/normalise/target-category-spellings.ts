import type { TargetCategory } from '../model/taxonomy.js';
import { spellingTable, type SpellingRule } from './spelling-table.js';

/**
 * Target-category spellings seen in sources (MISP `cfr-target-category`, Tidal `target_categories`)
 * → the model's five target categories. Policy (docs/IMPORT-MISP.md):
 * - critical-infrastructure only for the sectors the taxonomy names (energy, telecommunications,
 *   transport, water, finance, health) or a spelling that itself says "critical" or "infrastructure";
 * - other industries are private-sector (companies, including state-owned ones acting commercially);
 * - academia, media, NGOs, religious and rights groups, individuals are civil-society;
 * - a spelling that can mean two categories is ambiguous and keeps both candidates.
 */
export const TARGET_CATEGORY_RULES: readonly SpellingRule<TargetCategory>[] = [
  { id: 'target-private-sector', spellings: ['Private sector', 'Private Sector', 'Business', 'Commercial', 'Services', 'Professional Services', 'Legal'], to: ['private-sector'], reason: 'Companies in general, including law firms and other professional services.' },
  { id: 'target-government', spellings: ['Government', 'Government Institutions', 'Government agencies and services'], to: ['government'] },
  { id: 'target-intergovernmental', spellings: ['Intergovernmental'], to: ['government'], reason: 'International organisations and their diplomats; the model has no separate category and treats diplomats as government.' },
  { id: 'target-military', spellings: ['Military'], to: ['military'] },
  { id: 'target-defense', spellings: ['Defense'], to: ['military', 'private-sector'], reason: 'Usually listed next to "Military", so mostly the defence industry, but it can also mean defence ministries; the source does not say which.' },
  { id: 'target-defense-industry', spellings: ['Defense industrial base', 'Defense Contractor'], to: ['private-sector'], reason: 'Defence contractors are companies.' },
  { id: 'target-civil-society', spellings: ['Civil society', 'Civil Society', 'NGOs', 'Non Profit', 'Human Rights', 'Pro-democracy and human rights political organizations', 'Think Tanks'], to: ['civil-society'] },
  { id: 'target-individuals', spellings: ['Individuals', 'Dissident', 'Journalists'], to: ['civil-society'], reason: 'The taxonomy counts individuals, dissidents and media as civil society.' },
  { id: 'target-religious', spellings: ['Religious organization', 'Religious Organizations'], to: ['civil-society'] },
  { id: 'target-academia', spellings: ['Education', 'Universities', 'Scientific Research'], to: ['civil-society'], reason: 'The taxonomy counts academia as civil society.' },
  { id: 'target-media', spellings: ['Media'], to: ['civil-society'], reason: 'The taxonomy counts media as civil society.' },
  { id: 'target-entertainment', spellings: ['Media and Entertainment', 'Entertainment'], to: ['private-sector'], reason: 'An industry label (studios, broadcasters, game companies as businesses), unlike plain "Media".' },
  { id: 'target-energy-water', spellings: ['Energy', 'Energy Company', 'Petroleum', 'Nuclear', 'Utilities', 'Water'], to: ['critical-infrastructure'], reason: 'Energy and water are named critical infrastructure by the taxonomy; utilities supply them.' },
  { id: 'target-telecommunications', spellings: ['Telecommunications', 'Telecoms', 'Telecomms'], to: ['critical-infrastructure'] },
  { id: 'target-transport', spellings: ['Transportation', 'Transportation systems', 'Rail', 'Aviation', 'Logistics', 'Maritime'], to: ['critical-infrastructure'], reason: 'Transport is named critical infrastructure by the taxonomy.' },
  { id: 'target-finance', spellings: ['Finance', 'Financial', 'Financial services', 'Banks', 'Credit Unions', 'Insurance'], to: ['critical-infrastructure'], reason: 'The taxonomy counts finance infrastructure as critical infrastructure (as the UN GGE norms and CISA do).' },
  { id: 'target-health', spellings: ['Health', 'Healthcare', 'Medical'], to: ['critical-infrastructure'], reason: 'Health systems are named critical infrastructure by the taxonomy.' },
  { id: 'target-infrastructure', spellings: ['Infrastructure', 'Critical manufacturing'], to: ['critical-infrastructure'], reason: 'The spelling itself says infrastructure / critical (Critical Manufacturing is a CISA critical-infrastructure sector).' },
  {
    id: 'target-industry',
    spellings: ['Aerospace', 'Automotive', 'Biomedical', 'Chemical', 'Civil engineering', 'Construction', 'Electronics', 'Electronics Manufacturers', 'Manufacturing', 'Mining', 'Pharmaceuticals', 'Semiconductor Industry', 'Semi Conductors', 'Agriculture', 'Food and agriculture'],
    to: ['private-sector'],
    reason: 'Industries made up of companies; not among the sectors the taxonomy names as critical infrastructure.',
  },
  { id: 'target-technology', spellings: ['High-Tech', 'High Tech', 'Information technology', 'Information Technology', 'Technology'], to: ['private-sector'] },
  { id: 'target-consumer-services', spellings: ['Retail', 'Hospitality', 'Hospitality Leisure', 'Travel', 'Travel Services', 'Gaming', 'Video Games', 'Gambling companies', 'Gambling Websites', 'Casinos Gambling'], to: ['private-sector'] },
  { id: 'target-cryptocurrency', spellings: ['Cryptocurrency'], to: ['private-sector'], reason: 'Exchanges and crypto companies; the taxonomy\'s finance infrastructure means banks and payment systems.' },
  {
    id: 'target-covid-research',
    spellings: ['Covid-19 research organizations'],
    to: ['private-sector', 'civil-society', 'critical-infrastructure'],
    reason: 'Mixes pharmaceutical companies, universities and public-health bodies; the source does not say which were targeted.',
  },
];

export const TARGET_CATEGORY_SPELLINGS = spellingTable<TargetCategory>('target-category spellings', TARGET_CATEGORY_RULES);

/**
 * The hand-kept alias layer over the ISO table: spellings that appear in incident catalogues,
 * press and UN documents but not in the ISO package's English names. Keys are written naturally;
 * they are normalised (case, accents, punctuation, a leading "the") before lookup.
 */
export const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  'U.S.': 'US', 'U.S': 'US', 'US of A': 'US', 'United States of America': 'US', 'America': 'US', 'Washington DC': 'US',
  'UK': 'GB', 'U.K.': 'GB', 'Britain': 'GB', 'Great Britain': 'GB', 'England': 'GB',
  'United Kingdom of Great Britain and Northern Ireland': 'GB',
  'PRC': 'CN', "People's Republic of China": 'CN', 'China (PRC)': 'CN', 'Mainland China': 'CN', 'China, mainland': 'CN',
  'ROC': 'TW', 'Republic of China': 'TW', 'Taiwan, Republic of China': 'TW', 'Chinese Taipei': 'TW',
  'Iran (Islamic Republic of)': 'IR', 'Islamic Republic of Iran': 'IR', 'Persia': 'IR',
  'N Korea': 'KP', 'N. Korea': 'KP', 'North Korea': 'KP', 'DPRK': 'KP', "Democratic People's Republic of Korea": 'KP',
  "Korea (Democratic People's Republic of)": 'KP', 'Korea, North': 'KP', 'Korea, DPR': 'KP',
  'S Korea': 'KR', 'S. Korea': 'KR', 'South Korea': 'KR', 'ROK': 'KR', 'Republic of Korea': 'KR', 'Korea (Republic of)': 'KR',
  'Korea, South': 'KR', 'Korea': 'KR',
  'Russia': 'RU', 'Russian Federation': 'RU', 'USSR': 'RU', 'Soviet Union': 'RU',
  'Syria': 'SY', 'Syrian Arab Republic': 'SY', 'Viet Nam': 'VN', 'Vietnam': 'VN', 'Laos': 'LA', "Lao People's Democratic Republic": 'LA',
  'Venezuela (Bolivarian Republic of)': 'VE', 'Bolivia (Plurinational State of)': 'BO', 'Moldova (Republic of)': 'MD',
  'Republic of Moldova': 'MD', 'Moldova': 'MD', 'Gaza': 'PS', 'Gaza Strip': 'PS', 'Tanzania (United Republic of)': 'TZ', 'United Republic of Tanzania': 'TZ',
  'Micronesia (Federated States of)': 'FM', 'Palestine': 'PS', 'State of Palestine': 'PS', 'Palestinian Territories': 'PS',
  'Macedonia': 'MK', 'FYROM': 'MK', 'The former Yugoslav Republic of Macedonia': 'MK', 'North Macedonia': 'MK',
  'Czech Republic': 'CZ', 'Czechia': 'CZ', 'Ivory Coast': 'CI', "Cote d'Ivoire": 'CI', 'Burma': 'MM', 'Myanmar': 'MM',
  'Swaziland': 'SZ', 'Eswatini': 'SZ', 'Cape Verde': 'CV', 'Cabo Verde': 'CV', 'East Timor': 'TL', 'Timor-Leste': 'TL',
  'Holland': 'NL', 'The Netherlands': 'NL', 'Vatican': 'VA', 'Holy See': 'VA', 'Kosovo': 'XK', 'UAE': 'AE',
  'Congo (Democratic Republic of the)': 'CD', 'DRC': 'CD', 'DR Congo': 'CD', 'Congo-Kinshasa': 'CD', 'Congo-Brazzaville': 'CG',
  'Turkey': 'TR', 'Türkiye': 'TR', 'Turkiye': 'TR', 'Brunei': 'BN', 'Brunei Darussalam': 'BN',
};

/** Capitals and other metonyms ("Beijing said…") are a separate, opt-in layer: never a country name. */
export const COUNTRY_METONYMS: Readonly<Record<string, string>> = {
  Beijing: 'CN', Moscow: 'RU', Washington: 'US', London: 'GB', Berlin: 'DE', Canberra: 'AU', Ottawa: 'CA', Tehran: 'IR',
  Pyongyang: 'KP', Seoul: 'KR', Tokyo: 'JP', Paris: 'FR', Kyiv: 'UA', Kiev: 'UA', 'Tel Aviv': 'IL', Jerusalem: 'IL',
  Taipei: 'TW', 'New Delhi': 'IN', Islamabad: 'PK', Riyadh: 'SA', Ankara: 'TR', Hanoi: 'VN', Brussels: 'BE',
};

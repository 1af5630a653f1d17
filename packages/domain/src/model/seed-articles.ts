/** The two articles the curated dataset starts from (kept in shared/seeds, not in the repo). */
export const SEED_ARTICLES = {
  'burgess-2017': {
    author: 'Christopher Burgess',
    title: 'Dissecting China\u2019s Global Bilateral Cybersecurity Strategy',
    date: '2017',
    file: 'seeds/000_80f315a86675f289.txt',
  },
  'iasiello-2016': {
    author: 'Emilio Iasiello',
    title: 'No-Hack Pacts \u2013 Beijing Assumes a Global Leadership Role',
    publisher: 'The Cyber Defense Review',
    date: '2016-01-12',
    file: 'seeds/004_b5ee714263754dfc.txt',
  },
} as const;

export type SeedArticleId = keyof typeof SEED_ARTICLES;
export const SEED_ARTICLE_IDS = Object.keys(SEED_ARTICLES) as [SeedArticleId, ...SeedArticleId[]];

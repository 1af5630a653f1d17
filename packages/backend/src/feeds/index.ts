export * from './feed-types.js';
export { FeedService, FEED_WATCHER, type AddFeedRequest } from './feed-service.js';
export { parseFeed, type ParsedFeed } from './feed-parser.js';
export { htmlToText, htmlTitle } from './plain-text.js';
export { readFolder, FOLDER_EXTENSIONS } from './folder-source.js';
export { PoliteFetcher, HostGate, MAX_REDIRECTS, USER_AGENT, type FetchOptions, type FetchResult } from './polite-fetcher.js';
export type { StoredFeedItem } from '../repositories/feed-repository.js';

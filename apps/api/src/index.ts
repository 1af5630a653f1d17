export { buildApp, registeredRoutes, type BuildAppOptions, type RouteInfo } from './build-app.js';
export { startServer, type ServerHandle, type StartServerOptions } from './server.js';
export { SESSION_COOKIE, CSRF_HEADER } from './plugins/authentication.js';
export { API_PREFIX } from './route-deps.js';

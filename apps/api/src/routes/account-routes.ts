import { ROLES } from '@pactwatch/domain';
import { z } from 'zod';
import { errorResponses, writeErrorResponses } from '../contracts/common.js';
import { auditContext } from '../http/edit-context.js';
import { API_PREFIX, type Api, type RouteDeps } from '../route-deps.js';

const userResponse = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    disabled: z.boolean(),
    disabledAt: z.string().nullable(),
    failedLogins: z.number().int(),
    lockedUntil: z.string().nullable(),
    mustChangePassword: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'User' });

const tokenResponse = z
  .object({
    id: z.string(),
    name: z.string(),
    userId: z.string(),
    username: z.string(),
    role: z.enum(ROLES),
    prefix: z.string().describe('First characters of the token, to recognise it; the secret is never shown again'),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

const usernameParams = z.object({ username: z.string().min(1).max(200) }).strict();

/** Users and API tokens: admins only. Every change lands in the audit log. */
export function registerAccountRoutes(app: Api, { core }: RouteDeps): void {
  app.get(
    `${API_PREFIX}/users`,
    { config: { access: 'admin' }, schema: { tags: ['accounts'], summary: 'User accounts (admin)', response: { 200: z.object({ items: z.array(userResponse) }), ...errorResponses } } },
    async () => ({ items: await core.accounts.listUsers() }),
  );

  app.post(
    `${API_PREFIX}/users`,
    {
      config: { access: 'admin' },
      schema: {
        tags: ['accounts'],
        summary: 'Create a user (admin); without a password a one-time password is returned once',
        body: z.object({ username: z.string().min(1).max(200), role: z.enum(ROLES), displayName: z.string().min(1).max(200).optional(), password: z.string().min(1).max(1024).optional() }).strict(),
        response: { 201: z.object({ user: userResponse, oneTimePassword: z.string().nullable() }), ...writeErrorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await core.accounts.createUser(request.body, auditContext(request))),
  );

  app.patch(
    `${API_PREFIX}/users/:username`,
    {
      config: { access: 'admin' },
      schema: {
        tags: ['accounts'],
        summary: 'Change a user\'s role or disable/enable the account (admin)',
        params: usernameParams,
        body: z.object({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional() }).strict(),
        response: { 200: userResponse, ...writeErrorResponses },
      },
    },
    async (request) => {
      const by = auditContext(request);
      const { username } = request.params;
      let user = await core.accounts.getUser(username);
      if (request.body.role !== undefined && request.body.role !== user.role) user = await core.accounts.setRole(username, request.body.role, by);
      if (request.body.disabled === true && !user.disabled) user = await core.accounts.disableUser(username, by);
      if (request.body.disabled === false && user.disabled) user = await core.accounts.enableUser(username, by);
      return user;
    },
  );

  app.post(
    `${API_PREFIX}/users/:username/reset-password`,
    {
      config: { access: 'admin' },
      schema: { tags: ['accounts'], summary: 'Reset a user\'s password to a one-time password, returned once (admin)', params: usernameParams, response: { 200: z.object({ user: userResponse, oneTimePassword: z.string().nullable() }), ...writeErrorResponses } },
    },
    async (request) => core.accounts.resetPassword(request.params.username, auditContext(request)),
  );

  app.get(
    `${API_PREFIX}/tokens`,
    { config: { access: 'admin' }, schema: { tags: ['accounts'], summary: 'API tokens (admin)', querystring: z.object({ user: z.string().max(200).optional() }).strict(), response: { 200: z.object({ items: z.array(tokenResponse) }), ...errorResponses } } },
    async (request) => {
      const owner = request.query.user === undefined ? undefined : (await core.accounts.getUser(request.query.user)).id;
      return { items: await core.auth.listTokens(owner) };
    },
  );

  app.post(
    `${API_PREFIX}/tokens`,
    {
      config: { access: 'admin' },
      schema: {
        tags: ['accounts'],
        summary: 'Create an API token for a user, scoped to a role no higher than theirs; the token is returned once (admin)',
        body: z.object({ user: z.string().min(1).max(200), name: z.string().min(1).max(200), role: z.enum(ROLES), expiresAt: z.iso.datetime().optional() }).strict(),
        response: { 201: z.object({ token: z.string(), info: tokenResponse }), ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const owner = await core.accounts.getUser(request.body.user);
      const created = await core.auth.createToken(owner.id, request.body.name, request.body.role, request.body.expiresAt === undefined ? undefined : new Date(request.body.expiresAt), auditContext(request));
      return reply.code(201).header('cache-control', 'no-store').send(created);
    },
  );

  app.delete(
    `${API_PREFIX}/tokens/:id`,
    { config: { access: 'admin' }, schema: { tags: ['accounts'], summary: 'Revoke an API token (admin)', params: z.object({ id: z.string().min(1).max(200) }).strict(), response: { 200: tokenResponse, ...writeErrorResponses } } },
    async (request) => core.auth.revokeToken(request.params.id, auditContext(request)),
  );
}

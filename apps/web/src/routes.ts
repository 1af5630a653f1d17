import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '@pactwatch/domain';
import type { RouteParams } from './router/router.js';

export interface PageProps {
  readonly params: RouteParams;
}

export interface RouteDef {
  readonly pattern: string;
  readonly title: string;
  /** The least role that may open the page (the API enforces the same on its data). */
  readonly role?: Role;
  readonly page: LazyExoticComponent<ComponentType<PageProps>>;
}

/** Lazily loads a page module's named export (React.lazy wants a default export). */
function page<K extends string>(load: () => Promise<Readonly<Record<K, ComponentType<PageProps>>>>, name: K): LazyExoticComponent<ComponentType<PageProps>> {
  return lazy(async () => ({ default: (await load())[name] }));
}

// Each page is its own chunk: the first load carries only the shell and the page it opens.
// More specific patterns come first (`/incidents/new` before `/incidents/:id`).
export const ROUTES: readonly RouteDef[] = [
  { pattern: '/', title: 'Overview', page: page(() => import('./pages/overview/overview-page.js'), 'OverviewPage') },
  { pattern: '/login', title: 'Sign in', page: page(() => import('./pages/login/login-page.js'), 'LoginPage') },
  { pattern: '/account/password', title: 'Change password', role: 'viewer', page: page(() => import('./pages/account/password-page.js'), 'PasswordPage') },
  { pattern: '/agreements', title: 'Agreements', page: page(() => import('./pages/lists/agreements-page.js'), 'AgreementsPage') },
  { pattern: '/agreements/new', title: 'New agreement', role: 'admin', page: page(() => import('./pages/entry/agreement-form-page.js'), 'AgreementFormPage') },
  { pattern: '/agreements/:id/edit', title: 'Edit agreement', role: 'admin', page: page(() => import('./pages/entry/agreement-form-page.js'), 'AgreementFormPage') },
  { pattern: '/agreements/:id', title: 'Agreement', page: page(() => import('./pages/agreement/agreement-page.js'), 'AgreementPage') },
  { pattern: '/incidents', title: 'Incidents', page: page(() => import('./pages/lists/incidents-page.js'), 'IncidentsPage') },
  { pattern: '/incidents/new', title: 'New incident', role: 'analyst', page: page(() => import('./pages/entry/incident-form-page.js'), 'IncidentFormPage') },
  { pattern: '/incidents/:id/edit', title: 'Edit incident', role: 'analyst', page: page(() => import('./pages/entry/incident-form-page.js'), 'IncidentFormPage') },
  { pattern: '/incidents/:id', title: 'Incident', page: page(() => import('./pages/incident/incident-page.js'), 'IncidentPage') },
  { pattern: '/dyads/:dyad', title: 'Dyad', page: page(() => import('./pages/dyad/dyad-page.js'), 'DyadPage') },
  { pattern: '/review', title: 'Review queue', role: 'analyst', page: page(() => import('./pages/review/review-page.js'), 'ReviewPage') },
  { pattern: '/imports', title: 'Imports', role: 'admin', page: page(() => import('./pages/imports/imports-page.js'), 'ImportsPage') },
];

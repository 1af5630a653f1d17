import type { FieldProblem } from '../../api/problem.js';

/** Field errors keyed by dotted path ("attributions.0.sponsor"), from zod or from a 422 answer. */
export type FieldErrors = Readonly<Record<string, string>>;

interface ZodLikeIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly minimum?: unknown;
  readonly origin?: unknown;
}

/** Dotted key of a path given as ["a", 0, "b"], "/a/0/b" or "a.0.b". */
export function pathKey(path: readonly PropertyKey[] | string): string {
  // Request validation names paths "body/title", the services "/title": both mean the record's title.
  if (typeof path === 'string') return path.replace(/^\//, '').replace(/^body\//, '').replace(/\//g, '.');
  return path.filter((p): p is string | number => typeof p !== 'symbol').join('.');
}

// zod's wording ("Too small: expected string to have >=1 characters") is for developers; an empty
// required field reads better as "required".
function friendly(issue: ZodLikeIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) return 'required';
  if (issue.code === 'too_small' && issue.origin === 'array' && issue.minimum === 1) return 'add at least one';
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'required';
  if (issue.code === 'invalid_type' && /expected number/.test(issue.message)) return 'must be a number';
  return issue.message;
}

export function zodFieldErrors(issues: readonly ZodLikeIssue[]): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = pathKey(issue.path);
    errors[key] ??= friendly(issue);
  }
  return errors;
}

export function problemFieldErrors(problems: readonly FieldProblem[]): FieldErrors {
  const errors: Record<string, string> = {};
  for (const problem of problems) errors[pathKey(problem.path)] ??= problem.message;
  return errors;
}

/** The key of a field under a row prefix ('' for a form that is the row itself). */
export function at(prefix: string, field: string): string {
  return prefix === '' ? field : `${prefix}.${field}`;
}

/** The inline message under a field; its id is what the field's aria-describedby points at. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {message}
    </span>
  );
}

/** Every error of the form in one list at the top (with the field's path), so none is missed. */
export function ErrorSummary({ errors, title }: { errors: FieldErrors; title: string }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div role="alert" className="notice notice-error" tabIndex={-1}>
      <p>
        <strong>{title}</strong>
      </p>
      <ul>
        {entries.map(([path, message]) => (
          <li key={path}>
            <code>{path === '' ? 'record' : path}</code>: {message}
          </li>
        ))}
      </ul>
    </div>
  );
}

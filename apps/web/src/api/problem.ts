/** One field-level problem of a 422 answer (RFC 9457 extension used by the API). */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/** An API error as the dashboard shows it: the server's message and stable code, never a blank page. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: readonly FieldProblem[] = [],
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((p: unknown) => {
    if (!isRecord(p)) return [];
    const path = typeof p['path'] === 'string' ? p['path'] : Array.isArray(p['path']) ? p['path'].join('.') : '';
    // The API names the problem `reason` (docs/ERRORS.md); `message` is kept for other producers.
    const message = typeof p['message'] === 'string' ? p['message'] : typeof p['reason'] === 'string' ? p['reason'] : JSON.stringify(p);
    return [{ path, message }];
  });
}

/** Reads a problem+json body (or anything else) into an ApiError. */
export function toApiError(status: number, body: unknown, statusText: string): ApiError {
  if (isRecord(body)) {
    const code = typeof body['code'] === 'string' ? body['code'] : `HTTP_${status}`;
    const detail = typeof body['detail'] === 'string' ? body['detail'] : typeof body['title'] === 'string' ? body['title'] : statusText;
    const requestId = typeof body['requestId'] === 'string' ? body['requestId'] : null;
    return new ApiError(status, code, detail, fieldProblems(body['problems']), requestId);
  }
  return new ApiError(status, `HTTP_${status}`, typeof body === 'string' && body !== '' ? body.slice(0, 300) : statusText || `HTTP ${status}`);
}

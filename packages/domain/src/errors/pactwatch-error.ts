import { ERROR_CATALOGUE, type ErrorCode } from './error-catalogue.js';

/** One problem found in input, located precisely enough for a person to fix it. */
export interface Problem {
  /** File path, URL or logical source the problem is in. */
  readonly file?: string;
  /** JSON-pointer-like path to the field (`/commitments/0/scope/targets`) or `row N`. */
  readonly path?: string;
  /** 1-based line in the file, when known. */
  readonly line?: number;
  readonly reason: string;
}

/** Base error with a stable code from the catalogue; what the CLI and API map to exit/HTTP codes. */
export class PactwatchError extends Error {
  readonly code: ErrorCode;
  readonly problems: readonly Problem[];

  constructor(code: ErrorCode, message: string, options: { problems?: readonly Problem[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PactwatchError';
    this.code = code;
    this.problems = options.problems ?? [];
  }

  get exitCode(): number {
    return ERROR_CATALOGUE[this.code].exitCode;
  }

  get httpStatus(): number {
    return ERROR_CATALOGUE[this.code].httpStatus;
  }
}

export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line === undefined ? undefined : `line ${problem.line}`, problem.path]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(': ');
  return where === '' ? problem.reason : `${where}: ${problem.reason}`;
}

export function isPactwatchError(error: unknown): error is PactwatchError {
  return error instanceof PactwatchError;
}

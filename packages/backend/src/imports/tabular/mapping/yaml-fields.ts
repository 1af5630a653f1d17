import { PactwatchError, type Problem } from '@pactwatch/domain';
import type { ParsedYaml } from '../../../dataset/yaml-locator.js';

type Path = ReadonlyArray<string | number>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads typed fields from a parsed YAML document, collecting every problem with its line. */
export class YamlFields {
  readonly problems: Problem[] = [];

  constructor(
    private readonly file: string,
    private readonly parsed: ParsedYaml,
  ) {}

  fail(path: Path, reason: string): undefined {
    const line = this.parsed.lineOf(path);
    this.problems.push({ file: this.file, path: path.join('.') || '(top)', reason, ...(line === undefined ? {} : { line }) });
    return undefined;
  }

  object(value: unknown, path: Path, allowed: readonly string[]): Record<string, unknown> | undefined {
    if (!isObject(value)) return this.fail(path, 'must be a mapping of keys to values');
    for (const key of Object.keys(value)) if (!allowed.includes(key)) this.fail([...path, key], `unknown key (a typo?); the keys here are ${allowed.join(', ')}`);
    return value;
  }

  string(value: unknown, path: Path, required: boolean): string | undefined {
    if (value === undefined || value === null) return required ? this.fail(path, 'is required') : undefined;
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string' || value.trim() === '') return this.fail(path, 'must be a non-empty string');
    return value;
  }

  oneOf<T extends string>(value: unknown, path: Path, allowed: readonly T[], fallback?: T): T | undefined {
    if ((value === undefined || value === null) && fallback !== undefined) return fallback;
    const text = this.string(value, path, true);
    if (text === undefined) return undefined;
    if ((allowed as readonly string[]).includes(text)) return text as T;
    return this.fail(path, `"${text}" is not one of ${allowed.join(', ')}`);
  }

  stringList(value: unknown, path: Path): string[] | undefined {
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.length === 0) return this.fail(path, 'must be a column name or a list of them');
    const out = list.map((item, index) => this.string(item, [...path, index], true));
    return out.every((item): item is string => item !== undefined) ? out : undefined;
  }

  /** Throws one VALIDATION_FAILED listing every problem, when there are any. */
  throwIfProblems(): void {
    const first = this.problems[0];
    if (first === undefined) return;
    const where = [first.line === undefined ? undefined : `line ${first.line}`, first.path].filter((p): p is string => p !== undefined).join(': ');
    const more = this.problems.length > 1 ? ` (and ${this.problems.length - 1} more problem(s))` : '';
    throw new PactwatchError('VALIDATION_FAILED', `${this.file}: ${where}: ${first.reason}${more}`, { problems: this.problems });
  }
}

export { isObject };

import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

/** Where a command writes: data to stdout, diagnostics to stderr; colour only for people. */
export interface Output {
  readonly colors: Colors;
  readonly width: number;
  out(text: string): void;
  err(text: string): void;
}

export function createOutput(options: { color: boolean }): Output {
  // NO_COLOR (https://no-color.org) and non-terminals disable colour whatever the flag says.
  const noColorEnv = process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '';
  const enabled = options.color && !noColorEnv && process.stdout.isTTY === true;
  return {
    colors: pc.createColors(enabled),
    width: process.stdout.isTTY === true ? (process.stdout.columns ?? 120) : 120,
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

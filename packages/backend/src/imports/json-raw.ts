/**
 * The JSON text of one parsed unit, kept as its raw form. JSON.parse accepts nesting thousands of
 * levels deep but JSON.stringify overflows the stack on it (a RangeError, not a PactwatchError),
 * so a unit that cannot be serialised is reported as too deep and quarantined instead.
 */
export const TOO_DEEP_REASON = 'nested too deeply to be kept as JSON text (thousands of levels; records are a few levels deep)';
export const TOO_DEEP_RAW = '"(not kept: nested too deeply to serialise)"';

export function rawJsonText(value: unknown): { readonly text: string } | { readonly tooDeep: true } {
  try {
    return { text: JSON.stringify(value) ?? 'null' };
  } catch (error) {
    if (error instanceof RangeError) return { tooDeep: true };
    throw error;
  }
}

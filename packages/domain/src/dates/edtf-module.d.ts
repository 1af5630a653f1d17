// The `edtf` package ships no type declarations; this declares the small surface pactwatch uses.
declare module 'edtf' {
  interface EdtfValue {
    /** Earliest instant covered, in milliseconds since the epoch (UTC). */
    readonly min: number;
    /** Latest instant covered, in milliseconds since the epoch (UTC). */
    readonly max: number;
    readonly edtf: string;
    readonly type: string;
  }
  function edtf(input: string): EdtfValue;
  export default edtf;
}

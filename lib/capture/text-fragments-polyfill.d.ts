// text-fragments-polyfill ships JavaScript only: the part of its generator capture uses.
declare module 'text-fragments-polyfill/dist/fragment-generation-utils.js' {
  export const GenerateFragmentStatus: {
    SUCCESS: 0;
    INVALID_SELECTION: 1;
    AMBIGUOUS: 2;
    TIMEOUT: 3;
    EXECUTION_FAILED: 4;
  };
  export interface GenerateFragmentResult {
    status: number;
    fragment?: { textStart: string; textEnd?: string; prefix?: string; suffix?: string };
  }
  export function generateFragment(selection: Selection, startTime?: number): GenerateFragmentResult;
  export function generateFragmentFromRange(range: Range, startTime?: number): GenerateFragmentResult;
  export function setTimeout(durationMs: number): void;
}

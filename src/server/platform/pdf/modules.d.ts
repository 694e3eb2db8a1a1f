// Types for the `linebreak` package (UAX #14 line breaking; it ships none). Only what this module uses.
declare module "linebreak" {
  export interface Break {
    /** UTF-16 offset where the next line may start. */
    position: number;
    /** True for a mandatory break (after a newline). */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}

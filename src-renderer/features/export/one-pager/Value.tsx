import { unbreakableRanges } from './unbreakable-ranges'

/**
 * A value printed on the one-pager (a client's value, a name, a label, a typed sentence):
 * isolated in its own bidirectional run, so a right-to-left override (U+202E) or an Arabic or
 * Hebrew name inside it cannot reorder the text that follows ("+30" printed as "03+"), with its
 * figures kept on one line (unbreakable-ranges.ts).
 */
export function Value({ text }: { text: string }) {
  return (
    <bdi>
      {unbreakableRanges(text).map((part, i) =>
        part.nowrap ? (
          <span key={i} className="op-nowrap">
            {part.text}
          </span>
        ) : (
          part.text
        )
      )}
    </bdi>
  )
}

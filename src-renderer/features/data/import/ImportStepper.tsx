import { Check } from 'lucide-react'

/** "1 of 2" with the files' names, so the user knows another file is waiting. */
export function ImportStepper({ files, position }: { files: readonly File[]; position: number }) {
  return (
    <ol className="stepper" aria-label={`File ${position + 1} of ${files.length}`}>
      <li className="stepper__count" aria-hidden>
        {position + 1} of {files.length}
      </li>
      {files.map((file, i) => {
        const state = i < position ? 'done' : i === position ? 'current' : 'next'
        return (
          <li
            key={`${file.name}-${i}`}
            className={`stepper__step stepper__step--${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="stepper__dot" aria-hidden>
              {state === 'done' ? <Check size={12} /> : i + 1}
            </span>
            <span className="stepper__name" title={file.name}>
              {file.name}
            </span>
          </li>
        )
      })}
    </ol>
  )
}

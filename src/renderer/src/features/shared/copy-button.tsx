import { useEffect, useState } from 'react'
import { useTranslation } from '../../i18n'
import { copyText } from './copy-text'

/** How long "Copied" stays on the button. */
const COPIED_FEEDBACK_MS = 1500

/** A "Copy" button for a piece of text, with "Copied" / "Copy failed" feedback. */
export function CopyButton(props: { text: string; label?: string; className?: string }) {
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle')
  const { t } = useTranslation('shared')
  useEffect(() => {
    if (outcome === 'idle') return
    const timer = setTimeout(() => setOutcome('idle'), COPIED_FEEDBACK_MS)
    return () => clearTimeout(timer)
  }, [outcome])
  const copy = async () => setOutcome((await copyText(props.text)) ? 'copied' : 'failed')
  return (
    <>
      <button
        type="button"
        className={props.className ?? 'button--small'}
        aria-label={props.label ?? t('copy.copy')}
        onClick={() => void copy()}
      >
        {outcome === 'copied'
          ? t('copy.copied')
          : outcome === 'failed'
            ? t('copy.failed')
            : t('copy.copy')}
      </button>
      <span role="status" className="sr-only">
        {outcome === 'copied'
          ? t('copy.copiedStatus')
          : outcome === 'failed'
            ? t('copy.failed')
            : ''}
      </span>
    </>
  )
}

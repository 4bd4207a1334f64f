import { useTranslation } from '../../i18n'
import { CopyButton } from '../shared/copy-button'

/** The etcdctl / etcdutl form of a maintenance action, ready to copy (one command per line). */
export function CommandTwin(props: { title: string; commands: readonly string[] | null }) {
  const { title, commands } = props
  const { t } = useTranslation('maintenance')
  if (!commands || commands.length === 0) return null
  const text = commands.join('\n')
  return (
    <div className="command command--twin">
      <div className="command__head">
        <span className="command__title">{title}</span>
        <CopyButton text={text} label={t('twinCopy', { title })} />
      </div>
      <pre className="command__text">{text}</pre>
    </div>
  )
}

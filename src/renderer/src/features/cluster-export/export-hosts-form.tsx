import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from '../../i18n'

/**
 * The host of each member for the systemd units (an IPv4 address or a host name); the engine
 * checks them and builds the units again with them.
 */
export function ExportHostsForm(props: {
  hosts: Record<string, string>
  onApply: (hosts: Record<string, string>) => void
}) {
  const { t } = useTranslation('clusterExport')
  const ids = useId()
  const [draft, setDraft] = useState(props.hosts)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    props.onApply(draft)
  }
  return (
    <form className="export-hosts" onSubmit={onSubmit}>
      <fieldset>
        <legend>{t('hosts.legend')}</legend>
        {Object.keys(props.hosts).map((member, i) => (
          <div key={member} className="export-hosts__row">
            <label htmlFor={`${ids}-${i}`}>{t('hosts.member', { member })}</label>
            <input
              id={`${ids}-${i}`}
              value={draft[member] ?? ''}
              spellCheck={false}
              onChange={(e) => setDraft({ ...draft, [member]: e.target.value.trim() })}
            />
          </div>
        ))}
        <button type="submit" className="button--small">
          {t('hosts.apply')}
        </button>
      </fieldset>
    </form>
  )
}

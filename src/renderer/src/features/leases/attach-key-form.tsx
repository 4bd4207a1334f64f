import { useTranslation } from '../../i18n'
import { useId, useState, type FormEvent } from 'react'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { encodeText, requestBytes } from '../shared/bytes'
import { ErrorMessage } from '../shared/error-message'
import { useAction } from '../shared/use-action'
import { leaseName } from './lease-texts'

/** "Put a key with this lease" (etcdctl put --lease): text key and value. */
export function AttachKeyForm(props: { cluster: string; leaseId: string; onAttached: () => void }) {
  const api = useApi()
  const ids = useId()
  const { t } = useTranslation('leases')
  const [key, setKey] = useState('')
  const [value, setValue] = useState('')
  const attach = useAction(() =>
    api.request('leases:attach', {
      cluster: props.cluster,
      lease: props.leaseId,
      key: requestBytes(encodeText(key)),
      value: requestBytes(encodeText(value)),
    }),
  )
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (key === '') return
    const result = await attach.run()
    if (!result.ok) return
    setKey('')
    setValue('')
    props.onAttached()
  }
  return (
    <form
      className="toolbar"
      aria-label={t('attach.label', { name: leaseName(props.leaseId) })}
      onSubmit={(e) => void onSubmit(e)}
    >
      <label htmlFor={`${ids}-key`}>{t('attach.key')}</label>
      <input id={`${ids}-key`} value={key} onChange={(e) => setKey(e.target.value)} />
      <label htmlFor={`${ids}-value`}>{t('attach.value')}</label>
      <input id={`${ids}-value`} value={value} onChange={(e) => setValue(e.target.value)} />
      <BusyButton type="submit" isBusy={attach.isBusy} disabled={key === ''}>
        {t('attach.put')}
      </BusyButton>
      {attach.error && (
        <ErrorMessage
          error={attach.error}
          context={t('attach.failed')}
          onDismiss={attach.clearError}
        />
      )}
    </form>
  )
}

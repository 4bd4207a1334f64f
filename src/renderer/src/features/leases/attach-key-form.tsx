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
      aria-label={`Put a key with lease ${leaseName(props.leaseId)}`}
      onSubmit={(e) => void onSubmit(e)}
    >
      <label htmlFor={`${ids}-key`}>Key</label>
      <input id={`${ids}-key`} value={key} onChange={(e) => setKey(e.target.value)} />
      <label htmlFor={`${ids}-value`}>Value</label>
      <input id={`${ids}-value`} value={value} onChange={(e) => setValue(e.target.value)} />
      <BusyButton type="submit" isBusy={attach.isBusy} disabled={key === ''}>
        Put key with this lease
      </BusyButton>
      {attach.error && (
        <ErrorMessage
          error={attach.error}
          context="Could not put the key"
          onDismiss={attach.clearError}
        />
      )}
    </form>
  )
}

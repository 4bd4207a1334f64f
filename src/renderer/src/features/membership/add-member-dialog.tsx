import { useTranslation } from '../../i18n'
import { useEngineWords } from '../../i18n/engine-words'
import { useEffect, useState } from 'react'
import type { ClusterStatus, ClusterView } from '../../../../shared/cluster'
import { FormField } from '../settings/form-field'
import { useApi } from '../shared/api-context'
import { ErrorMessage } from '../shared/error-message'
import { Modal } from '../shared/modal'
import { useAction } from '../shared/use-action'
import { quorumAfterAdd, voterCount } from './membership-facts'
import { QuorumNote } from './quorum-note'

/**
 * "Add member": name and ports suggested by the cluster's scheme, "As learner" on by default
 * (it joins without a vote until promoted), the quorum before and after, then member add and
 * start — while it runs, the dialog shows the step (e.g. waiting out "unhealthy cluster").
 */
export function AddMemberDialog(props: {
  cluster: ClusterView
  status: ClusterStatus | null
  onClose: () => void
  onAdded: (view: ClusterView) => void
}) {
  const api = useApi()
  const { t } = useTranslation('membership')
  const words = useEngineWords()
  const name = props.cluster.definition.name
  const [member, setMember] = useState({ name: '', clientPort: '', peerPort: '' })
  const [proxyPort, setProxyPort] = useState<number | undefined>(undefined)
  const [asLearner, setAsLearner] = useState(true)
  const add = useAction(() =>
    api.request('member:add', {
      cluster: name,
      name: member.name,
      clientPort: Number(member.clientPort),
      peerPort: Number(member.peerPort),
      ...(proxyPort === undefined ? {} : { proxyPort }),
      asLearner,
    }),
  )
  useEffect(() => {
    let isCurrent = true
    void api.request('member:suggest', { cluster: name }).then((result) => {
      if (!isCurrent || !result.ok) return
      const s = result.value
      setMember({ name: s.name, clientPort: String(s.clientPort), peerPort: String(s.peerPort) })
      setProxyPort(s.proxyPort)
    })
    return () => {
      isCurrent = false
    }
  }, [api, name])
  const submit = async () => {
    const result = await add.run()
    if (result.ok) props.onAdded(result.value)
  }
  const operation = add.isBusy ? props.cluster.operation : null
  const step = operation?.step ? words(operation.stepWords, operation.step) : null
  const field = (key: 'name' | 'clientPort' | 'peerPort', label: string) => (
    <FormField label={label}>
      {(wiring) => (
        <input
          {...wiring}
          value={member[key]}
          inputMode={key === 'name' ? 'text' : 'numeric'}
          disabled={add.isBusy}
          onChange={(e) => setMember((m) => ({ ...m, [key]: e.target.value }))}
        />
      )}
    </FormField>
  )
  return (
    <Modal title={t('add.title', { cluster: name })} onClose={props.onClose} isBusy={add.isBusy}>
      <div className="modal__body">
        {field('name', t('add.name'))}
        <div className="field-row">
          {field('clientPort', t('add.client'))}
          {field('peerPort', t('add.peer'))}
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={asLearner}
            disabled={add.isBusy}
            onChange={(e) => setAsLearner(e.target.checked)}
          />
          {t('add.asLearner')}
        </label>
        <QuorumNote change={quorumAfterAdd(voterCount(props.cluster, props.status), asLearner)} />
        {step && (
          <p className="muted" role="status" aria-label={t('add.progress')}>
            {step}
          </p>
        )}
      </div>
      {add.error && <ErrorMessage error={add.error} />}
      <div className="modal__actions">
        <button type="button" onClick={props.onClose} disabled={add.isBusy}>
          {t('add.cancel')}
        </button>
        <button
          type="button"
          className="button--primary"
          onClick={() => void submit()}
          disabled={add.isBusy || member.name === ''}
          aria-busy={add.isBusy}
        >
          {add.isBusy ? <span className="spinner" aria-hidden="true" /> : null}
          {t('add.add')}
        </button>
      </div>
    </Modal>
  )
}

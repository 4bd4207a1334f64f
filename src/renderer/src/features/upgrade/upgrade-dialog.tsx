import { useTranslation } from '../../i18n'
import { useState } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import { ErrorMessage } from '../shared/error-message'
import { Modal } from '../shared/modal'
import { useRequest } from '../shared/use-request'
import { RefusalNote } from './refusal-note'
import { UpgradePlanNote } from './upgrade-plan-note'
import { planVerb } from './upgrade-texts'
import type { UpgradeRun } from './use-upgrade'
import { defaultOption } from './version-facts'
import { VersionPicker } from './version-picker'
import { VersionsNow } from './versions-now'

/**
 * "Upgrade etcd": the versions now, every version the cluster could move to (only safe paths can
 * start; the others say why, with the multi-hop path when there is one), and the plan of the one
 * picked. Starting closes the dialog: the header shows the steps, Pause and Abort.
 */
export function UpgradeDialog(props: {
  cluster: ClusterView
  upgrade: UpgradeRun
  onClose: () => void
}) {
  const { cluster, upgrade } = props
  const name = cluster.definition.name
  const { t } = useTranslation('upgrade')
  const asked = useRequest('cluster:upgrade-choices', { cluster: name }, [name])
  const choices = asked.data
  const [picked, setPicked] = useState<string | null>(null)
  const selected =
    (choices && choices.options.find((o) => o.version === picked)) ??
    (choices && defaultOption(choices))
  const start = (version: string, hops: string[], allowHops: boolean) => {
    props.onClose()
    void upgrade.start(version, { allowHops, hops })
  }
  const plan = selected?.verdict.ok ? selected.verdict.plan : null
  return (
    <Modal title={t('dialog.title')} size="large" onClose={props.onClose}>
      <div className="modal__body upgrade-dialog">
        {asked.error && (
          <ErrorMessage
            error={asked.error}
            context={t('dialog.readFailed', { name })}
            onRetry={asked.reload}
          />
        )}
        {!choices && !asked.error && (
          <p className="muted" role="status">
            {t('dialog.reading', { name })}
          </p>
        )}
        {choices && (
          <>
            <VersionsNow choices={choices} />
            {choices.pending && (
              <p className="field__note">
                {t(choices.pending.paused ? 'dialog.pendingPaused' : 'dialog.pendingUnfinished', {
                  target: choices.pending.plan.target,
                })}
              </p>
            )}
            {choices.options.length === 0 ? (
              <p className="muted">{t('dialog.noVersions')}</p>
            ) : (
              <VersionPicker
                choices={choices}
                value={selected?.version ?? ''}
                onChange={setPicked}
              />
            )}
            {plan && <UpgradePlanNote choices={choices} plan={plan} />}
            {selected && !selected.verdict.ok && (
              <RefusalNote
                version={selected.version}
                refusal={selected.verdict.refusal}
                onHops={(hops) => start(selected.version, hops, true)}
              />
            )}
          </>
        )}
      </div>
      <div className="modal__actions">
        <button type="button" onClick={props.onClose}>
          {t('dialog.cancel')}
        </button>
        <button
          type="button"
          className="button--primary"
          disabled={plan === null || upgrade.isStarting}
          onClick={() => plan && start(plan.target, plan.hops, plan.hops.length > 1)}
        >
          {plan
            ? t('dialog.start', { verb: planVerb(plan), target: plan.target })
            : t('dialog.upgrade')}
        </button>
      </div>
    </Modal>
  )
}

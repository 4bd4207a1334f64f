import { useTranslation } from '../../i18n'
import { useMemo, useState } from 'react'
import {
  isEncryptedKubernetesValue,
  readKubernetesEnvelope,
} from '../../../../shared/kubernetes-value'
import type { ValueDecoder } from '../../../../shared/value-decoder'
import { decodeText, toHex } from '../shared/bytes'
import { CopyButton } from '../shared/copy-button'
import { KubernetesView } from './kubernetes-view'
import { defaultMode, ValueBody, type ValueMode } from './value-body'
import './key-history.css'

/** How the viewer shows a value: a ValueBody mode, or the Kubernetes object view. */
type ViewerMode = ValueMode | 'kubernetes'

/** The decoder behind what a mode shows (text that is not UTF-8 is shown as hex: binary). */
function decoderOf(mode: ViewerMode, value: Uint8Array): ValueDecoder {
  switch (mode) {
    case 'kubernetes':
      return 'kubernetes'
    case 'json':
      return 'json'
    case 'text':
      return decodeText(value) === null ? 'binary' : 'text'
    case 'hex':
      return 'binary'
  }
}

/**
 * A key's value with its display modes (Kubernetes when it is a Kubernetes protobuf value, Text,
 * JSON, Hex), the decoder it is shown with, and Copy. Opens with the best decoder for the bytes.
 */
export function ValueDisplay(props: { value: Uint8Array | null }) {
  const { value } = props
  const [picked, setPicked] = useState<ViewerMode | null>(null)
  const { t } = useTranslation('keys')
  const isKubernetes = useMemo(
    () => value !== null && readKubernetesEnvelope(value) !== null,
    [value],
  )
  const modes: ViewerMode[] = isKubernetes
    ? ['kubernetes', 'text', 'json', 'hex']
    : ['text', 'json', 'hex']
  const fallback: ViewerMode =
    value === null ? 'text' : isKubernetes ? 'kubernetes' : defaultMode(value)
  const mode = picked !== null && modes.includes(picked) ? picked : fallback
  return (
    <>
      <div className="value-viewer__tools">
        <div className="segmented" role="group" aria-label={t('display.as')}>
          {modes.map((m) => (
            <button key={m} type="button" aria-pressed={mode === m} onClick={() => setPicked(m)}>
              {t(`display.${m}`)}
            </button>
          ))}
        </div>
        {value && <CopyButton text={decodeText(value) ?? toHex(value)} label={t('display.copy')} />}
      </div>
      {value && (
        <p className="value-decoder">
          {t('display.decoder', { decoder: t(`display.decoders.${decoderOf(mode, value)}`) })}
        </p>
      )}
      {value && !isKubernetes && isEncryptedKubernetesValue(value) && (
        <p className="value-body__note">{t('display.encrypted')}</p>
      )}
      {!value ? (
        <p className="muted">{t('display.noValue')}</p>
      ) : mode === 'kubernetes' ? (
        <KubernetesView value={value} />
      ) : (
        <ValueBody value={value} mode={mode} />
      )}
    </>
  )
}

import type { TFunction } from 'i18next'
import type { ClusterEvent } from '../../../../shared/cluster-events'
import { engineWordsText } from '../../i18n/engine-words'

/** An event in the window's language (a user action keeps the engine's label of the operation). */
export function eventWords(event: ClusterEvent, t: TFunction<'timeline'>): string {
  switch (event.kind) {
    case 'leader-change': {
      const to = event.member
      const from = event.from ?? null
      if (to === null) return from ? t('leader.noneFrom', { from }) : t('leader.none')
      return from ? t('leader.tookOver', { to, from }) : t('leader.elected', { to })
    }
    case 'member-state':
      return event.state && event.member
        ? t(`state.${event.state}`, { member: event.member })
        : event.text
    case 'user-action': {
      const english = event.text.replace(/: (done|failed — [\s\S]*|cancelled)$/, '')
      const label = engineWordsText(t as unknown as TFunction)(event.labelWords, english)
      return event.outcome ? `${label}: ${t(`outcome.${event.outcome}`)}` : label
    }
  }
}

import { i18n } from '../../i18n'

/** A unit Intl.NumberFormat names ("42 sec", "42 秒"). */
type TimeUnit = 'day' | 'hour' | 'minute' | 'second' | 'millisecond'

/**
 * An amount of a unit in the window's language, by Intl (en "2 min", "4.2 sec"; ja "2 分",
 * "4.2 秒"); `fractionDigits` fixes the digits after the point (default: whole numbers).
 */
function unitText(amount: number, unit: TimeUnit, fractionDigits = 0): string {
  return new Intl.NumberFormat(i18n.language, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(amount)
}

/** Seconds as "1 hr 2 min 5 sec" (short TTLs stay "42 sec"; days drop the seconds). */
export function formatSeconds(total: number): string {
  if (total < 60) return unitText(total, 'second')
  const days = Math.floor(total / 86_400)
  const parts: [number, TimeUnit][] = [
    [days, 'day'],
    [Math.floor((total % 86_400) / 3600), 'hour'],
    [Math.floor((total % 3600) / 60), 'minute'],
    [days === 0 ? total % 60 : 0, 'second'],
  ]
  return parts
    .filter(([amount]) => amount > 0)
    .map(([amount, unit]) => unitText(amount, unit))
    .join(' ')
}

/** A duration in ms: "850 ms", "4.2 sec", "2 min 5 sec". */
export function durationWords(ms: number): string {
  if (ms < 1000) return unitText(Math.round(ms), 'millisecond')
  if (ms < 60_000) return unitText(ms / 1000, 'second', 1)
  const seconds = Math.round(ms / 1000)
  return `${unitText(Math.floor(seconds / 60), 'minute')} ${unitText(seconds % 60, 'second')}`
}

import { useEffect, useRef } from 'react'
import uPlot, { type AlignedData, type Options } from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { EVENT_COLORS, type AxisEvent } from './axis-events'
import { formatValue, type ValueFormat } from './metric-charts'

/** Series colours, one per member in order (distinct on light and dark backgrounds). */
const PALETTE = ['#2f9e44', '#1971c2', '#e8590c', '#9c36b5', '#0c8599', '#c2255c', '#5c940d']
/** Tick steps of a count axis: 1, 2, 5, 10, 20, 50, … up to 5e12. */
const WHOLE_STEPS = Array.from({ length: 13 }, (_, e) => [1, 2, 5].map((m) => m * 10 ** e)).flat()
/** Why 160 px: thirteen charts fit two screens while a line's steps stay readable. */
const CHART_HEIGHT = 160

/**
 * One time chart (uPlot: canvas, thousands of points cheaply): one line per series, the values
 * under the cursor in its legend, and the events drawn as vertical marks on the time axis. The
 * plot is made once per set of series; new samples only replace its data.
 */
export function TimeChart(props: {
  title: string
  /** The hover legend's name of the time column, in the window's language. */
  timeLabel: string
  /** Charts with the same key move their cursors together: one hover reads every chart. */
  syncKey: string
  series: readonly string[]
  data: AlignedData
  format: ValueFormat
  events: readonly AxisEvent[]
}) {
  const { title, timeLabel, syncKey, series, data, format, events } = props
  const host = useRef<HTMLDivElement>(null)
  const plot = useRef<uPlot | null>(null)
  const eventsRef = useRef(events)
  const dataRef = useRef(data)
  const seriesKey = series.join('\u0000')
  useEffect(() => {
    const element = host.current
    if (!element) return
    // The theme's colours (light or dark), read from the tokens the window's CSS defines.
    const style = getComputedStyle(element)
    const ink = style.getPropertyValue('--fg').trim() || '#1d2430'
    const grid = style.getPropertyValue('--border').trim() || '#dde1e7'
    const options: Options = {
      width: Math.max(element.clientWidth, 200),
      height: CHART_HEIGHT,
      series: [
        { label: timeLabel },
        ...series.map((label, i) => ({
          label,
          stroke: PALETTE[i % PALETTE.length],
          width: 1.5,
          value: (_u: uPlot, v: number | null) => formatValue(v, format),
        })),
      ],
      axes: [
        { stroke: ink, grid: { stroke: grid }, ticks: { stroke: grid } },
        {
          stroke: ink,
          grid: { stroke: grid },
          ticks: { stroke: grid },
          size: 70,
          // Counts tick at whole numbers only (no "1, 1, 0" from rounding 0.5 steps).
          ...(format === 'count' ? { incrs: WHOLE_STEPS } : {}),
          values: (_u, ticks) => ticks.map((v) => formatValue(v, format)),
        },
      ],
      scales: { y: { range: (_u, min, max) => (min === max ? [0, max || 1] : [min, max]) } },
      cursor: { sync: { key: syncKey } },
      plugins: [eventMarks(() => eventsRef.current)],
    }
    const made = new uPlot(options, dataRef.current, element)
    plot.current = made
    // Charts follow the panel's width (the window resized, the sidebar moved).
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() =>
            made.setSize({ width: element.clientWidth, height: CHART_HEIGHT }),
          )
    observer?.observe(element)
    return () => {
      observer?.disconnect()
      made.destroy()
      plot.current = null
    }
    // Rebuilt only when the series change; data and events go through refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seriesKey, format, timeLabel, syncKey])
  useEffect(() => {
    dataRef.current = data
    plot.current?.setData(data)
  }, [data])
  useEffect(() => {
    eventsRef.current = events
    plot.current?.redraw(false)
  }, [events])
  return (
    <figure className="metrics-chart" aria-label={title}>
      <figcaption className="metrics-chart__title">{title}</figcaption>
      <div ref={host} className="metrics-chart__plot" />
    </figure>
  )
}

/** A uPlot plugin drawing each event inside the shown time range as a dashed vertical line. */
function eventMarks(events: () => readonly AxisEvent[]): uPlot.Plugin {
  return {
    hooks: {
      draw: [
        (u) => {
          const { ctx } = u
          const { top, height } = u.bbox
          const [from, to] = [u.scales.x?.min ?? 0, u.scales.x?.max ?? 0]
          ctx.save()
          ctx.setLineDash([4, 3])
          ctx.lineWidth = uPlot.pxRatio
          for (const event of events()) {
            if (event.at < from || event.at > to) continue
            const x = Math.round(u.valToPos(event.at, 'x', true))
            ctx.strokeStyle = EVENT_COLORS[event.kind]
            ctx.beginPath()
            ctx.moveTo(x, top)
            ctx.lineTo(x, top + height)
            ctx.stroke()
          }
          ctx.restore()
        },
      ],
    },
  }
}

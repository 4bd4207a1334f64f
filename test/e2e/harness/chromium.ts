import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { fileURLToPath } from 'node:url'

/** Debian's Chromium: Playwright's own browser download is not possible here. */
const CHROMIUM = process.env.ETCD_DESK_CHROMIUM ?? '/usr/bin/chromium'
/** Screens are saved here for review (kept out of git). */
const SCREENSHOT_DIR = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url))

/** A browser page plus the page errors and console errors it reported. */
export interface OpenPage {
  browser: Browser
  page: Page
  pageErrors: string[]
  consoleErrors: string[]
  close: () => Promise<void>
}

/**
 * Opens Debian's Chromium headless (Playwright gives it a fresh temporary profile) and loads `url`;
 * `locale` sets the browser's language (navigator.languages), as the OS's language would.
 */
export async function openPage(url: string, options: { locale?: string } = {}): Promise<OpenPage> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Why: root in a container needs --no-sandbox; the network flags stop Chromium's own calls
    // home, which this closed network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    ...(options.locale && { locale: options.locale }),
  })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const page = await context.newPage()
  const pageErrors: string[] = []
  const consoleErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  page.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()))
  // Console 404 messages do not say which URL; record failed responses with their URL.
  page.on(
    'response',
    (res) => res.status() >= 400 && consoleErrors.push(`HTTP ${res.status()} ${res.url()}`),
  )
  await page.goto(url)
  return { browser, page, pageErrors, consoleErrors, close: () => browser.close() }
}

/** Saves a full-page screenshot of the current screen. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}

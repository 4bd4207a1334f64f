import i18next from 'eslint-plugin-i18next'

/**
 * Window files whose strings are not in the catalogues yet (src/renderer/src/i18n/locales).
 * Each one still shows English text to Japanese users; remove a file from this list once its
 * strings go through t(). Keep the list short: a new file is never added here.
 */
export const notYetTranslated = []

/**
 * Every string the window shows comes from a catalogue: JSX text and the attributes users see
 * (aria-label, title, placeholder, alt and the label/note props of our own components) must not
 * be literals. Product names, URLs, numbers and punctuation are not words to translate.
 */
export const i18nConfig = [
  {
    files: ['src/renderer/src/**/*.tsx'],
    ignores: notYetTranslated,
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: [
              'aria-label',
              'title',
              'placeholder',
              'alt',
              'label',
              '^[a-z]+Label$',
              'note',
              'hint',
              'legend',
              'summary',
              'heading',
              'context',
            ],
          },
          words: {
            exclude: [
              // Digits, punctuation, arrows and symbols only.
              '[0-9!-/:-@[-`{-~\\s…→←·—–×✓✗▲▼▾▸•]+',
              // Upper-case codes and names: PID, TLS, DB, error codes.
              '[A-Z0-9_-]+',
              'etcd',
              'etcd Desk',
              'etcdctl',
              // URLs and paths shown as examples.
              '(https?://|/)\\S*',
            ],
          },
        },
      ],
    },
  },
]

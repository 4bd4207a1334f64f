import type { KeyEntry } from '../../src/shared/keys'
import { FakeApi, fail, ok } from './fake-api'
import { bytes, keyEntry, text } from './fixtures'

/** A binary key: not UTF-8, shown escaped. */
const BINARY_KEY = new Uint8Array([0x62, 0x69, 0x6e, 0xff, 0x00])

/** Values by key text, for keys:get. */
const VALUES: Record<string, Uint8Array> = {
  'app/a': bytes('hello'),
  'app/b': bytes('{"replicas":3}'),
  'app/html': bytes('<img src=x onerror="alert(1)">'),
  [text(BINARY_KEY)]: new Uint8Array([0xde, 0xad, 0xbe, 0xef]),
}

const FIRST_PAGE = ['app/a', 'app/b', 'app/html']

/** A fake engine with five keys: a first page of three, a second page of two. */
export function keysApi(): FakeApi {
  return new FakeApi({
    'keys:list': ({ startKey }) =>
      startKey
        ? ok({
            entries: [keyEntry(BINARY_KEY), keyEntry('config')],
            revision: '10',
            nextKey: null,
            count: 5,
          })
        : ok({
            entries: FIRST_PAGE.map((k) => keyEntry(k)),
            revision: '10',
            nextKey: bytes('app/html\0'),
            count: 5,
          }),
    'keys:get': ({ key }) => {
      const value = VALUES[text(key)]
      return value
        ? ok<KeyEntry>(keyEntry(key, value))
        : fail({ code: 'KEY_NOT_FOUND', message: `Key ${text(key)} does not exist.` })
    },
    'keys:children': ({ prefix }) =>
      text(prefix) === ''
        ? ok({
            children: [
              { name: bytes('app'), path: bytes('app/'), isFolder: true },
              { name: bytes('config'), path: bytes('config'), isFolder: false },
            ],
            nextKey: null,
            revision: '10',
          })
        : ok({
            children: [
              { name: bytes('a'), path: bytes('app/a'), isFolder: false },
              { name: bytes('b'), path: bytes('app/b'), isFolder: false },
            ],
            nextKey: null,
            revision: '10',
          }),
    'keys:count': ({ prefix }) => ok(text(prefix) === 'app/' ? 3 : 5),
    'keys:watch': () => ok({ watchId: '11111111-1111-4111-8111-111111111111' }),
  })
}

import { migration0001 } from './0001-workspace'
import { migration0002 } from './0002-dataset'
import { migration0003 } from './0003-scorecards'
import { migration0004 } from './0004-best-customers'
import { migration0005 } from './0005-one-pager'
import { migration0006 } from './0006-column-judgement'
import { migration0007 } from './0007-crm-fields'
import { migration0008 } from './0008-review-periods'
import { migration0009 } from './0009-prospects'
import { migration0010 } from './0010-column-data-last'
import type { Migration } from './migration'

/** Every schema step, in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010
]

export const LATEST_FORMAT_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0

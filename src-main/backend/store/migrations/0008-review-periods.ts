import type { Migration } from './migration'

const DAY = "GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"

/**
 * Which period each scorecard revision was built on (the close dates of the decided deals in the
 * workspace when it was made) and, for a version saved from a 90-day review, the period it was
 * reviewed on. Existing scorecards have no built period: their review starts at the latest quarter.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'review-periods',
  up(db) {
    db.exec(`
      ALTER TABLE scorecard_revision ADD COLUMN built_from TEXT CHECK (built_from IS NULL OR built_from ${DAY});
      ALTER TABLE scorecard_revision ADD COLUMN built_through TEXT CHECK (built_through IS NULL OR built_through ${DAY});
      ALTER TABLE scorecard_revision ADD COLUMN reviewed_from TEXT CHECK (reviewed_from IS NULL OR reviewed_from ${DAY});
      ALTER TABLE scorecard_revision ADD COLUMN reviewed_through TEXT CHECK (reviewed_through IS NULL OR reviewed_through ${DAY});
    `)
  }
}

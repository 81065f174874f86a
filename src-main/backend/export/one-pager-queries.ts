import type { Database } from 'better-sqlite3'
import type { OnePagerBlockId, OnePagerDocument, PaperSize } from '@shared/domain/one-pager'

/** The stored one-pager of a scorecard (migration 0005). Writes run inside the caller's transaction. */

interface OnePagerRow {
  clientName: string
  preparedBy: string
  date: string
  brandColor: string
  logoDataUrl: string | null
  paper: PaperSize
  economicBuyer: string
  champion: string
  triggers: string
  outbound: string
  content: string
  partners: string
  marketplaces: string
  target: string
  context: string
  cost: string
  change: string
  adjacentScorecardId: number | null
  showMarket: number
}

export function readOnePager(db: Database, scorecardId: number): OnePagerDocument | null {
  const row = db
    .prepare(
      `SELECT client_name AS clientName, prepared_by AS preparedBy, date, brand_color AS brandColor,
              logo_data_url AS logoDataUrl, paper, economic_buyer AS economicBuyer, champion, triggers,
              channel_outbound AS outbound, channel_content AS content, channel_partners AS partners,
              channel_marketplaces AS marketplaces, message_target AS target, message_context AS context,
              message_cost AS cost, message_change AS change, adjacent_scorecard_id AS adjacentScorecardId,
              show_market AS showMarket
       FROM one_pager WHERE scorecard_id = ?`
    )
    .get(scorecardId) as OnePagerRow | undefined
  if (!row) return null
  const statements = db
    .prepare('SELECT statement FROM one_pager_statement WHERE scorecard_id = ? ORDER BY position')
    .pluck()
    .all(scorecardId) as string[]
  const blocks = (
    db.prepare('SELECT block, visible FROM one_pager_block WHERE scorecard_id = ? ORDER BY position').all(scorecardId) as Array<{
      block: OnePagerBlockId
      visible: number
    }>
  ).map((b) => ({ id: b.block, visible: b.visible === 1 }))
  return {
    blocks,
    clientName: row.clientName,
    preparedBy: row.preparedBy,
    date: row.date,
    brandColor: row.brandColor,
    logoDataUrl: row.logoDataUrl,
    paper: row.paper,
    statements,
    economicBuyer: row.economicBuyer,
    champion: row.champion,
    triggers: row.triggers,
    channels: { outbound: row.outbound, content: row.content, partners: row.partners, marketplaces: row.marketplaces },
    messaging: { target: row.target, context: row.context, cost: row.cost, change: row.change },
    adjacentScorecardId: row.adjacentScorecardId,
    // Only when on: a document saved before the market line existed reads back as it was saved.
    ...(row.showMarket === 1 ? { showMarket: true } : {})
  }
}

/** Replaces the scorecard's one-pager with `document` (statements and blocks included). */
export function writeOnePager(db: Database, scorecardId: number, document: OnePagerDocument, now: string): void {
  const d = document
  db.prepare(
    `INSERT INTO one_pager (scorecard_id, client_name, prepared_by, date, brand_color, logo_data_url, paper,
        economic_buyer, champion, triggers, channel_outbound, channel_content, channel_partners, channel_marketplaces,
        message_target, message_context, message_cost, message_change, adjacent_scorecard_id, show_market, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (scorecard_id) DO UPDATE SET
        client_name = excluded.client_name, prepared_by = excluded.prepared_by, date = excluded.date,
        brand_color = excluded.brand_color, logo_data_url = excluded.logo_data_url, paper = excluded.paper,
        economic_buyer = excluded.economic_buyer, champion = excluded.champion, triggers = excluded.triggers,
        channel_outbound = excluded.channel_outbound, channel_content = excluded.channel_content,
        channel_partners = excluded.channel_partners, channel_marketplaces = excluded.channel_marketplaces,
        message_target = excluded.message_target, message_context = excluded.message_context,
        message_cost = excluded.message_cost, message_change = excluded.message_change,
        adjacent_scorecard_id = excluded.adjacent_scorecard_id, show_market = excluded.show_market, updated_at = excluded.updated_at`
  ).run(
    scorecardId,
    d.clientName,
    d.preparedBy,
    d.date,
    d.brandColor,
    d.logoDataUrl,
    d.paper,
    d.economicBuyer,
    d.champion,
    d.triggers,
    d.channels.outbound,
    d.channels.content,
    d.channels.partners,
    d.channels.marketplaces,
    d.messaging.target,
    d.messaging.context,
    d.messaging.cost,
    d.messaging.change,
    d.adjacentScorecardId,
    d.showMarket === true ? 1 : 0,
    now
  )
  db.prepare('DELETE FROM one_pager_statement WHERE scorecard_id = ?').run(scorecardId)
  const statement = db.prepare('INSERT INTO one_pager_statement (scorecard_id, position, statement) VALUES (?, ?, ?)')
  d.statements.forEach((text, position) => statement.run(scorecardId, position, text))
  db.prepare('DELETE FROM one_pager_block WHERE scorecard_id = ?').run(scorecardId)
  const block = db.prepare('INSERT INTO one_pager_block (scorecard_id, position, block, visible) VALUES (?, ?, ?, ?)')
  d.blocks.forEach((b, position) => block.run(scorecardId, position, b.id, b.visible ? 1 : 0))
}

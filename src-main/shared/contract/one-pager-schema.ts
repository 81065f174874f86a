import { z } from 'zod'
import { LOGO_MAX_BYTES, type OnePagerDocument } from '../domain/one-pager'
import { ONE_PAGER_BLOCKS } from '../export/default-one-pager'

export { LOGO_MAX_BYTES }
/** Base64 takes 4 characters per 3 bytes. */
const LOGO_MAX_CHARS = Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 100

const line = (max: number) => z.string().max(max, `At most ${max} characters.`)

/**
 * The one-pager as the editor sends it. Lengths are bounded so the page can still fit on one
 * sheet and the workspace stays small; the logo is an image data URL of a format every
 * Chromium prints (the page never fetches anything).
 */
export const onePagerDocumentSchema = z
  .object({
    blocks: z
      .array(z.object({ id: z.enum(ONE_PAGER_BLOCKS as [string, ...string[]]), visible: z.boolean() }).strict())
      .max(ONE_PAGER_BLOCKS.length)
      .refine((blocks) => new Set(blocks.map((b) => b.id)).size === blocks.length, 'Each block can appear only once.'),
    clientName: line(120),
    preparedBy: line(120),
    date: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Use a date as YYYY-MM-DD.'),
    brandColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour as #rrggbb.'),
    logoDataUrl: z
      .string()
      .max(LOGO_MAX_CHARS, 'The logo must be under 1 MB.')
      .regex(/^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/, 'The logo must be a PNG, JPEG or SVG image.')
      .nullable(),
    paper: z.enum(['letter', 'a4']),
    statements: z.array(line(400)).max(5, 'At most 5 statements.'),
    economicBuyer: line(400),
    champion: line(400),
    triggers: line(600),
    channels: z.object({ outbound: line(300), content: line(300), partners: line(300), marketplaces: line(300) }).strict(),
    messaging: z.object({ target: line(300), context: line(300), cost: line(300), change: line(300) }).strict(),
    adjacentScorecardId: z.number().int().min(1).nullable(),
    showMarket: z.boolean().optional()
  })
  .strict() as unknown as z.ZodType<OnePagerDocument>

/**
 * The scorecard category an attribute most likely belongs to, from its header. Checked in
 * this order because headers mix vocabularies: "Uses Competitor" is a fact about the account's
 * tools (Technographic) before it is a buying-process fact, and "Hiring SDRs" is a trigger,
 * not a sales motion. Anything unrecognised is Firmographic, the largest and safest category,
 * unless it is a fact about the deal (Buying process).
 */
import type { AttributeLevel, ColumnType, DEFAULT_CATEGORIES } from '@shared/domain/dataset'
import { headerText } from './header-words'

type Category = (typeof DEFAULT_CATEGORIES)[number]

const words = (list: readonly string[]): RegExp => new RegExp(`(?:^| )(?:${list.join('|')})(?: |$)`)

const RULES: ReadonlyArray<readonly [Category, RegExp]> = [
  [
    'Technographic',
    words([
      'tech',
      'technology',
      'technologies',
      'technographics?',
      'stack',
      'crm',
      'erp',
      'cms',
      'uses',
      'using',
      'used',
      'tools?',
      'tooling',
      'platforms?',
      'cloud',
      'software',
      'integrations?',
      'installed',
      'hosting',
      'saas tools',
      'apps',
      'marketing automation',
      'data warehouse',
      'database',
      'analytics tool',
      'it spend',
      'tech spend',
      'email provider',
      'ats',
      'hris',
      'cdp',
      'ide',
      'programming',
      'language stack',
      'infrastructure'
    ])
  ],
  [
    'Triggers',
    words([
      'recently',
      'recent',
      'raised',
      'raise',
      'funding',
      'funded',
      'funding round',
      'round',
      'investment',
      'investors?',
      'ipo',
      'hiring',
      'hires?',
      'jobs',
      'postings?',
      'openings?',
      'open roles',
      'new executive',
      'new exec',
      'new (?:cro|cmo|cto|ceo|cfo|cio|ciso|vp|head|leader|leadership|hire|office|location|market|product)',
      'expansion',
      'expanding',
      'merger',
      'mergers',
      'acquisition',
      'acquisitions',
      'acquired',
      'm and a',
      'growth',
      'growing',
      'layoffs?',
      'restructuring',
      'events?',
      'intent',
      'news',
      'trigger',
      'triggers',
      'launch',
      'launched',
      'relocation',
      'relocated',
      'headcount change',
      'leadership change'
    ])
  ],
  [
    'Buying process',
    words([
      'lead source',
      'source',
      'sourced',
      'channel',
      'motion',
      'sales motion',
      'inbound',
      'outbound',
      'partners?',
      'referral',
      'referred',
      'reseller',
      'champion',
      'decision maker',
      'economic buyer',
      'buyer',
      'buying',
      'committee',
      'procurement',
      'owner',
      'rep',
      'sdr',
      'bdr',
      'ae',
      'competitors?',
      'competition',
      'competing',
      'trial',
      'poc',
      'pilot',
      'proof of concept',
      'freemium',
      'self serve',
      'plg',
      'product led',
      'sales led',
      'campaign',
      'deal type',
      'opportunity type',
      'pipeline',
      'persona',
      'stakeholders?',
      'security review',
      'legal review',
      'rfp',
      'marketplace'
    ])
  ]
]

/** Yes/no columns about a product the account has ("Has Salesforce", "On AWS"): its tools. */
const HAS_TOOL = /^(?:has|uses|using|on|runs) /

export function suggestCategory(header: string, type: ColumnType, level: AttributeLevel | null = null): string {
  const text = headerText(header)
  for (const [category, pattern] of RULES) if (pattern.test(text)) return category
  if (type === 'boolean' && HAS_TOOL.test(text)) return 'Technographic'
  // Multi-valued account fields are mostly lists of tools ("Salesforce; HubSpot | Slack").
  if (type === 'multi') return 'Technographic'
  // A fact about the deal (product, price, quantity) says how this client buys, not what it is.
  if (level === 'deal') return 'Buying process'
  return 'Firmographic'
}

/**
 * Header spellings of each role in Salesforce, HubSpot and Pipedrive exports and hand-made
 * sheets, matched against a header's words (see header-words.ts). Scores rank the candidates
 * of one column and settle which column gets a role when two want it: 100 is the role's own
 * name, lower scores are readings that are usually but not always right.
 */
import type { ColumnRole, TableKind } from '@shared/domain/dataset'

export interface RolePattern {
  role: ColumnRole
  score: number
  pattern: RegExp
  /** Table kinds the reading applies to (all when absent). */
  tables?: readonly TableKind[]
  /** For 'ignore': what such a column is ("free text", "a system timestamp"). */
  what?: string
  /** A reading that only holds beside the deal's own dates ("Age" is a deal's age in a pipeline export, a person's elsewhere). */
  needsDealDates?: boolean
}

/** A CRM's name in front of a field: "Salesforce Account ID", "HubSpot Company ID". */
const CRM = '(?:(?:salesforce|sfdc|sf|hub spot|hubspot|hs|pipedrive|crm) )?'
const ACCOUNT = '(?:account|company|organization|organisation|org|customer|client)'
const DEAL = '(?:opportunity|opp|deal)'
const ID = '(?:id|ids|identifier|number|no|key|record id|uuid|guid|code)'
const DEALS_ONLY: readonly TableKind[] = ['deals', 'flat']

const p = (role: ColumnRole, score: number, words: string, tables?: readonly TableKind[]): RolePattern => ({
  role,
  score,
  pattern: new RegExp(`^(?:${words})$`),
  ...(tables ? { tables } : {})
})

/** A column that is not a trait of the account, and what it is instead. */
const skip = (what: string, score: number, words: string, tables?: readonly TableKind[]): RolePattern => ({
  ...p('ignore', score, words, tables),
  what
})

export const ROLE_PATTERNS: readonly RolePattern[] = [
  p('account-id', 100, `${CRM}${ACCOUNT} ${ID}`),
  p('account-id', 95, `associated (?:account|company|organization) ${ID}`, DEALS_ONLY),
  p('account-id', 90, 'record id|id|object id', ['accounts']),
  p('account-name', 100, `${ACCOUNT} (?:legal )?name|legal name|associated (?:account|company|organization)`),
  p('account-name', 90, ACCOUNT),
  p('account-name', 80, 'name', ['accounts']),
  p('account-name', 40, 'name', ['flat']),
  p(
    'domain',
    100,
    [
      'website',
      'web site',
      'domain',
      'company domain name',
      'company domain',
      'domain name',
      'website url',
      'company website',
      'company url',
      'web address',
      'homepage',
      'home page',
      'url',
      'site',
      'web',
      'www',
      'website domain',
      'primary domain',
      'email domain',
      'account website',
      'account domain'
    ].join('|')
  ),

  p('deal-id', 100, `${CRM}${DEAL} ${ID}`),
  p('deal-id', 85, 'record id|id|object id', DEALS_ONLY),
  p('deal-id', 90, `(?:order|invoice|quote|sales order|purchase order|po) ${ID}`, DEALS_ONLY),
  // A leads or campaign table's own record id identifies the row, the deal of that table.
  p('deal-id', 80, `(?:lead|contact|prospect|response) ${ID}`, DEALS_ONLY),
  p(
    'outcome',
    100,
    [
      'outcome',
      'deal outcome',
      'opportunity outcome',
      'won lost',
      'win loss',
      'won or lost',
      'win lost',
      'won loss',
      'result',
      'deal result',
      'closed won lost',
      'win loss status',
      'won lost status'
    ].join('|'),
    DEALS_ONLY
  ),
  p('outcome', 85, `stage|stage name|${DEAL} stage|sales stage|pipeline stage|current stage`, DEALS_ONLY),
  p('outcome', 50, `status|${DEAL} status`, DEALS_ONLY),
  p(
    'deal-amount',
    100,
    [
      'amount',
      `${DEAL} amount`,
      `${DEAL} value`,
      'deal size',
      'total amount',
      'booking amount',
      'bookings',
      'booked amount',
      'contract amount',
      'amount converted',
      'closed amount',
      'won amount',
      'total contract value',
      'tcv'
    ].join('|'),
    DEALS_ONLY
  ),
  // "Amount in company currency", "Amount (EUR) converted": any header that starts with the amount.
  p(
    'deal-amount',
    95,
    `amount .+|(?:${DEAL} )?(?:close|closed|contract|order|booking|won|sale|sales|total) (?:value|amount|total|size)`,
    DEALS_ONLY
  ),
  p('deal-amount', 90, 'acv|annual contract value|first year contract value|contract value', DEALS_ONLY),
  p('deal-amount', 60, 'value|sales|order total|deal revenue|total price', DEALS_ONLY),
  p('deal-amount', 55, 'monthly charges?|monthly fee|monthly price|monthly amount|monthly value', DEALS_ONLY),
  p('deal-amount', 50, 'arr|new arr|mrr|new mrr|annual recurring revenue', DEALS_ONLY),
  p(
    'created-date',
    100,
    [
      'created date',
      'create date',
      'created',
      'creation date',
      'date created',
      'created on',
      'created at',
      'created time',
      `${DEAL} created`,
      `${DEAL} created date`,
      `${DEAL} create date`,
      `${DEAL} creation date`,
      'open date',
      'opened date',
      'date opened',
      'opened',
      'engaged',
      'engage date',
      'engaged date',
      'date engaged',
      'engaged on',
      'first engaged',
      'lead created',
      'lead created date',
      'lead create date',
      'opportunity created on',
      'date of creation',
      'first contact',
      'first contact date',
      'date entered pipeline',
      'entered pipeline',
      'pipeline entry date',
      'sql date',
      'start date',
      'deal start date'
    ].join('|'),
    DEALS_ONLY
  ),
  p(
    'closed-date',
    100,
    [
      'close date',
      'closed date',
      'closing date',
      'date closed',
      'closed on',
      'closed at',
      'close time',
      'closed time',
      'actual close date',
      `${DEAL} close date`,
      `${DEAL} closed date`,
      `${DEAL} closed on`,
      `${DEAL} closed`,
      'close',
      'order date',
      'purchase date',
      'date of purchase',
      'booking date',
      'booked date',
      'close day',
      'deal closed on',
      'deal close time'
    ].join('|'),
    DEALS_ONLY
  ),
  p('closed-date', 60, 'expected close date|expected close|estimated close date|projected close date', DEALS_ONLY),
  p('closed-date', 50, 'won date|won time|date won|closed won date|won on|lost date|lost time|date lost|lost on', DEALS_ONLY),
  p(
    'sales-cycle-days',
    100,
    [
      'sales cycle',
      'sales cycle length',
      'sales cycle days',
      'days to close',
      'days to closed',
      'days to win',
      'sales cycle duration',
      'deal cycle',
      'deal cycle length',
      'cycle time',
      'cycle length',
      'time to close',
      'deal duration',
      'days in pipeline',
      'opportunity duration',
      'length of sales cycle',
      'cycle',
      'cycle days'
    ].join('|')
  ),
  p('sales-cycle-days', 60, `${DEAL} age|days open`, DEALS_ONLY),
  { ...p('sales-cycle-days', 50, 'age', DEALS_ONLY), needsDealDates: true },

  p(
    'churned',
    100,
    [
      'churned',
      'is churned',
      'churn',
      'churn flag',
      'churned flag',
      'has churned',
      'churn status',
      'churned customer',
      'did churn',
      'cancelled',
      'canceled',
      'is cancelled',
      'is canceled',
      `${ACCOUNT} churned`,
      'lost customer'
    ].join('|')
  ),
  p(
    'ltv',
    100,
    [
      'ltv',
      'clv',
      'cltv',
      'lifetime value',
      'customer lifetime value',
      'lifetime revenue',
      'total lifetime value',
      'customer ltv',
      'lifetime spend'
    ].join('|')
  ),
  p('ltv', 60, 'lifetime bookings|total spend|cumulative revenue|total charges|total revenue|total billed|lifetime charges'),
  // In a table of deals, a contract value is the deal's amount; it is a success metric of the account elsewhere.
  p('acv', 100, 'acv|annual contract value|average contract value|acv arr|annualized contract value|contract value annual', ['accounts']),
  p('acv', 80, 'acv|annual contract value|average contract value|acv arr|annualized contract value|contract value annual', DEALS_ONLY),
  p('acv', 70, `arr|annual recurring revenue|current arr|${ACCOUNT} arr|ending arr`),
  p(
    'nrr',
    100,
    [
      'nrr',
      'net revenue retention',
      'net dollar retention',
      'ndr',
      'ndrr',
      'net retention',
      'net retention rate',
      'net revenue retention rate',
      'net dollar retention rate',
      'dollar based net retention',
      'dbnr',
      'dbnrr',
      'nrr rate',
      'ndr rate'
    ].join('|')
  ),
  p(
    'tenure',
    100,
    [
      'tenure',
      `${ACCOUNT} tenure`,
      'tenure in',
      'months as (?:a )?customer',
      'years as (?:a )?customer',
      'customer age',
      'months active',
      'customer lifetime',
      'relationship length',
      'length of relationship',
      'subscription length',
      'months subscribed',
      'customer for'
    ].join('|')
  ),
  p('nps', 100, 'nps|nps score|net promoter score|net promoter|latest nps|last nps|nps rating|nps response|customer nps'),
  p(
    'time-to-value',
    100,
    [
      'time to value',
      'ttv',
      'time to first value',
      'ttfv',
      'days to value',
      'days to first value',
      'time to go live',
      'days to go live',
      'time to live',
      'go live days',
      'onboarding time',
      'onboarding duration',
      'implementation time',
      'implementation duration',
      'days to onboard',
      'time to onboard',
      'onboarding days',
      'implementation days'
    ].join('|')
  ),
  p('time-to-value', 70, 'onboarding|implementation'),
  p(
    'support-tickets',
    100,
    [
      'support tickets',
      'tickets',
      'number tickets',
      'ticket count',
      'number of tickets',
      'tickets count',
      'support ticket count',
      'support cases',
      'cases',
      'case count',
      'number of cases',
      'number cases',
      'support requests',
      'total tickets',
      'support ticket volume',
      'ticket volume',
      'number support tickets',
      'number of support tickets',
      'support volume',
      'tickets opened',
      'tickets filed'
    ].join('|')
  )
]

/**
 * Columns that are not account traits: free text, contact details, system timestamps, row
 * numbers, and fields that give the outcome away (a "Probability" of 100 % is a won deal).
 */
export const IGNORE_PATTERNS: readonly RolePattern[] = [
  skip('free text', 80, '(?:.* )?(?:notes?|comments?|descriptions?|remarks?|memo|summary|next steps?|feedback)'),
  skip('a system timestamp', 85, '(?:.* )?(?:modified|updated|edited|modstamp)(?: .*)?'),
  skip(
    'a record of recent activity',
    85,
    'last (?:activity|contacted|contact|engagement|touch|login|viewed|referenced|used|interaction)(?: .*)?'
  ),
  skip('a system field', 85, 'created by(?: .*)?|system modstamp'),
  skip(
    'a row number',
    90,
    'number|no|row|row number|row no|index|idx|sr|sr no|s no|serial no|serial number|line|line number|unnamed|unnamed 0|rownum|order line number|orderlinenumber|line no|line item number'
  ),
  // Contact details end the header ("Billing Street", "Contact Email"); "Phone Service" is a product.
  skip(
    'contact details',
    80,
    '(?:.* )?(?:e ?mail|email address|phone|phone number|telephone|mobile|fax|street|address|address line|linkedin|linkedin url|twitter|facebook|instagram|youtube|first name|last name|contact first name|contact last name|contactfirstname|contactlastname|full name|contact name)'
  ),
  skip(
    'a place identifier, not a trait',
    80,
    '(?:.* )?(?:zip|zip code|zipcode|postal code|postalcode|postcode|post code|latitude|longitude|lat|lng|lon|geo|coordinates|lat long|geolocation)'
  ),
  skip(
    'a part of a date',
    75,
    [
      'month',
      'months',
      'day of week',
      'day',
      'weekday',
      'week day',
      'day of month',
      'week',
      'week of year',
      'quarter',
      'qtr',
      'qtr id',
      'quarter id',
      'month id',
      'year id',
      'year',
      'fiscal period',
      'fiscal quarter',
      'fiscal year',
      'period',
      'close month',
      'close quarter',
      'close year',
      'created month',
      'created quarter',
      'created year',
      'month of year'
    ].join('|')
  ),
  skip(
    'a field that records the sales process or its result',
    80,
    [
      'probability',
      'win probability',
      'deal probability',
      'forecast category',
      'forecast',
      'forecast category name',
      'is closed',
      'closed',
      'is won',
      'won',
      'is lost',
      'lost',
      'days in stage',
      'time in stage',
      'stage duration',
      'last stage change',
      'last stage change date',
      'stage changed',
      'loss reason',
      'lost reason',
      'reason lost',
      'closed lost reason',
      'won reason',
      'win reason',
      'closed won reason',
      'close reason',
      'closed reason',
      'reason',
      'reason for loss',
      'expected revenue',
      'expected amount',
      'weighted amount',
      'weighted pipeline',
      'weighted value',
      'is converted',
      'converted',
      'has opportunity',
      'stage',
      'deal stage',
      'lifecycle stage',
      'lead status'
    ].join('|')
  ),
  skip('the name of the deal', 80, `${DEAL} name|${DEAL} title|${DEAL}|deal name|title`),
  skip('the name of the deal', 70, 'name', ['deals']),
  skip('an id of another record', 70, '(?:owner|contact|lead|user|campaign|parent|created by|pipeline|stage) id')
]

/** "Account Owner", "Deal owner", "Opportunity Owner Email": ignored only when the values are e-mail addresses. */
export const OWNER_PATTERN = /(?:^| )owner(?: name| email| e mail)?$/

/**
 * Column names that describe the sales process or its result rather than the account: a
 * column like this is known only once the deal has run (or ended), so it cannot score a new
 * prospect however well it "predicts" history. Matched on the header's words, in the
 * vocabularies of Salesforce, HubSpot, Pipedrive and hand-made opportunity reports.
 */

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /(?:^| )(?:days|time|weeks|months|hours) (?:[a-z]+ )?(?:in|at|to|through|thru|since|until|spent in)(?: |$)/,
    'time spent in the sales process'
  ],
  [
    /(?:^| )(?:elapsed|duration|durations|sales cycle|deal age|opportunity age|opp age|days open|days to close)(?: |$)/,
    'how long the deal or a step of it took'
  ],
  [/(?:^| )stages?(?: |$)/, 'the deal’s stage'],
  [
    /(?:^| )(?:stage|step|status) (?:changes?|change count|changed)(?: |$)|number of (?:stage|status) changes/,
    'the number of stage changes'
  ],
  [/(?:^| )ratio(?: of)? days(?: |$)/, 'a ratio of days spent in stages'],
  [
    /(?:^| )(?:lost|loss|won|win|close|closed|churn|cancellation) reasons?(?: |$)|reasons? (?:lost|for loss|won|for win)/,
    'the reason a deal was won or lost'
  ],
  [
    /(?:^| )(?:closed?|signed|signature|contract|won|lost|converted|conversion|onboarding|onboarded|go live|activated|became (?:a )?customer) (?:date|time|on|at|day)(?: |$)/,
    'a date recorded when or after the deal closed'
  ],
  [
    /(?:^| )(?:probability|forecast|forecast category|expected revenue|weighted (?:amount|value|pipeline|revenue))(?: |$)/,
    'a forecast of the outcome'
  ],
  [
    /(?:^| )(?:call|calls|talk|meeting|meetings|activity|activities|emails?|touches|touchpoints?) (?:duration|time|length|count|number)(?: |$)|(?:^| )(?:number|count|no|total) of (?:sales )?(?:activities|calls|meetings|emails|touches)(?: |$)|(?:^| )(?:sales )?activities(?: |$)/,
    'sales activity logged on the deal'
  ],
  [/(?:^| )last (?:activity|call|contact|contacted|touch|engagement|meeting|stage change)(?: |$)/, 'the last step of the sales process'],
  [
    /(?:^| )(?:lifecycle stage|lead status|is won|is closed|is converted|converted|closed won|closed lost|has won|deal won|outcome)(?: |$)/,
    'the outcome itself'
  ],
  [/(?:^| )onboarding (?:completed|complete|status|done)(?: |$)/, 'a step after the sale']
]

/** Lower-case words: "DaysInStage_2" and "Days in Stage 2" read alike. */
function words(header: string): string {
  return header
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** Stages of the company, not of the deal: a funding stage is a trait ("Series B"). */
const COMPANY_STAGE = /(?:^| )(?:funding|company|growth|startup|business|investment|maturity) stage(?: |$)/

/** Why the name says the column records the sales process or its result, or null. */
export function leakByName(header: string): string | null {
  const text = words(header)
  if (COMPANY_STAGE.test(text)) return null
  for (const [pattern, what] of RULES) if (pattern.test(text)) return `the name says it records ${what}`
  return null
}

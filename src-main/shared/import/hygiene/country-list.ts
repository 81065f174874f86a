/**
 * ISO 3166-1 alpha-2 codes with the short English name people write in a CRM ("United
 * Kingdom", "South Korea"), not the formal ISO name ("Korea, Republic of"). Kept as one compact
 * string because the list is data, not logic.
 */
const ALPHA2 = `AD Andorra|AE United Arab Emirates|AF Afghanistan|AG Antigua and Barbuda|AI Anguilla|AL Albania|
AM Armenia|AO Angola|AQ Antarctica|AR Argentina|AS American Samoa|AT Austria|AU Australia|AW Aruba|AX Åland Islands|
AZ Azerbaijan|BA Bosnia and Herzegovina|BB Barbados|BD Bangladesh|BE Belgium|BF Burkina Faso|BG Bulgaria|BH Bahrain|
BI Burundi|BJ Benin|BL Saint Barthélemy|BM Bermuda|BN Brunei|BO Bolivia|BQ Caribbean Netherlands|BR Brazil|BS Bahamas|
BT Bhutan|BV Bouvet Island|BW Botswana|BY Belarus|BZ Belize|CA Canada|CC Cocos (Keeling) Islands|
CD Democratic Republic of the Congo|CF Central African Republic|CG Republic of the Congo|CH Switzerland|CI Côte d'Ivoire|
CK Cook Islands|CL Chile|CM Cameroon|CN China|CO Colombia|CR Costa Rica|CU Cuba|CV Cape Verde|CW Curaçao|
CX Christmas Island|CY Cyprus|CZ Czechia|DE Germany|DJ Djibouti|DK Denmark|DM Dominica|DO Dominican Republic|DZ Algeria|
EC Ecuador|EE Estonia|EG Egypt|EH Western Sahara|ER Eritrea|ES Spain|ET Ethiopia|FI Finland|FJ Fiji|FK Falkland Islands|
FM Micronesia|FO Faroe Islands|FR France|GA Gabon|GB United Kingdom|GD Grenada|GE Georgia|GF French Guiana|GG Guernsey|
GH Ghana|GI Gibraltar|GL Greenland|GM Gambia|GN Guinea|GP Guadeloupe|GQ Equatorial Guinea|GR Greece|
GS South Georgia and the South Sandwich Islands|GT Guatemala|GU Guam|GW Guinea-Bissau|GY Guyana|HK Hong Kong|
HM Heard Island and McDonald Islands|HN Honduras|HR Croatia|HT Haiti|HU Hungary|ID Indonesia|IE Ireland|IL Israel|
IM Isle of Man|IN India|IO British Indian Ocean Territory|IQ Iraq|IR Iran|IS Iceland|IT Italy|JE Jersey|JM Jamaica|
JO Jordan|JP Japan|KE Kenya|KG Kyrgyzstan|KH Cambodia|KI Kiribati|KM Comoros|KN Saint Kitts and Nevis|KP North Korea|
KR South Korea|KW Kuwait|KY Cayman Islands|KZ Kazakhstan|LA Laos|LB Lebanon|LC Saint Lucia|LI Liechtenstein|LK Sri Lanka|
LR Liberia|LS Lesotho|LT Lithuania|LU Luxembourg|LV Latvia|LY Libya|MA Morocco|MC Monaco|MD Moldova|ME Montenegro|
MF Saint Martin|MG Madagascar|MH Marshall Islands|MK North Macedonia|ML Mali|MM Myanmar|MN Mongolia|MO Macao|
MP Northern Mariana Islands|MQ Martinique|MR Mauritania|MS Montserrat|MT Malta|MU Mauritius|MV Maldives|MW Malawi|
MX Mexico|MY Malaysia|MZ Mozambique|NA Namibia|NC New Caledonia|NE Niger|NF Norfolk Island|NG Nigeria|NI Nicaragua|
NL Netherlands|NO Norway|NP Nepal|NR Nauru|NU Niue|NZ New Zealand|OM Oman|PA Panama|PE Peru|PF French Polynesia|
PG Papua New Guinea|PH Philippines|PK Pakistan|PL Poland|PM Saint Pierre and Miquelon|PN Pitcairn Islands|PR Puerto Rico|
PS Palestine|PT Portugal|PW Palau|PY Paraguay|QA Qatar|RE Réunion|RO Romania|RS Serbia|RU Russia|RW Rwanda|
SA Saudi Arabia|SB Solomon Islands|SC Seychelles|SD Sudan|SE Sweden|SG Singapore|SH Saint Helena|SI Slovenia|
SJ Svalbard and Jan Mayen|SK Slovakia|SL Sierra Leone|SM San Marino|SN Senegal|SO Somalia|SR Suriname|SS South Sudan|
ST São Tomé and Príncipe|SV El Salvador|SX Sint Maarten|SY Syria|SZ Eswatini|TC Turks and Caicos Islands|TD Chad|
TF French Southern Territories|TG Togo|TH Thailand|TJ Tajikistan|TK Tokelau|TL Timor-Leste|TM Turkmenistan|TN Tunisia|
TO Tonga|TR Turkey|TT Trinidad and Tobago|TV Tuvalu|TW Taiwan|TZ Tanzania|UA Ukraine|UG Uganda|
UM United States Minor Outlying Islands|US United States|UY Uruguay|UZ Uzbekistan|VA Vatican City|
VC Saint Vincent and the Grenadines|VE Venezuela|VG British Virgin Islands|VI U.S. Virgin Islands|VN Vietnam|VU Vanuatu|
WF Wallis and Futuna|WS Samoa|YE Yemen|YT Mayotte|ZA South Africa|ZM Zambia|ZW Zimbabwe`

export interface Country {
  /** ISO 3166-1 alpha-2. */
  code: string
  name: string
}

export const COUNTRIES: readonly Country[] = ALPHA2.split('|').map((entry) => {
  const text = entry.trim()
  return { code: text.slice(0, 2), name: text.slice(3) }
})

/** Alpha-3 codes of the markets B2B exports come from ("USA", "GBR", "CAN" show up as values). */
export const ALPHA3: Readonly<Record<string, string>> = Object.fromEntries(
  (
    'USA US|GBR GB|DEU DE|FRA FR|CAN CA|AUS AU|NZL NZ|IRL IE|NLD NL|BEL BE|LUX LU|CHE CH|AUT AT|ESP ES|PRT PT|ITA IT|' +
    'SWE SE|NOR NO|DNK DK|FIN FI|ISL IS|POL PL|CZE CZ|SVK SK|HUN HU|ROU RO|BGR BG|GRC GR|HRV HR|SVN SI|EST EE|LVA LV|' +
    'LTU LT|UKR UA|RUS RU|TUR TR|ISR IL|ARE AE|SAU SA|QAT QA|KWT KW|BHR BH|OMN OM|EGY EG|ZAF ZA|NGA NG|KEN KE|MAR MA|' +
    'IND IN|PAK PK|BGD BD|LKA LK|CHN CN|HKG HK|TWN TW|JPN JP|KOR KR|SGP SG|MYS MY|THA TH|IDN ID|PHL PH|VNM VN|MEX MX|' +
    'BRA BR|ARG AR|CHL CL|COL CO|PER PE|URY UY|CRI CR|PAN PA|SRB RS|CYP CY|MLT MT|PRI PR'
  )
    .split('|')
    .map((pair) => [pair.slice(0, 3), pair.slice(4)] as const)
)

/** Other ways people write a country: abbreviations, formal and local names. */
export const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  US: ['U.S.', 'U.S.A.', 'United States of America', 'America', 'Estados Unidos'],
  GB: [
    'UK',
    'U.K.',
    'Great Britain',
    'Britain',
    'England',
    'Scotland',
    'Wales',
    'Northern Ireland',
    'United Kingdom of Great Britain and Northern Ireland'
  ],
  DE: ['Deutschland', 'Federal Republic of Germany'],
  NL: ['The Netherlands', 'Holland', 'Nederland'],
  CH: ['Schweiz', 'Suisse', 'Svizzera'],
  AT: ['Österreich'],
  ES: ['España'],
  IT: ['Italia'],
  SE: ['Sverige'],
  NO: ['Norge'],
  DK: ['Danmark'],
  FI: ['Suomi'],
  PL: ['Polska'],
  CZ: ['Czech Republic'],
  BR: ['Brasil'],
  MX: ['México'],
  TR: ['Türkiye'],
  IE: ['Republic of Ireland', 'Éire'],
  KR: ['Korea', 'Republic of Korea', 'Korea, Republic of', 'Korea (South)'],
  KP: ["Korea, Democratic People's Republic of"],
  RU: ['Russian Federation'],
  CN: ["People's Republic of China", 'PRC', 'Mainland China'],
  HK: ['Hong Kong SAR', 'Hong Kong SAR China'],
  MO: ['Macau'],
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  SA: ['KSA'],
  CI: ['Ivory Coast'],
  CD: ['DR Congo', 'DRC', 'Congo (Kinshasa)', 'Congo, Democratic Republic of the'],
  CG: ['Congo', 'Congo (Brazzaville)'],
  VN: ['Viet Nam'],
  IR: ['Iran, Islamic Republic of'],
  SY: ['Syrian Arab Republic'],
  LA: ['Lao PDR'],
  MD: ['Moldova, Republic of'],
  TZ: ['Tanzania, United Republic of'],
  BO: ['Bolivia, Plurinational State of'],
  VE: ['Venezuela, Bolivarian Republic of'],
  MK: ['Macedonia'],
  SZ: ['Swaziland'],
  MM: ['Burma'],
  CV: ['Cabo Verde'],
  TL: ['East Timor'],
  VA: ['Holy See'],
  PS: ['Palestine, State of', 'Palestinian Territories'],
  BN: ['Brunei Darussalam'],
  FM: ['Micronesia, Federated States of'],
  TW: ['Taiwan, Province of China'],
  BA: ['Bosnia'],
  TT: ['Trinidad']
}

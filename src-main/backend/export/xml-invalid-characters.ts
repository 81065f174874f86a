/**
 * The characters XML 1.0 cannot carry: most control characters, the two non-characters and
 * unpaired surrogate halves. A CRM export sometimes holds them, and one left in a workbook's
 * XML makes the whole file unreadable.
 */
/* eslint-disable no-control-regex -- control characters are exactly what must be found */
export const XML_INVALID_CHARACTERS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
/* eslint-enable no-control-regex */

/**
 * The renderer's Content-Security-Policy. Everything comes from the app itself: no remote
 * scripts, fonts or images, no eval. Inline styles are allowed because the chart library sets
 * style attributes. index.html carries the same policy in a meta tag (a unit test keeps the two
 * equal) and the web host also sends it as a header.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'"
].join('; ')

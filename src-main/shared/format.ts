/** A file size as people read it: "812 B", "24.0 KB", "3.1 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/**
 * A name made safe as a file name on every system: characters Windows, macOS or Linux refuse
 * become "-", leading dots and spaces go (no hidden or relative names), long names are cut.
 */
export function safeFileName(name: string, fallback: string): string {
  const safe = name
    // eslint-disable-next-line no-control-regex -- control characters are exactly what file names must not contain
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.]+$/g, '')
    .slice(0, 100)
    .trim()
  return safe || fallback
}

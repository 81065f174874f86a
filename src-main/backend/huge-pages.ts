/**
 * glibc's malloc asks Linux for transparent huge pages for its large blocks when told to by
 * GLIBC_TUNABLES (glibc 2.35+; other systems ignore the variable). A large import or workspace
 * moves hundreds of MB through freshly allocated blocks, each touched once: the reader's file and
 * columns, the app's columns taken over from it, and SQLite's copy of every column it saves or
 * loads (a bound blob, its record). In 4 KB pages each first touch is a page fault, about 10 us
 * in a virtual machine: saving the 1M-row CSV's columns took 35,000 of them and 0.58 s, against
 * 0.14 s with huge pages. Where Linux gives huge pages only on request ("madvise", Ubuntu's
 * default) this is the request. glibc reads the variable once, when a process starts, so it is
 * set for the processes this app starts: the reader (reader-process.ts) and `icp` itself
 * (cli/relaunch-with-huge-pages.ts). A user's own tunables are kept.
 */
export function withHugePages(tunables: string | undefined): string {
  if (tunables === undefined || tunables === '') return HUGE_PAGES
  return /(^|:)glibc\.malloc\.hugetlb=/.test(tunables) ? tunables : `${tunables}:${HUGE_PAGES}`
}

const HUGE_PAGES = 'glibc.malloc.hugetlb=1'

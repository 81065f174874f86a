/** What only the desktop host can do with an exported file: the native Save dialog and the OS shell. */
export interface DesktopFiles {
  /** The path the user chose in a native Save dialog suggesting `fileName`; null when cancelled. */
  chooseSavePath(fileName: string): Promise<string | null>
  /** Opens the file in the app the system associates with it. */
  openPath(path: string): Promise<void>
  /** Shows the file selected in the system's file manager. */
  showInFolder(path: string): void
}

/** Product facts shared by every host. The version is checked against package.json by a unit test. */
export const APP_NAME = 'ICP Workbench'
export const APP_VERSION = '0.1.0'
export const WORKSPACE_EXTENSION = '.icpw'

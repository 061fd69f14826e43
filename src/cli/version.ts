import { packageVersion } from '../shared/package-root.js';

/** The package version, read once from package.json. */
export const VERSION: string = packageVersion();

/**
 * A real editor for the end-to-end test and the demo: code-server (VS Code
 * in a browser) with the packaged extension installed, and Debian's Chromium
 * driven by playwright-core. See ../shared/e2e-recipe.md for why each piece
 * is what it is.
 *
 * Everything is installed only when missing, and idempotently:
 * - apt: `chromium` (for the test) with `fonts-wqy-microhei` (a Chinese font:
 *   Debian's Chromium has none, and the zh-cn pages would show boxes),
 *   `libkrb5-dev` (code-server's native kerberos module needs its headers),
 *   and `neovim` for the Neovim test; `apt-get update` runs first, once, and
 *   only when something has to be installed;
 * - npm, into the cache folder (`.e2e/` at the repository root, or
 *   $SHAPE_LENS_E2E_CACHE): Node 24 (code-server 4.139 requires it), the
 *   pinned code-server, and playwright-core. A folder counts as installed
 *   once its stamp file names exactly the packages asked for.
 *
 * `editor-install.js` installs; `code-server.js` starts the editor.
 */
'use strict';
const install = require('./editor-install');
const { EDITOR_SETTINGS, startCodeServer } = require('./code-server');

module.exports = {
  CACHE: install.CACHE,
  VERSIONS: install.VERSIONS,
  EDITOR_SETTINGS,
  ensureDebPackages: install.ensureDebPackages,
  ensureNode24: install.ensureNode24,
  ensureCodeServer: install.ensureCodeServer,
  ensureBrowser: install.ensureBrowser,
  ensureAll: install.ensureAll,
  ensureNeovim: install.ensureNeovim,
  startCodeServer,
  which: install.which,
};

if (require.main === module) {
  // `node scripts/editor-setup.js`: install everything now (what the e2e test would do).
  try {
    const r = install.ensureAll();
    console.log(JSON.stringify(r, null, 2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}

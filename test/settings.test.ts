/**
 * The settings are written in three places: the diagnostic codes
 * (server/src/analysis/codes.ts `CODES`, which the server reads them by),
 * package.json's `contributes.configuration` (what VS Code shows) and the
 * README's table. They must say the same: one `shapeLens.warnings.<code>`
 * switch per warning or note code (errors cannot be turned off), and the
 * README listing every setting with package.json's default.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CODES } from '../server/src/analysis/codes';
import { REPO_ROOT } from './helpers/truth';

interface Property {
  type: string;
  default: unknown;
  description: string;
}

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
/** package.json's `%key%` texts, in English (test/client/l10n.test.ts holds the translations to them). */
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8'));
const text = (s: string) => s.replace(/^%(.+)%$/, (whole, key: string) => nls[key] ?? whole);
const properties: Record<string, Property> = pkg.contributes.configuration.properties;

/** The rows of the README's settings table: name -> default as written. */
function readmeSettings(): Map<string, string> {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const rows = new Map<string, string>();
  for (const m of readme.matchAll(/^\| `(shapeLens\.[^`]+)` \| `([^`]+)` \|/gm)) rows.set(m[1], m[2]);
  return rows;
}

describe('the settings, in CODES, package.json and the README', () => {
  it('package.json has one warning switch per code that is not an error, on by default', () => {
    const switches = Object.keys(properties)
      .filter((k) => k.startsWith('shapeLens.warnings.'))
      .map((k) => k.slice('shapeLens.warnings.'.length));
    const codes = (Object.keys(CODES) as Array<keyof typeof CODES>).filter((c) => CODES[c].severity !== 'error');
    assert.deepStrictEqual(switches.sort(), [...codes].sort());
    for (const code of codes) {
      const p = properties[`shapeLens.warnings.${code}`];
      assert.deepStrictEqual([p.type, p.default], ['boolean', true], code);
      assert.ok(text(p.description).length > 10 && !text(p.description).startsWith('%'), `${code} has a description`);
    }
    assert.ok(!('shapeLens.warnings.keras-error' in properties), 'errors cannot be turned off');
  });

  it("the README's table lists every setting of package.json, with its default", () => {
    const rows = readmeSettings();
    assert.deepStrictEqual([...rows.keys()].sort(), Object.keys(properties).sort());
    for (const [name, p] of Object.entries(properties))
      assert.strictEqual(rows.get(name), JSON.stringify(p.default), name);
  });
});

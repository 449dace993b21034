/**
 * The client's texts in every language VS Code may show them in: the
 * manifest's `%key%` placeholders (package.nls.json, package.nls.zh-cn.json)
 * and the `vscode.l10n.t` strings of client/src (l10n/bundle.l10n.zh-cn.json),
 * each with its translation and the same `{0}` placeholders.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/truth';

const CJK = /[\u4e00-\u9fff]/;
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, f), 'utf8')) as Record<string, unknown>;
const slots = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
}

describe('client translations', () => {
  it('translates every %key% of package.json', () => {
    const manifest = fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8');
    const used = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))].sort();
    const en = read('package.nls.json');
    const zh = read('package.nls.zh-cn.json');
    assert.ok(used.length >= 10, `${used.length} keys`);
    assert.deepStrictEqual(Object.keys(en).sort(), used);
    assert.deepStrictEqual(Object.keys(zh).sort(), used);
    for (const k of used) {
      assert.ok(typeof zh[k] === 'string' && CJK.test(zh[k] as string), `${k}: ${zh[k]}`);
      // Setting names, values and code in backticks stay as written.
      for (const code of (en[k] as string).match(/`[^`]+`/g) ?? [])
        assert.ok((zh[k] as string).includes(code), `${k}: ${code}`);
    }
    assert.strictEqual(read('package.json').l10n, './l10n');
  });

  it('translates every vscode.l10n.t string of the client', () => {
    const used = new Set<string>();
    for (const f of sources(path.join(REPO_ROOT, 'client', 'src'))) {
      const text = fs.readFileSync(f, 'utf8');
      for (const m of text.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1].replace(/\\'/g, "'"));
      assert.ok(!/l10n\.t\(\s*[`"]/.test(text), `${f}: l10n.t takes a plain string literal, so that this test sees it`);
    }
    const bundle = read('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
    assert.ok(used.size >= 4, `${used.size} strings`);
    assert.deepStrictEqual(Object.keys(bundle).sort(), [...used].sort());
    for (const [k, v] of Object.entries(bundle)) {
      assert.ok(CJK.test(v), `${k}: ${v}`);
      assert.deepStrictEqual(slots(v), slots(k), k);
    }
  });

  it('ships the translations in the .vsix', () => {
    const ignore = fs.readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8').split('\n');
    for (const pattern of ['!package.nls.json', '!package.nls.*.json', '!l10n/*.json'])
      assert.ok(ignore.includes(pattern), pattern);
  });
});

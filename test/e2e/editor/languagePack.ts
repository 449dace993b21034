import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../../helpers/truth';

/**
 * A language pack that declares Simplified Chinese and translates nothing of
 * VS Code itself. VS Code reports a display language to extensions only when
 * a language pack for it is installed (`--locale zh-cn` alone leaves
 * `vscode.env.language` at `en`); Microsoft's Chinese pack comes from the
 * Marketplace, which this machine cannot reach, so the workbench's own menus
 * stay English and everything Shape Lens shows is in Chinese.
 */
export function stubLanguagePack(dir: string): { vsix: string; record: (extensionsDir: string) => object } {
  const pack = path.join(dir, 'language-pack');
  const manifest = {
    name: 'language-pack-zh-hans-stub',
    publisher: 'shape-lens-test',
    version: '1.0.0',
    engines: { vscode: '^1.90.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [
        {
          languageId: 'zh-cn',
          languageName: 'Chinese Simplified',
          localizedLanguageName: '中文(简体)',
          translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
        },
      ],
    },
  };
  fs.mkdirSync(path.join(pack, 'translations'), { recursive: true });
  fs.writeFileSync(path.join(pack, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(
    path.join(pack, 'translations', 'main.i18n.json'),
    JSON.stringify({ version: '1.0.0', contents: {} }),
  );
  fs.writeFileSync(path.join(pack, '.vscodeignore'), '');
  const vsix = path.join(dir, 'language-pack.vsix');
  const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json', { paths: [REPO_ROOT] })), 'vsce');
  const r = spawnSync(
    process.execPath,
    [vsce, 'package', '--allow-missing-repository', '--skip-license', '--out', vsix],
    { cwd: pack, encoding: 'utf8' },
  );
  assert.strictEqual(r.status, 0, `${r.stdout}${r.stderr}`);
  // What VS Code writes to languagepacks.json when it installs a pack from its UI. `--install-extension`
  // does not write it (microsoft/vscode#237663), so without this record the pack would be ignored.
  const id = `${manifest.publisher}.${manifest.name}`;
  const record = (extensionsDir: string) => ({
    'zh-cn': {
      hash: `${id}-${manifest.version}`,
      extensions: [{ extensionIdentifier: { id, uuid: null }, version: manifest.version }],
      translations: {
        vscode: path.join(extensionsDir, `${id}-${manifest.version}`, 'translations', 'main.i18n.json'),
      },
      label: '中文(简体)',
    },
  });
  return { vsix, record };
}

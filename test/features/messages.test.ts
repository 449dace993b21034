/**
 * The message catalogue (server/src/analysis/messages.ts): every text in
 * English and Simplified Chinese with the same placeholders and the same code
 * (backticked spans, calls and keyword arguments stay as written), Chinese
 * that is Chinese, every id used by the server, and messages in the editor's
 * language: Keras's own error text as Keras prints it, Shape Lens's
 * explanation after it translated.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, diagnostics, hover } from '../../server/src/analysis';
import { LOCALES, MESSAGES, placeholders, toLocale, type MessageId } from '../../server/src/analysis/messages';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';
import { REPO_ROOT } from '../helpers/truth';

const ids = Object.keys(MESSAGES) as MessageId[];
const CJK = /[\u4e00-\u9fff]/;

/** What must read the same in every language: `code`, calls such as Dense(1, ...), keyword=value, snake_case names. */
function codeIn(text: string): string[] {
  const spans = [...text.matchAll(/`[^`]+`/g)].map((m) => m[0]);
  const rest = text.replace(/`[^`]+`/g, ' ');
  const calls = [...rest.matchAll(/[A-Za-z_][\w.]*\((?:[^()]|\([^()]*\))*\)/g)].map((m) => m[0]);
  const words = [
    ...rest.replace(/[A-Za-z_][\w.]*\((?:[^()]|\([^()]*\))*\)/g, ' ').matchAll(/\b[a-z]+_[a-z_]+\b|\b\w+="[^"]*"/g),
  ].map((m) => m[0]);
  return [...spans, ...calls, ...words];
}

describe('message catalogue', () => {
  it('has every message in every language, with the same placeholders', () => {
    const problems: string[] = [];
    for (const id of ids) {
      const table = MESSAGES[id] as Record<string, string>;
      for (const locale of LOCALES) if (!table[locale]?.trim()) problems.push(`${id}: no ${locale} text`);
      for (const locale of LOCALES)
        if (JSON.stringify(placeholders(table[locale] ?? '')) !== JSON.stringify(placeholders(table.en)))
          problems.push(
            `${id}: ${locale} placeholders ${placeholders(table[locale] ?? '')} differ from ${placeholders(table.en)}`,
          );
      if (!CJK.test(table['zh-cn'] ?? '')) problems.push(`${id}: the zh-cn text is not Chinese`);
    }
    assert.deepStrictEqual(problems, []);
  });

  it('keeps code as written in the Chinese texts', () => {
    const problems: string[] = [];
    for (const id of ids) {
      const { en, 'zh-cn': zh } = MESSAGES[id] as Record<string, string>;
      for (const code of codeIn(en)) if (!zh.includes(code)) problems.push(`${id}: ${code} is missing from "${zh}"`);
    }
    assert.deepStrictEqual(problems, []);
  });

  it('uses every message id somewhere in the server', () => {
    const sources = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) =>
          e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
        );
    const text = sources(path.join(REPO_ROOT, 'server', 'src'))
      .filter((f) => !f.endsWith('messages.ts'))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    assert.deepStrictEqual(
      ids.filter((id) => !text.includes(`'${id}'`)),
      [],
    );
  });

  it('maps the locale tags editors send', () => {
    assert.deepStrictEqual(
      ['zh-cn', 'zh-CN', 'zh', 'zh-Hans', 'zh_CN.UTF-8', 'en', 'en-US', 'de', '', undefined].map(toLocale),
      ['zh-cn', 'zh-cn', 'zh-cn', 'zh-cn', 'zh-cn', 'en', 'en', 'en', 'en', 'en'],
    );
    assert.strictEqual(toLocale('zh-tw'), 'en');
  });
});

describe('messages in the editor’s language', () => {
  let parser: PythonParser;
  before(async () => {
    parser = await loadPythonParser();
  });
  const fixture = (name: string) => fs.readFileSync(path.join(REPO_ROOT, 'test', 'features', 'fixtures', name), 'utf8');
  const zh = { disabled: [], imageDataFormat: 'channels_last', locale: 'zh-cn' as const };

  it('keeps Keras’s error text and translates the explanation after it', () => {
    for (const [file, explanation] of [
      ['fix_keras2_layers_import.py', '（Keras 3 把所有层都放在 keras.layers 中：请从那里导入）'],
      ['fix_optimizer_lr.py', 'Keras 3 中它叫 `learning_rate`。'],
    ]) {
      const a = analyze(fixture(file), parser);
      const en = diagnostics(a).find((d) => d.code === 'keras-error')!;
      const cn = diagnostics(a, zh).find((d) => d.code === 'keras-error')!;
      assert.ok(cn.message.endsWith(` ${explanation}`), cn.message);
      const kerasText = cn.message.slice(0, -explanation.length - 1);
      assert.ok(en.message.startsWith(`${kerasText} `), `${en.message} / ${cn.message}`);
      assert.ok(!CJK.test(kerasText), kerasText);
    }
    // An error Shape Lens adds nothing to reads the same in both languages.
    const a = analyze(fixture('fix_stacked_lstm_add.py'), parser);
    assert.deepStrictEqual(
      diagnostics(a, zh).map((d) => d.message),
      diagnostics(a).map((d) => d.message),
    );
  });

  it('writes Shape Lens’s own diagnostics in Chinese, with the code as written', () => {
    const a = analyze(fixture('channels_first_input.py'), parser);
    const cn = diagnostics(a, zh).find((d) => d.code === 'channels-first-input')!;
    assert.strictEqual(
      cn.message,
      'Keras 把这个输入读作（批次, 行=20, 列=15, 通道=15）：通道在最后。如果 20 是通道数（20 个 15×15 的平面），请把输入写成 (15, 15, 20)，或者传入 data_format="channels_first"。',
    );
  });

  it('writes hovers in Chinese, with classes, names and shapes as Keras prints them', () => {
    const text = fixture('channels_first_input.py');
    const line = text.split('\n').findIndex((l) => l.startsWith('ok.add(Conv2D('));
    const a = analyze(text, parser);
    const en = hover(a, line, 8)!.markdown;
    const cn = hover(a, line, 8, 'channels_last', 'zh-cn')!.markdown;
    assert.ok(en.includes('Output: `(None, 15, 15, 12)` — batch=None, rows=15, cols=15, channels=12'), en);
    assert.ok(cn.includes('输出：`(None, 15, 15, 12)` — 批次=None, 行=15, 列=15, 通道=12'), cn);
    assert.ok(cn.startsWith('**Conv2D** `conv2d_1`'), cn);
    assert.ok(/参数：\(3·3·20 \+ 1\)·12 = 2,172 — 可训练 2,172，不可训练 0/.test(cn), cn);
  });
});

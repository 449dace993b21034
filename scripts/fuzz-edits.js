/**
 * What `npm run fuzz` types: a seeded random source, LSP positions of a text
 * (lines end at `\r\n`, `\n` and a lone `\r`; characters are UTF-16 units),
 * random edits of the kinds that broke language servers before (characters,
 * bytes, unicode, deep nesting, pasted blocks of real Keras programs,
 * deletions), pathological documents, and malformed protocol traffic.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

/** mulberry32: small, fast, and the same sequence for a seed on every machine. */
function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: (items) => items[int(items.length)],
    chance: (p) => next() < p,
    /** Mostly small, sometimes large: 1 .. max, spread evenly over the orders of magnitude. */
    size: (max) => Math.max(1, Math.floor(Math.exp(next() * Math.log(max)))),
  };
}

/** Real Keras programs (the project's truth) and its hostile programs: the blocks pasted. */
function corpus() {
  const dirs = [
    path.join(root, '..', 'shared', 'keras-truth', 'programs'),
    path.join(root, 'test', 'truth', 'hostile'),
  ];
  const files = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).sort()) {
      if (f.endsWith('.py')) files.push(fs.readFileSync(path.join(dir, f), 'utf8'));
    }
  }
  if (files.length === 0)
    files.push('import keras\nm = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])\n');
  return files;
}

/** Line starts as LSP counts lines. */
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function positionAt(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** An offset a position can name: not between the `\r` and `\n` of one line end. */
function settle(text, offset) {
  return offset > 0 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10 ? offset - 1 : offset;
}

const TOKENS = [
  'import keras\n',
  'from keras import layers\n',
  'model = keras.Sequential([\n',
  'keras.Input(shape=(28, 28, 1)),\n',
  'layers.Dense(10, activation="softmax")',
  'layers.Conv2D(32, 3)',
  'x = layers.Dense(64)(x)\n',
  'model.compile(loss="mse")\n',
  'model.summary()\n',
  'for i in range(100):\n    ',
  'while True:\n    ',
  'def f(x):\n    return x\n',
  'class M(keras.Model):\n    def call(self, x):\n        return x\n',
  'x = x + x\n',
  'x += x\n',
  'if x:\n    ',
  'else:\n',
  'try:\n    pass\nexcept Exception:\n    pass\n',
  'lambda a: a',
  '"""',
  "'",
  'f"{x}"',
  '\\\n',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ':',
  ',',
  '    ',
  '\n',
  '#',
  '*',
  '**',
  '@',
  ' = ',
  'None',
  '1e308',
  '-1',
  '0x',
];
const UNICODE = [
  '\0',
  '\x01',
  '\x1b',
  '\x7f',
  '\r',
  '\r\n',
  '\t',
  '\v',
  '\f',
  '\u2028',
  '\u00a0',
  '\ufeff',
  'é',
  '中',
  '😀',
];
/** Lone surrogate halves: valid in a JavaScript string and in JSON's `\u` escapes, not in UTF-8. */
const SURROGATES = ['\ud800', '\udfff'];

/** Text no one types but everyone pastes by mistake, or a program generates. */
function deep(r) {
  const n = r.size(3000);
  switch (r.int(8)) {
    case 0:
      return '('.repeat(n);
    case 1:
      return '['.repeat(n) + ']'.repeat(n);
    case 2:
      return 'f('.repeat(n) + ')'.repeat(n);
    case 3:
      return `y = ${'-'.repeat(n)}1\n`;
    case 4:
      return Array.from({ length: Math.min(n, 500) }, (_, i) => `${' '.repeat(i)}if x:\n`).join('');
    case 5:
      return `y = x${' + x'.repeat(n)}\n`;
    case 6:
      return `y = a${'.b'.repeat(n)}\n`;
    default:
      return `"${'{'.repeat(n)}`;
  }
}

function randomText(r, files) {
  switch (r.int(6)) {
    case 0: {
      let s = '';
      for (let i = r.size(20); i > 0; i--) s += String.fromCharCode(32 + r.int(95));
      return s;
    }
    case 1:
      return r.pick(TOKENS);
    case 2: {
      let s = '';
      for (let i = r.size(8); i > 0; i--) s += r.chance(0.1) ? r.pick(SURROGATES) : r.pick(UNICODE);
      return s;
    }
    case 3: {
      // Raw bytes read as Latin-1 (what a binary paste looks like).
      let s = '';
      for (let i = r.size(64); i > 0; i--) s += String.fromCharCode(r.int(256));
      return s;
    }
    case 4:
      return deep(r);
    default:
      return paste(r, files);
  }
}

/** A block of whole lines of a real program. */
function paste(r, files) {
  const lines = r.pick(files).split('\n');
  const start = r.int(lines.length);
  return lines.slice(start, start + r.size(60)).join('\n') + '\n';
}

/** One random edit of `text`: `{ start, end, text }` (UTF-16 offsets). */
function randomEdit(r, text, files) {
  const at = settle(text, r.int(text.length + 1));
  if (text.length > 0 && r.chance(0.3)) {
    const end = settle(text, Math.min(text.length, at + r.size(text.length > 20000 ? 20000 : 400)));
    return { start: at, end, text: r.chance(0.5) ? '' : randomText(r, files) };
  }
  return { start: at, end: at, text: randomText(r, files) };
}

/** A document past what a model file is: a very long line, megabytes of code, nesting thousands deep. */
function pathological(r, files) {
  switch (r.int(4)) {
    case 0:
      return `x = [${'1, '.repeat(60000)}]\n`;
    case 1: {
      let s = '';
      while (s.length < 1 << 20) s += r.pick(files);
      return s;
    }
    case 2:
      return `import keras\ny = ${'['.repeat(3000)}1${']'.repeat(3000)}\n`;
    default:
      return `"${'\\'.repeat(r.size(500))}\n`.repeat(2000);
  }
}

/** Protocol traffic a broken client could send, and what the server must do with it. */
function malformed(r, uri) {
  const raw = (s) => Buffer.from(s, 'latin1');
  const framed = (body) =>
    Buffer.concat([raw(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`), Buffer.from(body)]);
  const msg = (o) => framed(JSON.stringify({ jsonrpc: '2.0', ...o }));
  const pos = { line: 0, character: 0 };
  const cases = [
    // Framing the reader cannot recover from: the server must exit with a message (the client restarts it).
    { name: 'non-numeric Content-Length', bytes: raw('Content-Length: abc\r\n\r\n{}'), exits: true },
    { name: 'no Content-Length', bytes: raw('Content-Type: x\r\n\r\n{}'), exits: true },
    { name: 'header without a colon', bytes: raw('garbage\r\n\r\n'), exits: true },
    // Framed, but not a good message: the server must go on serving.
    { name: 'body not JSON', bytes: framed('{"jsonrpc":"2.0","id":1,"method":') },
    {
      name: 'body is invalid UTF-8',
      bytes: Buffer.concat([raw('Content-Length: 4\r\n\r\n'), Buffer.from([0xff, 0xfe, 0x80, 0x7b])]),
    },
    {
      name: 'JSON that is not a message',
      bytes: framed(r.pick(['[]', '42', 'null', '"x"', '{}', '{"jsonrpc":"2.0"}'])),
    },
    { name: 'unknown request', bytes: msg({ id: 'u1', method: 'shapeLens/noSuchThing', params: {} }) },
    { name: 'unknown notification', bytes: msg({ method: 'noSuch/notification', params: [1, 2] }) },
    { name: 'hover without params', bytes: msg({ id: 'h0', method: 'textDocument/hover' }) },
    { name: 'hover params null', bytes: msg({ id: 'h1', method: 'textDocument/hover', params: null }) },
    {
      name: 'hover with a string position',
      bytes: msg({ id: 'h2', method: 'textDocument/hover', params: { textDocument: { uri }, position: 'x' } }),
    },
    {
      name: 'hover far outside the text',
      bytes: msg({
        id: 'h3',
        method: 'textDocument/hover',
        params: { textDocument: { uri }, position: { line: 1e9, character: -5 } },
      }),
    },
    {
      name: 'inlay hints without a range',
      bytes: msg({ id: 'i1', method: 'textDocument/inlayHint', params: { textDocument: { uri } } }),
    },
    {
      name: 'inlay hints with a reversed range',
      bytes: msg({
        id: 'i2',
        method: 'textDocument/inlayHint',
        params: { textDocument: { uri }, range: { start: { line: 9, character: 0 }, end: pos } },
      }),
    },
    { name: 'didOpen without text', bytes: msg({ method: 'textDocument/didOpen', params: { textDocument: { uri } } }) },
    {
      name: 'didOpen with a numeric text',
      bytes: msg({
        method: 'textDocument/didOpen',
        params: { textDocument: { uri, languageId: 'python', version: 1, text: 7 } },
      }),
    },
    {
      name: 'didChange of a closed document',
      bytes: msg({
        method: 'textDocument/didChange',
        params: { textDocument: { uri: 'file:///nowhere/x.py', version: 2 }, contentChanges: [{ text: 'x' }] },
      }),
    },
    {
      name: 'didChange with a bogus change',
      bytes: msg({
        method: 'textDocument/didChange',
        params: { textDocument: { uri, version: 99 }, contentChanges: [{ range: 'x', text: 5 }] },
      }),
    },
    {
      name: 'didChange with a string version',
      bytes: msg({
        method: 'textDocument/didChange',
        params: { textDocument: { uri, version: 'x' }, contentChanges: [] },
      }),
    },
    {
      name: 'code actions without context',
      bytes: msg({
        id: 'c1',
        method: 'textDocument/codeAction',
        params: { textDocument: { uri }, range: { start: pos, end: pos } },
      }),
    },
    { name: 'diagram with no params', bytes: msg({ id: 'd1', method: 'shapeLens/diagram', params: null }) },
    { name: 'response to nothing', bytes: msg({ id: 424242, result: null }) },
    { name: 'cancel of nothing', bytes: msg({ method: '$/cancelRequest', params: { id: 'none' } }) },
    { name: 'second initialize', bytes: msg({ id: 'init2', method: 'initialize', params: { capabilities: {} } }) },
  ];
  return r.pick(cases);
}

module.exports = { random, corpus, lineStarts, positionAt, settle, randomEdit, pathological, malformed, paste };

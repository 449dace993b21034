/**
 * Where the Keras truth files are, and reading them. The shared truth sits
 * beside the repository (`../shared/keras-truth/`); extra truth recorded the
 * same way lives in `test/truth/`.
 */

import * as fs from 'fs';
import * as path from 'path';
import { readCases } from '../../server/src/analysis/caseReport';
import type { LayerCase } from '../../server/src/analysis/layerCases';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SHARED_TRUTH = path.resolve(REPO_ROOT, '..', 'shared', 'keras-truth');
export const LOCAL_TRUTH = path.join(REPO_ROOT, 'test', 'truth');

/** Every layer-case file: the shared one first, then the project's own. */
export function layerCaseFiles(): string[] {
  const files = [path.join(SHARED_TRUTH, 'layers.jsonl')];
  for (const f of fs.readdirSync(LOCAL_TRUTH).sort()) if (f.endsWith('.jsonl')) files.push(path.join(LOCAL_TRUTH, f));
  return files;
}

export function loadLayerCases(file: string): LayerCase[] {
  const { cases, malformed } = readCases(fs.readFileSync(file, 'utf8'));
  if (malformed.length > 0) throw new Error(`${file}: malformed lines ${malformed.map((m) => m.line).join(', ')}`);
  return cases;
}

/** Cases grouped by layer class, classes in name order. */
export function groupByClass(cases: LayerCase[]): Map<string, LayerCase[]> {
  const groups = new Map<string, LayerCase[]>();
  for (const c of cases) {
    const list = groups.get(c.layer) ?? [];
    list.push(c);
    groups.set(c.layer, list);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

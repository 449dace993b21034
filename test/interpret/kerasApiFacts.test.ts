/**
 * Facts about Keras's API the interpreter keeps in its own tables, held to
 * what Keras 3.15.1 says, as recorded in `test/truth/keras-api/kerasApi.json`
 * and `test/truth/layer-calls/` (the recorders beside them).
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FAMILIES } from '../../server/src/interpret/applications/applications';
import { CALL_TAKES_MASK, PASSES_MASK_ON } from '../../server/src/interpret/keras/masks';
import { COMPILE_KEYWORDS } from '../../server/src/interpret/keras/modelMethods';
import { BASE, OPTIMIZER_NAMES, OWN } from '../../server/src/interpret/keras/optimizers';
import { QUANTIZABLE } from '../../server/src/interpret/keras/quantize';
import { LAYER_INIT_KEYWORDS } from '../../server/src/interpret/keras/subclass';
import { ACTIVATIONS } from '../../server/src/interpret/ops/operators';
import layerCalls from '../../server/src/shapes/messages/layerCalls.json';
import { LOCAL_TRUTH } from '../helpers/truth';

interface KerasApiRecord {
  compile: string[];
  optimizers: Record<string, { params: string[]; kwargs: string[] }>;
  optimizer_names: string[];
  masks: Record<string, { supports_masking: boolean; own_compute_mask: boolean }>;
  quantizable: string[];
  layer_init: string[];
  applications: Record<string, string[]>;
  activations: Record<string, string>;
}

const record = JSON.parse(
  fs.readFileSync(path.join(LOCAL_TRUTH, 'keras-api', 'kerasApi.json'), 'utf8'),
) as KerasApiRecord;

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('Keras API facts against recorded Keras', () => {
  it("compile's keywords are Model.compile's parameters", () => {
    assert.deepStrictEqual(sorted(COMPILE_KEYWORDS), sorted(record.compile));
  });

  it("each optimizer's keywords are those its constructor takes", () => {
    const differ: string[] = [];
    for (const [cls, own] of Object.entries(OWN)) {
      const taken = record.optimizers[cls];
      if (!taken) differ.push(`${cls}: not a keras.optimizers class`);
      else if (
        JSON.stringify(sorted(new Set([...BASE, ...own]))) !==
        JSON.stringify(sorted(new Set([...taken.params, ...taken.kwargs])))
      )
        differ.push(`${cls}: Keras takes ${sorted(new Set([...taken.params, ...taken.kwargs])).join(' ')}`);
    }
    assert.deepStrictEqual(differ, []);
  });

  it("the keywords a subclass's Layer.__init__ takes are Keras's", () => {
    assert.deepStrictEqual(sorted(LAYER_INIT_KEYWORDS), sorted(record.layer_init));
  });

  it('each application network takes the parameters of its keras.applications function, in order', () => {
    const differ = Object.entries(FAMILIES)
      .filter(([name, family]) => JSON.stringify(family.params) !== JSON.stringify(record.applications[name]))
      .map(([name, family]) => `${name}: ${family.params.join(' ')}; Keras: ${record.applications[name]?.join(' ')}`);
    assert.deepStrictEqual(differ, []);
    assert.ok(Object.keys(FAMILIES).length > 30);
  });

  it('each keras.activations function on a tensor records the operation Keras records (linear: its input)', () => {
    const recorded = Object.fromEntries(Object.entries(record.activations).filter(([, cls]) => cls !== 'identity'));
    assert.deepStrictEqual(ACTIVATIONS, recorded);
    assert.strictEqual(record.activations.linear, 'identity');
  });

  it('the optimizer names compile accepts are those keras.optimizers.get knows', () => {
    assert.deepStrictEqual(sorted(OPTIMIZER_NAMES), sorted(record.optimizer_names));
  });

  it("the layers whose call takes a mask are those with a `mask` parameter in Keras's call signature", () => {
    // By class, not by exported name: an alias (`GlobalAvgPool1D`) is its class.
    const calls = (layerCalls as { layers: Record<string, { class: string; call: Array<Array<string | null>> }> })
      .layers;
    const takes = new Set(
      Object.values(calls)
        .filter((c) => c.call.some(([name]) => name === 'mask'))
        .map((c) => c.class),
    );
    assert.deepStrictEqual(sorted(CALL_TAKES_MASK), sorted(takes));
  });

  it('the layers that pass a mask on are those that support masking with the default compute_mask', () => {
    // Lambda's `supports_masking` depends on its `mask` argument: the probe's value is not the class's.
    const passes = Object.entries(record.masks)
      .filter(([cls, m]) => cls !== 'Lambda' && m.supports_masking && !m.own_compute_mask)
      .map(([cls]) => cls);
    assert.deepStrictEqual(sorted([...PASSES_MASK_ON].filter((c) => c !== 'Lambda')), sorted(passes));
  });

  it('the layers model.quantize changes are those that override Layer.quantize', () => {
    assert.deepStrictEqual(sorted(QUANTIZABLE), sorted(record.quantizable));
  });
});

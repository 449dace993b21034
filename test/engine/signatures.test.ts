/**
 * The engine's layer constructors are Keras's, as recorded from Keras
 * (`server/src/shapes/layerSignatures.json`, `test/truth/layer-signatures/record.py`):
 * every rule is registered under the names Keras exports its class by, and
 * binds arguments with the recorded signature and keyword policy.
 */

import * as assert from 'assert';
import record from '../../server/src/shapes/layerSignatures.json';
import { lookupRule } from '../../server/src/shapes/catalog';
import { constructLayer } from '../../server/src/shapes/engine';
import { layerSignature } from '../../server/src/shapes/signatures';

const CLASSES = record.classes as Record<string, { aliases?: string[]; kwargs: unknown }>;

describe('layer signatures recorded from Keras', () => {
  it('come from Keras 3.15.1', () => {
    assert.strictEqual(record.keras_version, '3.15.1');
  });

  it('name every rule by its Keras class, under all the names Keras exports it by', () => {
    const problems: string[] = [];
    for (const name of Object.keys(CLASSES)) {
      const rule = lookupRule(name);
      if (!rule) continue;
      if (rule.className !== name) problems.push(`${name} is registered as ${rule.className}`);
      if (rule.signature !== layerSignature(name)?.params)
        problems.push(`${name}: its signature is not the recorded one`);
      for (const alias of CLASSES[name].aliases ?? [])
        if (lookupRule(alias) !== rule) problems.push(`${alias} is not ${name}`);
    }
    assert.deepStrictEqual(problems, []);
  });

  it('bind keywords as the recorded policy says', () => {
    const outcome = (
      className: string,
      kwargs: Array<[string, { kind: 'none' }]>,
      args = [{ kind: 'int' as const, value: 2 }],
    ) => {
      const made = constructLayer({ className, args, kwargs });
      return made.status === 'error' ? `${made.error.pyType}: ${made.error.message}` : made.status;
    };
    const none = { kind: 'none' as const };
    // No **kwargs: any other keyword is Python's TypeError.
    assert.strictEqual(
      outcome('SpatialDropout1D', [['trainable', none]], [{ kind: 'int', value: 0 }]),
      "TypeError: SpatialDropout1D.__init__() got an unexpected keyword argument 'trainable'",
    );
    // **kwargs that swallow anything.
    assert.strictEqual(
      outcome('InputLayer', [['not_a_keyword', none]], []).startsWith('ValueError: Unrecognized'),
      false,
    );
    // A keyword a base class takes through **kwargs.
    assert.strictEqual(
      outcome(
        'Conv2D',
        [['lora_rank', none]],
        [
          { kind: 'int', value: 2 },
          { kind: 'int', value: 3 },
        ],
      ),
      'ok',
    );
    // A keyword the class passes to its base itself.
    const [fn] = (record.classes.MaxPooling2D as unknown as { duplicates: Record<string, [string, string]> }).duplicates
      .pool_mode;
    assert.strictEqual(
      outcome('MaxPooling2D', [['pool_mode', none]]),
      `TypeError: ${fn}() got multiple values for keyword argument 'pool_mode'`,
    );
    assert.match(
      outcome('Dense', [['not_a_keyword', none]]),
      /^ValueError: Unrecognized keyword arguments passed to Dense/,
    );
  });
});

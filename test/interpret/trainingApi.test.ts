/**
 * Keras 2's training API where the source does not tell what Keras would get:
 * keywords passed through `**` of an unknown dict, a model class with a base
 * the analysis does not know, a checkpoint path or flag that is not known, a
 * removed method reached through `getattr`, a call on a path that may not be
 * taken. Each raises nothing (what Keras raises where the source does tell is
 * held to its recordings in test/truth/data-programs/keras2_*.py).
 */

import * as assert from 'assert';
import { analyze, diagnostics } from '../../server/src/analysis';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';

const HEAD = `import sys
import json
import numpy as np
import keras
from keras import layers

x = np.random.rand(32, 8).astype("float32")
y = np.random.rand(32, 1).astype("float32")
model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
`;

const UNKNOWN_CASES: Record<string, string> = {
  'keywords from an unknown dict': `params = json.loads(sys.argv[1])\nmodel.fit(x, y, **params)\n`,
  'positional arguments from an unknown list': `extra = json.loads(sys.argv[1])\nmodel.fit(x, y, *extra, epochs=2)\n`,
  'an unknown checkpoint path': `cb = keras.callbacks.ModelCheckpoint(sys.argv[1])\n`,
  'an unknown save_weights_only': `cb = keras.callbacks.ModelCheckpoint("w.h5", save_weights_only=len(sys.argv) > 2)\n`,
  'an unknown save_freq': `cb = keras.callbacks.ModelCheckpoint("w.keras", save_freq=json.loads(sys.argv[1]))\n`,
  'a removed method through getattr': `predict = getattr(model, "predict_classes", None)\n`,
  'a removed keyword on a path that may not be taken': `if len(sys.argv) > 1:\n    model.fit(x, y, nb_epoch=1)\n`,
  'a removed keyword inside try': `try:\n    model.fit(x, y, nb_epoch=1)\nexcept TypeError:\n    model.fit(x, y, epochs=1)\n`,
  'a model class with a base the analysis does not know': `from mylib import SklearnMixin


class Net(SklearnMixin, keras.Model):
    def call(self, inputs):
        return inputs


net = Net()
net.predict_classes(x)
net.fit(x, y, nb_epoch=1, workers=2)
`,
  'a model class that defines the removed method': `class Net(keras.Model):
    def call(self, inputs):
        return inputs

    def fit_generator(self, gen, **kwargs):
        return self.fit(gen, **kwargs)


Net().fit_generator(iter([(x, y)]), steps_per_epoch=1)
`,
  'a callback class of the file': `class Logger(keras.callbacks.Callback):
    def __init__(self, period=1):
        super().__init__()
        self.period = period


model.fit(x, y, callbacks=[Logger(period=5)])
`,
};

describe('Keras 2 training API: unknown stays silent', () => {
  let parser: PythonParser;
  before(async () => {
    parser = await loadPythonParser();
  });
  for (const [name, body] of Object.entries(UNKNOWN_CASES)) {
    it(name, () => {
      const errors = diagnostics(analyze(HEAD + body, parser)).filter((d) => d.severity === 'error');
      assert.deepStrictEqual(
        errors.map((d) => `${d.line}: ${d.message}`),
        [],
      );
    });
  }
});

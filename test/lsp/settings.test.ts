/**
 * Settings: the `shapeLens` section as VS Code sends it, and Keras's own
 * config file for the default image data format.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { kerasConfigDataFormat, readSettings } from '../../server/src/lsp/settings';

describe('settings', () => {
  it('reads image_data_format from keras.json as Keras does, channels_last otherwise', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'shape-lens-home-'));
    assert.strictEqual(kerasConfigDataFormat(home, {}), 'channels_last');
    fs.mkdirSync(path.join(home, '.keras'));
    fs.writeFileSync(
      path.join(home, '.keras', 'keras.json'),
      JSON.stringify({ image_data_format: 'channels_first', backend: 'jax' }),
    );
    assert.strictEqual(kerasConfigDataFormat(home, {}), 'channels_first');
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'shape-lens-kh-'));
    fs.writeFileSync(path.join(other, 'keras.json'), '{not json');
    assert.strictEqual(kerasConfigDataFormat(home, { KERAS_HOME: other }), 'channels_last');
  });

  it('reads the nested section VS Code sends, keeping defaults for what is missing or malformed', () => {
    const defaults = {
      hints: { enabled: true, paramTotals: true },
      imageDataFormat: 'channels_last' as const,
      disabledWarnings: [],
    };
    const s = readSettings(
      {
        inlayHints: { enabled: false },
        imageDataFormat: 'channels_first',
        warnings: { 'softmax-single-unit': false, 'keras-error': false, 'channels-first-input': true },
      },
      defaults,
    );
    assert.deepStrictEqual(s, {
      hints: { enabled: false, paramTotals: true },
      imageDataFormat: 'channels_first',
      disabledWarnings: ['softmax-single-unit'],
    });
    assert.deepStrictEqual(readSettings({ imageDataFormat: 'auto', inlayHints: 'yes' }, defaults), defaults);
    assert.deepStrictEqual(readSettings(undefined, defaults), defaults);
  });
});

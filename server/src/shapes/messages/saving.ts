/**
 * The checks of `keras.saving.save_model` (`keras/src/saving/saving_api.py`), which `Model.save` calls:
 * Keras 3 refuses Keras 2's `save_format=` and the SavedModel folder.
 */

import type { PyValue } from '../values';
import { message } from './define';
import { pyStr } from './python';

export const savingMessages = {
  /** Keras's text has no space before "Received". */
  saveFormatRemoved: message(
    'ValueError',
    (d: { saveFormat: PyValue }) =>
      'The `save_format` argument is deprecated in Keras 3. Please remove this argument and pass a file path with ' +
      `either \`.keras\` or \`.h5\` extension.Received: save_format=${pyStr(d.saveFormat)}`,
  ),
  saveArgumentsNotSupported: message(
    'ValueError',
    (d: { names: string[] }) =>
      `The following argument(s) are not supported: ${pyStr({ kind: 'list', items: d.names.map((value) => ({ kind: 'str', value })) })}`,
  ),
  saveWeightsFilename: message(
    'ValueError',
    (d: { filepath: string }) => `The filename must end in \`.weights.h5\`. Received: filepath=${d.filepath}`,
  ),
  saveFilepathExtension: message(
    'ValueError',
    (d: { filepath: string }) =>
      'Invalid filepath extension for saving. Please add either a `.keras` extension for the native Keras format ' +
      '(recommended) or a `.h5` extension. Use `model.export(filepath)` if you want to export a SavedModel for use ' +
      `with TFLite/TFServing/etc. Received: filepath=${d.filepath}.`,
  ),
};

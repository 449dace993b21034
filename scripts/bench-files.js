/**
 * The generated model files of the benchmarks (`bench-lsp.js`) and of the
 * test that compares incremental and full analysis
 * (`test/interpret/incremental.test.ts`).
 */
'use strict';

/** A functional CNN of about `n` lines: conv blocks, a pooling every 100 blocks, and a head (each line reads the last). */
function modelFile(n) {
  const lines = [
    'import keras',
    'from keras import layers',
    '',
    'inputs = keras.Input(shape=(64, 64, 3))',
    'x = inputs',
  ];
  for (let i = 0; lines.length < n - 10; i++) {
    lines.push(`x = layers.Conv2D(${16 + (i % 4) * 8}, 3, padding="same", activation="relu")(x)  # block ${i}`);
    lines.push('x = layers.BatchNormalization()(x)');
    if (i % 100 === 99) lines.push('x = layers.MaxPooling2D()(x)');
  }
  lines.push(
    'x = layers.GlobalAveragePooling2D()(x)',
    'x = layers.Dense(128, activation="relu")(x)',
    'outputs = layers.Dense(10, activation="softmax")(x)',
    'model = keras.Model(inputs, outputs)',
  );
  return `${lines.join('\n')}\n`;
}

/** One Sequential of about `n` lines built by `model.add` lines: every line changes the same model. */
function sequentialChainFile(n) {
  const lines = ['import keras', 'from keras import layers', '', 'model = keras.Sequential()'];
  lines.push('model.add(keras.Input(shape=(32, 32, 3)))');
  for (let i = 0; lines.length < n - 4; i++) {
    lines.push(`model.add(layers.Conv2D(${8 + (i % 4) * 8}, 3, padding="same", activation="relu"))  # block ${i}`);
    lines.push('model.add(layers.BatchNormalization())');
  }
  lines.push('model.add(layers.GlobalAveragePooling2D())', 'model.add(layers.Dense(10, activation="softmax"))');
  lines.push('model.compile(optimizer="adam", loss="categorical_crossentropy")');
  return `${lines.join('\n')}\n`;
}

/** About `n` lines of small models that share nothing but the imports, functional and Sequential in turn. */
function manyModelsFile(n) {
  const lines = ['import keras', 'from keras import layers', ''];
  for (let m = 0; lines.length < n - 12; m++) {
    if (m % 2 === 0) {
      lines.push(`inputs_${m} = keras.Input(shape=(${16 + (m % 7)}, ${16 + (m % 5)}, 3))`);
      lines.push(`x_${m} = layers.Conv2D(${8 + (m % 4) * 4}, 3, padding="same")(inputs_${m})`);
      lines.push(`x_${m} = layers.MaxPooling2D()(x_${m})`);
      lines.push(`x_${m} = layers.Conv2D(${16 + (m % 3) * 8}, 3)(x_${m})`);
      lines.push(`x_${m} = layers.Flatten()(x_${m})`);
      lines.push(`outputs_${m} = layers.Dense(${2 + (m % 9)}, activation="softmax")(x_${m})`);
      lines.push(`model_${m} = keras.Model(inputs_${m}, outputs_${m})`);
    } else {
      lines.push(`model_${m} = keras.Sequential([`, `    keras.Input(shape=(${28 + (m % 5)}, 1)),`);
      lines.push(`    layers.Conv1D(${8 + (m % 6)}, 3, padding="same"),`, '    layers.Flatten(),');
      lines.push(`    layers.Dense(${10 + (m % 4)}),`, '])');
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** A small file (~220 lines) of several Sequential models, for the memory figure. */
function smallFile(k) {
  const lines = ['import keras', 'from keras import layers', ''];
  for (let m = 0; lines.length < 215; m++) {
    lines.push(`model_${m} = keras.Sequential([`, `    keras.Input(shape=(${28 + (k % 5)}, ${28 + m}, 1)),`);
    for (let j = 0; j < 8; j++) lines.push(`    layers.Conv2D(${8 + j}, 3, padding="same"),`);
    lines.push('    layers.Flatten(),', `    layers.Dense(${10 + m}),`, '])', '');
  }
  return `${lines.join('\n')}\n`;
}

module.exports = { modelFile, sequentialChainFile, manyModelsFile, smallFile };

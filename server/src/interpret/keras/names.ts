/**
 * Canonical names for library symbols, whatever path the user imported them
 * by: `tensorflow.keras.layers.Dense`, `tf.keras.layers.Dense`,
 * `keras.layers.core.Dense` (Keras 2) and `keras.src.layers.Dense` are all
 * `keras.layers.Dense`; `keras.models.Sequential` is `keras.Sequential`.
 */

/** Keras 2 submodules of `keras.layers` that held the layer classes. */
const LAYER_SUBMODULES = new Set([
  'core',
  'convolutional',
  'recurrent',
  'pooling',
  'normalization',
  'merge',
  'merging',
  'embeddings',
  'advanced_activations',
  'wrappers',
  'noise',
  'local',
  'convolutional_recurrent',
  'cudnn_recurrent',
  'dense_attention',
  'attention',
  'reshaping',
  'activation',
  'regularization',
  'preprocessing',
  'rnn',
  'experimental',
]);

/** A string function remembered by argument, within bounds (a file may hold any number of names). */
function memoized(fn: (s: string) => string): (s: string) => string {
  const memo = new Map<string, string>();
  return (s) => {
    let hit = memo.get(s);
    if (hit === undefined) {
      hit = fn(s);
      if (memo.size > 10_000) memo.clear();
      memo.set(s, hit);
    }
    return hit;
  };
}

export const canonicalName = memoized(computeCanonicalName);

function computeCanonicalName(qualname: string): string {
  let q = qualname;
  q = q.replace(/^tensorflow\.python\.keras(?=\.|$)/, 'keras');
  q = q.replace(/^tensorflow\.keras(?=\.|$)/, 'keras');
  q = q.replace(/^tensorflow\.compat\.v\d\.keras(?=\.|$)/, 'keras');
  q = q.replace(/^keras\._tf_keras\.keras(?=\.|$)/, 'keras');
  q = q.replace(/^tf_keras(?=\.|$)/, 'keras');
  q = q.replace(/^keras\.src(?=\.|$)/, 'keras');
  q = q.replace(/^keras\.api(?=\.|$)/, 'keras');
  const parts = q.split('.');
  if (parts[0] === 'keras' && parts[1] === 'layers') {
    // keras.layers.core.Dense -> keras.layers.Dense (and deeper Keras 3 source paths).
    while (parts.length > 3 && (LAYER_SUBMODULES.has(parts[2]) || /^[a-z_0-9]+$/.test(parts[2]))) parts.splice(2, 1);
    q = parts.join('.');
  }
  q = q.replace(/^keras\.models\.(Sequential|Model)$/, 'keras.$1');
  q = q.replace(/^keras\.engine\.(sequential|functional|training)\.(Sequential|Model|Functional)$/, 'keras.$2');
  q = q.replace(/^keras\.layers\.(Input)$/, 'keras.Input');
  q = q.replace(/^keras\.(Layer)$/, 'keras.layers.Layer');
  q = q.replace(/^keras\.layers\.Functional$/, 'keras.Model');
  q = q.replace(/^numpy(?=\.|$)/, 'numpy');
  return q;
}

const layerClassMemo = new Map<string, string | null>();

/** `keras.layers.X` with X a class name: the layer class, else undefined. */
export function layerClassOf(qualname: string): string | undefined {
  let hit = layerClassMemo.get(qualname);
  if (hit === undefined) {
    hit = /^keras\.layers\.([A-Z][A-Za-z0-9_]*)$/.exec(qualname)?.[1] ?? null;
    if (layerClassMemo.size > 10_000) layerClassMemo.clear();
    layerClassMemo.set(qualname, hit);
  }
  return hit ?? undefined;
}

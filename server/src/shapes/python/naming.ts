/**
 * Keras's `keras/src/utils/naming.py`: how a class name becomes the stem of
 * an automatic layer name (`Conv2DTranspose` -> `conv2d_transpose`), which
 * also names a layer's variables in Keras's messages.
 */

const MEMO = new Map<string, string>();

/** `to_snake_case`: drop non-word characters, then split before capitalised words and after lower-case letters. */
export function toSnakeCase(name: string): string {
  let hit = MEMO.get(name);
  if (hit === undefined) {
    hit = name
      .replace(/\W+/g, '')
      .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
      .replace(/([a-z])([A-Z])/g, '$1_$2')
      .toLowerCase();
    // Names come from the source: keep the memo bounded.
    if (MEMO.size > 10_000) MEMO.clear();
    MEMO.set(name, hit);
  }
  return hit;
}

/**
 * The arguments every `keras.applications` constructor shares, read as
 * Keras reads them (the weights, the input tensor, the classifier), and the
 * steps its application modules share (the input, the classifier or pooling
 * top). An argument the source does not tell stops the build as unknown:
 * the network is never guessed.
 */

import { errorOf } from '../../shapes/errors';
import type { Shape } from '../../shapes/shape';
import { toPy, type TensorObj, type Value } from '../values';
import { validateActivation } from './imagenetUtils';
import { AppRaise, AppUnknown, type Net } from './net';

/** A shape as written (`(150, 150, 3)` or a list), for Keras's comparisons and messages. */
export interface ShapeArg {
  dims: Array<number | null>;
  list: boolean;
}

/** The parameters most applications take, in positional order. */
export const COMMON_PARAMS = [
  'include_top',
  'weights',
  'input_tensor',
  'input_shape',
  'pooling',
  'classes',
  'classifier_activation',
  'name',
];

/** The message of the check most applications make first: ImageNet's classifier has 1000 classes. */

export class AppArgs {
  private readonly values = new Map<string, Value>();

  constructor(params: string[], args: Value[], kwargs: Array<[string, Value]>) {
    args.forEach((v, i) => {
      if (i >= params.length) throw new AppUnknown('too many arguments');
      this.values.set(params[i], v);
    });
    for (const [k, v] of kwargs) {
      if (!params.includes(k)) throw new AppUnknown(`argument ${k}`);
      this.values.set(k, v);
    }
  }

  /** The raw value, or undefined when not given. */
  raw(name: string): Value | undefined {
    return this.values.get(name);
  }

  bool(name: string, dflt: boolean): boolean {
    const v = this.values.get(name);
    if (!v) return dflt;
    if (v.kind === 'bool') return v.value;
    if (v.kind === 'int') return v.value !== 0;
    if (v.kind === 'none') return false;
    throw new AppUnknown(`${name} not known`);
  }

  num(name: string, dflt: number): number {
    const v = this.values.get(name);
    if (!v) return dflt;
    if (v.kind === 'int' || v.kind === 'float') return v.value;
    throw new AppUnknown(`${name} not known`);
  }

  /** A string or None argument; undefined for None. */
  optStr(name: string, dflt: string | null): string | null {
    const v = this.values.get(name);
    if (!v) return dflt;
    if (v.kind === 'str') return v.value;
    if (v.kind === 'none') return null;
    throw new AppUnknown(`${name} not known`);
  }

  get includeTop(): boolean {
    return this.bool('include_top', true);
  }

  /** 'imagenet', null, or 'file' (a path, or a value not known: Keras loads it; shapes do not change). */
  get weights(): 'imagenet' | null | 'file' {
    const v = this.values.get('weights');
    if (!v) return 'imagenet';
    if (v.kind === 'none') return null;
    if (v.kind === 'str' && v.value === 'imagenet') return 'imagenet';
    return 'file';
  }

  get classes(): number {
    const v = this.values.get('classes');
    if (!v) return 1000;
    if (v.kind === 'int') return v.value;
    throw new AppUnknown('classes not known');
  }

  /** Keras only acts on "avg" and "max"; anything else means no pooling. */
  get pooling(): string | null {
    const v = this.values.get('pooling');
    if (!v || v.kind === 'none') return null;
    if (v.kind === 'str') return v.value;
    throw new AppUnknown('pooling not known');
  }

  /** The model's name: the `name=` given, or the family's default. */
  name(dflt: string): string {
    const v = this.values.get('name');
    if (!v || v.kind === 'none') return dflt;
    if (v.kind === 'str') return v.value;
    throw new AppUnknown('name not known');
  }

  /**
   * The model's name where an explicit `name=None` is not the default: the
   * Functional then draws an automatic name (and some families build layer
   * names from it), which is left unknown.
   */
  strictName(dflt: string): string {
    const v = this.values.get('name');
    if (!v) return dflt;
    if (v.kind === 'str') return v.value;
    throw new AppUnknown('name not known');
  }

  get inputShape(): ShapeArg | null {
    const v = this.values.get('input_shape');
    if (!v || v.kind === 'none') return null;
    if (v.kind !== 'tuple' && v.kind !== 'list') throw new AppUnknown('input_shape not known');
    const dims = v.items.map((d) => {
      if (d.kind === 'int') return d.value;
      if (d.kind === 'none') return null;
      throw new AppUnknown('input_shape not known');
    });
    return { dims, list: v.kind === 'list' };
  }

  /** The `input_tensor=` given: a symbolic tensor of known shape, or null when not given. */
  get inputTensor(): TensorObj | null {
    const v = this.values.get('input_tensor');
    if (!v || v.kind === 'none') return null;
    if (v.kind === 'tensor' && v.tensor.shape && v.tensor.node) return v.tensor;
    throw new AppUnknown('input_tensor not a known Keras tensor');
  }

  /** The check each application makes first: ImageNet's classifier has 1000 classes (the message is the module's). */
  checkClasses(error = (classes: number) => errorOf('imagenetClasses', { classes })): void {
    if (this.weights === 'imagenet' && this.includeTop && this.classes !== 1000)
      throw new AppRaise(error(this.classes));
  }

  /** The Dense classifier's activation argument. */
  get classifierActivation(): ReturnType<typeof toPy> {
    const v = this.values.get('classifier_activation');
    return v ? toPy(v) : { kind: 'str', value: 'softmax' };
  }
}

/** The network's input: `layers.Input(shape=...)`, or the Keras tensor given as `input_tensor`. */
export function imageInput(net: Net, a: AppArgs, shape: Array<number | null>): TensorObj {
  return a.inputTensor ?? net.input(shape as Shape);
}

/**
 * The common top: a global average pooling (named `topPool` when given) and
 * the classifier with `include_top`, else the pooling asked for.
 */
export function classifierTop(
  net: Net,
  a: AppArgs,
  x: TensorObj,
  names: { topPool?: string; avg?: string; max?: string } = {},
): TensorObj {
  if (a.includeTop) {
    x = net.apply('GlobalAveragePooling2D', names.topPool ? { name: names.topPool } : {}, x);
    validateActivation(a);
    return net.apply('Dense', { activation: a.classifierActivation, name: 'predictions' }, x, [a.classes]);
  }
  const pooling = a.pooling;
  if (pooling === 'avg') return net.apply('GlobalAveragePooling2D', names.avg ? { name: names.avg } : {}, x);
  if (pooling === 'max') return net.apply('GlobalMaxPooling2D', names.max ? { name: names.max } : {}, x);
  return x;
}

/**
 * The builder the `keras.applications` networks are written with: it
 * constructs and calls layers through the shape engine, as Keras's own
 * application code does with `layers.X(...)(x)`, and records real graph
 * nodes, so the network's `input`, `output`, layers and `get_layer(...)` are
 * those of a functional model.
 *
 * The layers it makes are deliberately kept out of `KerasApi.layers` (the
 * file's own layers, which hints, hover and diagnostics read): Keras builds
 * them inside the library, not on the user's line. They still take their
 * automatic names from the file's name counters (`add_3`, `input_layer`), as
 * Keras's global counters do.
 */

import { broadcastShapes } from '../../shapes/arith';
import { callLayer, constructLayer } from '../../shapes/engine';
import { toSnakeCase } from '../../shapes/naming';
import type { Shape } from '../../shapes/shape';
import type { CallArg } from '../../shapes/tensors';
import type { CheckedError } from '../../shapes/errors';
import type { PyValue } from '../../shapes/values';
import { emitNode, inputTensor } from '../graph';
import type { KerasApi } from '../keras/api';
import { newLayerRecord, type GraphNode, type LayerObj, type Span, type TensorObj } from '../values';
import { LIMITS } from '../python/limits';

/** Stops a build: Keras would raise this error (of the catalogue, `errorOf(kind, data)`). */
export class AppRaise {
  constructor(readonly error: CheckedError) {}
}

/** Stops a build: the network cannot be worked out statically. */
export class AppUnknown {
  constructor(readonly why: string) {}
}

/** Stops a build: the file's share of `keras.applications` work (`LIMITS.networkWork`) is spent. */
export class NetworkWorkSpent {}

/** A constructor argument written as in Python source: numbers, strings, tuples (arrays), None (null). */
export type Arg = number | string | boolean | null | Arg[] | PyValue;

/** A float even when integral (`ReLU(6.0)`, `epsilon=1.0`). */
export function float(value: number): PyValue {
  return { kind: 'float', value };
}

function py(v: Arg): PyValue {
  if (v === null) return { kind: 'none' };
  if (typeof v === 'number') return Number.isInteger(v) ? { kind: 'int', value: v } : { kind: 'float', value: v };
  if (typeof v === 'string') return { kind: 'str', value: v };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (Array.isArray(v)) return { kind: 'tuple', items: v.map(py) };
  return v;
}

export type Kw = Record<string, Arg>;

export class Net {
  readonly channelsLast: boolean;
  /** Every layer made, in order, with the counter its automatic name came from (undefined when named). */
  readonly created: Array<{ layer: LayerObj; base?: string }> = [];
  /** Every graph node made, in order (the Input's first). */
  readonly nodes: GraphNode[] = [];

  /**
   * `autoName` draws a layer's automatic name; a build to be cached (and
   * replayed) passes a placeholder, and the replay draws the real names.
   */
  constructor(
    readonly api: KerasApi,
    readonly span: Span,
    private readonly autoName: (base: string) => string = (base) => api.uniqueName(base),
  ) {
    this.channelsLast = api.options.imageDataFormat !== 'channels_first';
  }

  /** The channel axis as the applications pass it to BatchNormalization (-1 or 1). */
  get channelAxis(): number {
    return this.channelsLast ? -1 : 1;
  }

  /** The axis index ResNet and DenseNet pass (3 or 1). */
  get bnAxis(): number {
    return this.channelsLast ? 3 : 1;
  }

  /** The number of channels of a 4-D tensor. */
  channels(x: TensorObj): number {
    const d = x.shape![this.channelsLast ? 3 : 1];
    if (typeof d !== 'number') throw new AppUnknown('channels not known');
    return d;
  }

  /** The spatial size (rows, cols) of a 4-D tensor. */
  spatial(x: TensorObj): [number | null, number | null] {
    const s = x.shape!;
    const [r, c] = this.channelsLast ? [s[1], s[2]] : [s[2], s[3]];
    if (r === '?' || c === '?') throw new AppUnknown('size not known');
    return [r, c];
  }

  /**
   * `layers.<cls>(*args, **kwargs)`: a layer object with Keras's name for it.
   * `asClass` is the class of a layer an application defines itself, made
   * with the Keras layer `cls` whose shapes and weights are the same.
   */
  layer(cls: string, kwargs: Kw = {}, args: Arg[] = [], asClass?: string): LayerObj {
    const budget = this.api.interp.budget;
    budget.networkWork += LIMITS.networkBuildCost;
    if (budget.networkWork > LIMITS.networkWork) throw new NetworkWorkSpent();
    const call = {
      className: cls,
      args: args.map(py),
      kwargs: Object.entries(kwargs).map(([k, v]) => [k, py(v)] as [string, PyValue]),
    };
    // A valid name changes no shape: without it the engine's memo serves every layer made alike (a network repeats its blocks).
    const name = kwargs.name;
    const shaped =
      typeof name === 'string' && !name.includes('/')
        ? { ...call, kwargs: call.kwargs.filter(([k]) => k !== 'name') }
        : call;
    const constructed = constructLayer(shaped, this.api.options);
    if (constructed.status === 'error') throw new AppRaise(constructed.error);
    if (constructed.status !== 'ok') throw new AppUnknown(constructed.reason);
    const className = asClass ?? constructed.layer.rule.className;
    const base = typeof name === 'string' ? undefined : toSnakeCase(className);
    const layer = newLayerRecord({
      id: this.api.nextId++,
      className,
      name: base === undefined ? (name as string) : this.autoName(base),
      call,
      constructed,
      span: this.span,
    });
    this.created.push({ layer, base });
    return layer;
  }

  /** Calls a layer on one tensor or a list of tensors (a merge layer): the output tensor, with its graph node. */
  call(layer: LayerObj, x: TensorObj | TensorObj[]): TensorObj {
    const inputs = Array.isArray(x) ? x : [x];
    const shapes = inputs.map((t) => t.shape);
    if (shapes.some((s) => s === null)) throw new AppUnknown('input shape not known');
    return this.emit(layer, inputs, this.run(layer, shapes as Shape[], Array.isArray(x)));
  }

  /** A layer's outputs on these input shapes (a list of them for a merge layer); its shapes and weights are recorded. */
  private run(layer: LayerObj, shapes: Shape[], list: boolean): Shape[] {
    const tensor = (s: Shape): CallArg => ({ kind: 'tensor', shape: s });
    const arg: CallArg = list ? { kind: 'list', items: shapes.map(tensor) } : tensor(shapes[0]);
    if (layer.constructed.status !== 'ok') throw new AppUnknown('layer not known');
    const result = callLayer(layer.constructed.layer, { args: [arg], kwargs: {} }, this.api.options);
    if (result.status === 'error') throw new AppRaise(result.error);
    if (result.status !== 'ok') throw new AppUnknown(result.reason);
    if (!layer.params) {
      layer.params = result.params;
      layer.weights = result.weights;
      layer.inputShapes = shapes;
    }
    layer.outputShapes = result.outputs;
    layer.single = result.single;
    return result.outputs;
  }

  /** The graph node of `op` on `inputs`: its one output tensor. */
  private emit(op: LayerObj, inputs: TensorObj[], outputs: Shape[]): TensorObj {
    const out = (emitNode(op, inputs, outputs, true) as { kind: 'tensor'; tensor: TensorObj }).tensor;
    this.nodes.push(out.node!);
    return out;
  }

  /**
   * An op applied to tensors outside a layer (`x + 3.0`, `inputs + y`): a
   * row of class `cls` with no weights, named from the file's counter,
   * shaped as its inputs broadcast together (a Python number counts as none).
   */
  op(cls: string, inputs: TensorObj[]): TensorObj {
    const shapes = inputs.map((t) => t.shape);
    if (shapes.some((s) => s === null)) throw new AppUnknown('input shape not known');
    let shape = shapes[0]!;
    try {
      for (const s of shapes.slice(1)) shape = broadcastShapes(shape, s!);
    } catch {
      throw new AppUnknown('op shapes do not broadcast');
    }
    const layer = this.record(cls, toSnakeCase(cls), { status: 'unknown', reason: 'op' });
    layer.isOp = true;
    layer.params = { total: 0, trainable: 0, nonTrainable: 0 };
    layer.outputShapes = [shape];
    return this.emit(layer, inputs, [shape]);
  }

  /**
   * `Sequential(members, name=name)(x)`: one row, holding its members'
   * weights. Its first call builds it: an InputLayer and a Functional of its
   * own, which take automatic names from the file's counters as Keras's do.
   */
  sequential(name: string, members: LayerObj[], x: TensorObj): TensorObj {
    if (!x.shape) throw new AppUnknown('input shape not known');
    this.record('InputLayer', 'input_layer', { status: 'unknown', reason: 'model' });
    this.record('Functional', 'functional', { status: 'unknown', reason: 'model' });
    let shapes: Shape[] = [x.shape];
    const params = { total: 0, trainable: 0, nonTrainable: 0 };
    for (const m of members) {
      shapes = this.run(m, shapes, false);
      const p = m.params!;
      if (p.trainable === null || p.nonTrainable === null) throw new AppUnknown('parameters not known');
      params.trainable += p.trainable;
      params.nonTrainable += p.nonTrainable;
      params.total = params.trainable + params.nonTrainable;
    }
    const seq = this.record('Sequential', undefined, { status: 'unknown', reason: 'model' }, name);
    seq.params = params;
    seq.members = members;
    seq.weights = members.flatMap((m) => m.weights);
    seq.inputShapes = [x.shape];
    seq.outputShapes = shapes;
    return this.emit(seq, [x], shapes);
  }

  /** A record made here rather than by the engine: named `name`, or from the counter `base`. */
  private record(
    className: string,
    base: string | undefined,
    constructed: LayerObj['constructed'],
    name?: string,
  ): LayerObj {
    const layer = newLayerRecord({
      id: this.api.nextId++,
      className,
      name: base === undefined ? name! : this.autoName(base),
      call: { className, args: [], kwargs: [] },
      constructed,
      span: this.span,
    });
    this.created.push({ layer, base });
    return layer;
  }

  /** `layers.<cls>(**kwargs)(x)`. */
  apply(cls: string, kwargs: Kw, x: TensorObj | TensorObj[], args: Arg[] = []): TensorObj {
    return this.call(this.layer(cls, kwargs, args), x);
  }

  /** `layers.Input(shape=...)`: an InputLayer named from the file's counter, and its tensor. */
  input(shape: Shape): TensorObj {
    const layer = this.layer('InputLayer', { shape: shape as Arg[] });
    layer.outputShapes = [[null, ...shape]];
    layer.inputShape = [null, ...shape];
    layer.params = { total: 0, trainable: 0, nonTrainable: 0 };
    const t = (inputTensor(layer) as { kind: 'tensor'; tensor: TensorObj }).tensor;
    layer.lastOutputs = [t];
    this.nodes.push(t.node!);
    return t;
  }
}

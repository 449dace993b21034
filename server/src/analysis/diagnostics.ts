/**
 * Diagnostics: the error Keras would raise (one: the file stops there), and
 * warnings for likely mistakes Keras accepts. Each has a stable code and a
 * range covering the call it is about.
 */

import { engineErrorFor, type EngineError } from '../shapes/engine';
import { isKind } from '../shapes/messages';
import { isKnown, type Shape } from '../shapes/shape';
import type { PyValue } from '../shapes/values';
import type { LayerObj, ModelObj, Span } from '../interpret';
import { CODES, type DiagnosticCode } from './codes';
import type { Analysis, Finding } from './index';

export interface DiagnosticSettings {
  /** Codes of warnings turned off. */
  disabled: DiagnosticCode[];
  imageDataFormat: string;
}

export const DEFAULT_DIAGNOSTIC_SETTINGS: DiagnosticSettings = { disabled: [], imageDataFormat: 'channels_last' };

function finding(span: Span, code: DiagnosticCode, message: string): Finding {
  return {
    line: span.startLine + 1,
    column: span.startCol + 1,
    endLine: span.endLine + 1,
    endColumn: span.endCol + 1,
    severity: CODES[code].severity,
    code,
    message,
  };
}

const kwarg = (layer: LayerObj, name: string): PyValue | undefined => layer.call.kwargs.find(([k]) => k === name)?.[1];

function activationOf(layer: LayerObj): string | undefined {
  if (layer.className === 'Activation') {
    const v = layer.call.args[0] ?? kwarg(layer, 'activation');
    return v?.kind === 'str' ? v.value : undefined;
  }
  if (layer.className === 'Softmax') return 'softmax';
  const v = kwarg(layer, 'activation') ?? (layer.className === 'Dense' ? layer.call.args[1] : undefined);
  if (!v || v.kind === 'none') return 'linear';
  if (v.kind === 'str') return v.value;
  if (v.kind === 'object') return v.qualname.split('.').pop();
  return undefined;
}

export function diagnosticsOf(a: Analysis, settings: DiagnosticSettings = DEFAULT_DIAGNOSTIC_SETTINGS): Finding[] {
  const out: Finding[] = [];
  const on = (code: DiagnosticCode) => !settings.disabled.includes(code);
  const e = a.interpretation.error;
  if (e) {
    out.push(finding(e.span, 'keras-error', e.message));
    const batch = batchAxisInput(a, e.message);
    // An input whose first dimension is named as a batch size is flagged below, where it is written.
    if (batch && !batch.batchNamedDim && on('input-includes-batch')) {
      out.push(
        finding(
          batch.span,
          'input-includes-batch',
          `This shape seems to include the batch size (${batch.inputShape![1]}): \`shape=\` leaves the batch axis out, Keras adds it. Drop the first number.`,
        ),
      );
    }
  }
  for (const layer of a.interpretation.layers) {
    if (on('channels-first-input')) channelsFirst(layer, settings.imageDataFormat, out);
    if (on('softmax-single-unit') && layer.className === 'Dense' && activationOf(layer) === 'softmax') {
      const units = layer.call.args[0] ?? kwarg(layer, 'units');
      if (units?.kind === 'int' && units.value === 1) {
        out.push(
          finding(
            layer.span,
            'softmax-single-unit',
            'softmax over a single unit always outputs 1.0: for two classes use Dense(1, activation="sigmoid") with binary_crossentropy, or Dense(2, activation="softmax").',
          ),
        );
      }
    }
    if (on('input-includes-batch') && layer.batchNamedDim) {
      out.push(
        finding(
          layer.batchNamedDim,
          'input-includes-batch',
          'This looks like the batch size: `shape=` and `input_shape=` leave the batch axis out (Keras adds it as None), so the input gets an extra axis. Drop this dimension; to fix the batch size, use `batch_size=` (or `batch_shape=`).',
        ),
      );
    }
    if (on('input-shape-argument') && layer.className !== 'InputLayer' && layer.inputArgSpan) {
      out.push(
        finding(
          layer.inputArgSpan,
          'input-shape-argument',
          'Keras 3 warns about `input_shape`/`input_dim` on a layer: start the model with `keras.Input(shape=...)` instead.',
        ),
      );
    }
  }
  if (on('loss-activation-mismatch')) for (const m of a.interpretation.models) lossMismatch(m, out);
  return out;
}

/**
 * The input whose shape probably includes the batch size: Keras raised on a
 * rank one too high for the layer, and the model's only input starts with a
 * fixed number.
 */
function batchAxisInput(a: Analysis, message: string): LayerObj | undefined {
  const error = engineErrorFor(message);
  if (!error || !oneAxisTooMany(error)) return undefined;
  const inputs = a.interpretation.layers.filter((l) => l.className === 'InputLayer' && l.inputShape);
  return inputs.length === 1 && typeof inputs[0].inputShape![1] === 'number' ? inputs[0] : undefined;
}

/** The layer's input spec (or a convolution's kernel, which has the input's rank) wanted one axis fewer. */
function oneAxisTooMany(error: EngineError): boolean {
  const e = { kind: error.kind ?? 'inline', data: error.data };
  if (isKind(e, 'inputSpecNdim')) return e.data.shape.length === e.data.ndim + 1;
  if (isKind(e, 'inputSpecMaxNdim')) return e.data.shape.length === e.data.maxNdim + 1;
  if (isKind(e, 'inputSpecMinNdim')) return e.data.shape.length === e.data.minNdim + 1;
  if (isKind(e, 'convKernelRankMismatch')) return e.data.shape.length === e.data.kernel.length + 1;
  return false;
}

const IMAGE_2D = /^(Conv2D|SeparableConv2D|DepthwiseConv2D|Conv2DTranspose|MaxPooling2D|AveragePooling2D)$/;

/** A channels-last 2-D layer fed (batch, a, b, b) with a != b: the square planes are last, so `a` is probably channels. */
function channelsFirst(layer: LayerObj, defaultFormat: string, out: Finding[]): void {
  if (!IMAGE_2D.test(layer.className)) return;
  const fmt = kwarg(layer, 'data_format');
  const format = fmt?.kind === 'str' ? fmt.value.toLowerCase() : defaultFormat;
  if (format !== 'channels_last') return;
  const input: Shape | undefined = layer.inputShapes?.[0] ?? layer.callSpans[0]?.inputs[0];
  if (!input || input.length !== 4) return;
  const [, a, b, c] = input;
  if (!isKnown(a) || !isKnown(b) || !isKnown(c)) return;
  const looksFirst = (b === c && a !== b && a < b * 4) || (a <= 4 && b > 4 && c > 4 && b === c);
  if (!looksFirst) return;
  out.push(
    finding(
      // Where the shape was written, when the layer declares it; else the layer itself.
      layer.inputArgSpan ?? layer.span,
      'channels-first-input',
      `Keras reads this input as (batch, rows=${a}, cols=${b}, channels=${c}): channels come last. If ${a} is the number of channels (planes of ${b}×${c}), give the input as (${b}, ${c}, ${a}), or pass data_format="channels_first".`,
    ),
  );
}

function lossName(v: unknown): string | undefined {
  const x = v as { kind?: string; value?: string; qualname?: string } | undefined;
  if (!x) return undefined;
  if (x.kind === 'str') return x.value?.toLowerCase();
  if ((x.kind === 'ref' || x.kind === 'object') && x.qualname)
    return x.qualname
      .split('.')
      .pop()!
      .replace(/([a-z])([A-Z])/g, '$1_$2')
      .toLowerCase();
  return undefined;
}

/** The last activation that does not fit the loss given to `compile`. */
function lossMismatch(model: ModelObj, out: Finding[]): void {
  if (!model.compiled) return;
  const loss = lossName(model.compiled.loss);
  if (!loss) return;
  const layers = model.layers.filter(
    (l) => !l.isOp && l.className !== 'InputLayer' && !/Dropout|Noise|Regularization/.test(l.className),
  );
  const last = layers[layers.length - 1];
  if (!last || last.model) return;
  const act = activationOf(last);
  if (!act) return;
  const units = last.outputShapes?.[0]?.at(-1);
  const logits = (model.compiled.loss as { kind?: string }).kind === 'object';
  let message: string | undefined;
  if (/^binary_crossentropy$|^binary_focal/.test(loss) && act === 'softmax') {
    message =
      'binary_crossentropy expects one probability per output from a sigmoid; this model ends in softmax. Use Dense(1, activation="sigmoid"), or categorical_crossentropy with softmax.';
  } else if (/^binary_crossentropy$/.test(loss) && act === 'linear' && !logits) {
    message =
      'binary_crossentropy on a linear output treats raw scores as probabilities: add activation="sigmoid", or use keras.losses.BinaryCrossentropy(from_logits=True).';
  } else if (/categorical_crossentropy$/.test(loss) && act === 'sigmoid') {
    message = `${loss} expects a probability distribution from softmax; this model ends in sigmoid. Use activation="softmax" (or binary_crossentropy for independent labels).`;
  } else if (
    /^(mse|mean_squared_error|mae|mean_absolute_error)$/.test(loss) &&
    act === 'softmax' &&
    typeof units === 'number' &&
    units > 1
  ) {
    message = `${loss} with softmax forces the ${units} outputs to sum to 1, which a regression rarely wants: use a linear output.`;
  }
  if (message) out.push(finding(model.compiled.spanOfCompile, 'loss-activation-mismatch', message));
}

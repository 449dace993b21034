/**
 * Diagnostics: the error Keras would raise (one: the file stops there), and
 * warnings for likely mistakes Keras accepts. Each has a stable code and a
 * range covering the call it is about.
 */

import type { ErrorCheck, LayerObj, ModelObj, RaisedError, Span } from '../interpret';
import { isKind } from '../shapes/messages';
import { formatShape, isKnown, type Shape } from '../shapes/shape';
import type { PyValue } from '../shapes/values';
import type { AnalysisNote, NoteKind } from '../interpret';
import { CODES, type DiagnosticCode } from './codes';
import { localize, type Locale, type MessageId } from './messages';
import type { Analysis, Finding } from './index';

export interface DiagnosticSettings {
  /** Codes of warnings turned off. */
  disabled: DiagnosticCode[];
  imageDataFormat: string;
  /** The language of the messages (Keras's own text stays as Keras prints it). */
  locale?: Locale;
}

export const DEFAULT_DIAGNOSTIC_SETTINGS: DiagnosticSettings = { disabled: [], imageDataFormat: 'channels_last' };

/**
 * What a diagnostic is about, beyond its text: the objects of the analysis a
 * quick fix reads to change the source (codeActions.ts).
 */
export type Subject =
  | { code: 'keras-error'; error: RaisedError }
  | { code: 'channels-first-input'; layer: LayerObj; input: [number, number, number] }
  | { code: 'input-includes-batch'; layer?: LayerObj }
  | { code: 'softmax-single-unit'; layer: LayerObj }
  | { code: 'input-shape-argument'; layer: LayerObj }
  | { code: 'analysis-stopped'; note: AnalysisNote }
  | { code: 'loss-activation-mismatch'; model: ModelObj; last: LayerObj; loss: string; activation: string };

/** A finding with its subject. */
export interface Diagnosis {
  finding: Finding;
  subject: Subject;
}

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

/** Shape Lens's explanation of a Keras error (a Keras 2 habit, what Keras wanted), read from its check. */
function explanationOf(check: ErrorCheck): { id: MessageId; args?: Record<string, string | number> } | undefined {
  const e = check;
  if (isKind(e, 'moduleNotFound') && e.data.module.split('.').slice(0, -1).join('.') === 'keras.layers')
    return { id: 'explain.layersModule' };
  if (isKind(e, 'optimizerArgsNotRecognized') && e.data.keywords.some(([k]) => k === 'lr'))
    return { id: 'explain.learningRate' };
  if (isKind(e, 'modelLegacyKeywords')) return { id: 'explain.modelInputsOutputs' };
  if (isKind(e, 'inputShapeInt')) return { id: 'explain.shapeTuple', args: { argument: 'shape', value: e.data.value } };
  if (isKind(e, 'sequentialInputShapeInt'))
    return { id: 'explain.shapeTuple', args: { argument: 'input_shape', value: e.data.value } };
  if (isKind(e, 'optimizerIdentifier'))
    return { id: 'explain.optimizerNames', args: { names: e.data.known.join(', ') } };
  return undefined;
}

/** Keras's message as Keras prints it, then Shape Lens's explanation (if any) in `locale`. */
export function kerasErrorMessage(error: Pick<RaisedError, 'message' | 'check'>, locale: Locale): string {
  const x = explanationOf(error.check);
  return x ? `${error.message} ${localize(locale, x.id, x.args)}` : error.message;
}

const sameSpan = (a: Span, b: Span) =>
  a.startLine === b.startLine && a.startCol === b.startCol && a.endLine === b.endLine && a.endCol === b.endCol;

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

/** The note of each limit the interpreter can reach. */
const STOPPED_MESSAGE: Record<NoteKind, MessageId> = {
  'value-too-large': 'diag.stopped.value-too-large',
  'too-much-work': 'diag.stopped.too-much-work',
  'steps-spent': 'diag.stopped.steps-spent',
  'loop-too-long': 'diag.stopped.loop-too-long',
  'too-deep': 'diag.stopped.too-deep',
};

export function diagnosticsOf(a: Analysis, settings: DiagnosticSettings = DEFAULT_DIAGNOSTIC_SETTINGS): Finding[] {
  return diagnose(a, settings).map((d) => d.finding);
}

/** Every diagnostic with what it is about, in the order `diagnosticsOf` reports them. */
export function diagnose(a: Analysis, settings: DiagnosticSettings = DEFAULT_DIAGNOSTIC_SETTINGS): Diagnosis[] {
  const out: Diagnosis[] = [];
  const locale = settings.locale ?? 'en';
  const t = (id: MessageId, args?: Record<string, string | number>) => localize(locale, id, args);
  const on = (code: DiagnosticCode) => !settings.disabled.includes(code);
  const e = a.interpretation.error;
  if (e) {
    // Keras's text first, then the cure of a data error at fit/predict when one is known.
    const hint = a.interpretation.dataHints.find((h) => sameSpan(h.span, e.span));
    const text = kerasErrorMessage(e, locale) + (hint ? `\n${t(hint.id, hint.args)}` : '');
    out.push({
      finding: finding(e.span, 'keras-error', text),
      subject: { code: 'keras-error', error: e },
    });
    const batch = batchAxisInput(a, e);
    // An input whose first dimension is named as a batch size is flagged below, where it is written.
    if (batch && !batch.batchNamedDim && on('input-includes-batch')) {
      out.push({
        finding: finding(
          batch.span,
          'input-includes-batch',
          t('diag.batchInShapeRaised', { size: String(batch.inputShape![1]) }),
        ),
        subject: { code: 'input-includes-batch', layer: batch },
      });
    }
  }
  for (const layer of a.interpretation.layers) {
    // A layer made by another module's code is that file's to diagnose (Keras's errors above are the run's).
    if (layer.span.imported !== undefined) continue;
    if (on('channels-first-input')) channelsFirst(layer, settings.imageDataFormat, locale, out);
    if (on('softmax-single-unit') && layer.className === 'Dense' && activationOf(layer) === 'softmax') {
      const units = layer.call.args[0] ?? kwarg(layer, 'units');
      if (units?.kind === 'int' && units.value === 1) {
        out.push({
          finding: finding(layer.span, 'softmax-single-unit', t('diag.softmaxSingleUnit')),
          subject: { code: 'softmax-single-unit', layer },
        });
      }
    }
    if (on('input-includes-batch') && layer.batchNamedDim) {
      out.push({
        finding: finding(layer.batchNamedDim, 'input-includes-batch', t('diag.batchInShapeNamed')),
        subject: { code: 'input-includes-batch', layer },
      });
    }
    if (on('input-shape-argument') && layer.className !== 'InputLayer' && layer.inputArgSpan) {
      out.push({
        finding: finding(layer.inputArgSpan, 'input-shape-argument', t('diag.inputShapeArgument')),
        subject: { code: 'input-shape-argument', layer },
      });
    }
  }
  if (on('loss-activation-mismatch')) for (const m of a.interpretation.models) lossMismatch(m, locale, out);
  if (on('analysis-stopped'))
    for (const note of a.interpretation.incomplete)
      out.push({
        finding: finding(note.span, 'analysis-stopped', t(STOPPED_MESSAGE[note.kind], { limit: note.limit })),
        subject: { code: 'analysis-stopped', note },
      });
  return out;
}

/**
 * The input whose shape probably includes the batch size: Keras raised on a
 * rank one too high for the layer, on the model's only input as it was
 * declared, no layer accepted a tensor of that shape before (then its rank
 * suits some layer: `Conv2D(1, 3, padding="same")` keeps its input's shape,
 * and the layer after it is the one at fault), and that input starts with a
 * fixed number.
 */
function batchAxisInput(a: Analysis, raised: RaisedError): LayerObj | undefined {
  const error = raised.check;
  if (!error || !oneAxisTooMany(error)) return undefined;
  const received = (error.data as { shape?: Shape } | undefined)?.shape;
  const inputs = a.interpretation.layers.filter((l) => l.className === 'InputLayer' && l.inputShape);
  if (inputs.length !== 1 || typeof inputs[0].inputShape![1] !== 'number') return undefined;
  const declared = formatShape(inputs[0].inputShape!);
  if (!received || formatShape(received) !== declared) return undefined;
  const takes = (shapes: Array<Shape | null> | null) => shapes?.some((s) => s !== null && formatShape(s) === declared);
  // A layer's first build (a Sequential's too) is kept on the record; later calls in its call sites.
  const accepted = a.interpretation.layers.some(
    (l) =>
      l.className !== 'InputLayer' &&
      ((l.outputShapes !== null && takes(l.inputShapes)) || l.callSpans.some((c) => c.outputs && takes(c.inputs))),
  );
  return accepted ? undefined : inputs[0];
}

/** The layer's input spec (or a convolution's kernel, which has the input's rank) wanted one axis fewer. */
function oneAxisTooMany(e: ErrorCheck): boolean {
  if (isKind(e, 'inputSpecNdim')) return e.data.shape.length === e.data.ndim + 1;
  if (isKind(e, 'inputSpecMaxNdim')) return e.data.shape.length === e.data.maxNdim + 1;
  if (isKind(e, 'inputSpecMinNdim')) return e.data.shape.length === e.data.minNdim + 1;
  if (isKind(e, 'convKernelRankMismatch')) return e.data.shape.length === e.data.kernel.length + 1;
  return false;
}

const IMAGE_2D = /^(Conv2D|SeparableConv2D|DepthwiseConv2D|Conv2DTranspose|MaxPooling2D|AveragePooling2D)$/;

/** A channels-last 2-D layer fed (batch, a, b, b) with a != b: the square planes are last, so `a` is probably channels. */
function channelsFirst(layer: LayerObj, defaultFormat: string, locale: Locale, out: Diagnosis[]): void {
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
  out.push({
    finding: finding(
      // Where the shape was written, when the layer declares it; else the layer itself.
      layer.inputArgSpan ?? layer.span,
      'channels-first-input',
      localize(locale, 'diag.channelsFirst', { rows: a, cols: b, channels: c }),
    ),
    subject: { code: 'channels-first-input', layer, input: [a, b, c] },
  });
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
function lossMismatch(model: ModelObj, locale: Locale, out: Diagnosis[]): void {
  if (!model.compiled || model.compiled.spanOfCompile.imported !== undefined) return;
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
    message = localize(locale, 'diag.lossBinarySoftmax');
  } else if (/^binary_crossentropy$/.test(loss) && act === 'linear' && !logits) {
    message = localize(locale, 'diag.lossBinaryLinear');
  } else if (/categorical_crossentropy$/.test(loss) && act === 'sigmoid') {
    message = localize(locale, 'diag.lossCategoricalSigmoid', { loss });
  } else if (
    /^(mse|mean_squared_error|mae|mean_absolute_error)$/.test(loss) &&
    act === 'softmax' &&
    typeof units === 'number' &&
    units > 1
  ) {
    message = localize(locale, 'diag.lossRegressionSoftmax', { loss, units });
  }
  if (message)
    out.push({
      finding: finding(model.compiled.spanOfCompile, 'loss-activation-mismatch', message),
      subject: { code: 'loss-activation-mismatch', model, last, loss, activation: act },
    });
}

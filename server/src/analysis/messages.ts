/**
 * Every text Shape Lens itself writes (diagnostics, hovers, quick-fix titles),
 * keyed by a stable id, in English and Simplified Chinese. `{name}`
 * placeholders are filled by `localize`. Keras's own error text never passes
 * through here: it stays as Keras prints it, and only the explanation Shape
 * Lens adds after it is translated. Layer classes, argument names, values and
 * shapes are code and stay as written in both languages.
 *
 * Terms used throughout the Chinese texts: batch 批次, channels 通道,
 * axis 轴, layer 层, shape 形状, activation 激活函数, loss 损失函数,
 * units 单元, parameters 参数.
 */

export const LOCALES = ['en', 'zh-cn'] as const;
export type Locale = (typeof LOCALES)[number];

/** A locale tag as editors send it (`zh-CN`, `zh-Hans`, `zh_CN.UTF-8`, `en-US`) mapped to a catalogue table. */
export function toLocale(tag: string | undefined | null): Locale {
  const t = (tag ?? '').toLowerCase().replace(/_/g, '-').replace(/\..*$/, '');
  // Simplified Chinese: zh, zh-cn, zh-sg, zh-hans(-*); Traditional tags (zh-tw, zh-hk, zh-hant) are not covered.
  if (/^zh(-(cn|sg|hans)(-.*)?)?$/.test(t)) return 'zh-cn';
  return 'en';
}

type Table = Record<Locale, string>;

export const MESSAGES = {
  // Diagnostics.
  'diag.batchInShapeRaised': {
    en: 'This shape seems to include the batch size ({size}): `shape=` leaves the batch axis out, Keras adds it. Drop the first number.',
    'zh-cn': '这个形状似乎包含了批次大小（{size}）：`shape=` 不写批次轴，Keras 会自己加上。请删去第一个数。',
  },
  'diag.batchInShapeNamed': {
    en: 'This looks like the batch size: `shape=` and `input_shape=` leave the batch axis out (Keras adds it as None), so the input gets an extra axis. Drop this dimension; to fix the batch size, use `batch_size=` (or `batch_shape=`).',
    'zh-cn':
      '这看起来是批次大小：`shape=` 和 `input_shape=` 都不包含批次轴（Keras 会以 None 自动加上），这样写会让输入多出一个轴。请删去这一维；如需固定批次大小，请用 `batch_size=`（或 `batch_shape=`）。',
  },
  'diag.softmaxSingleUnit': {
    en: 'softmax over a single unit always outputs 1.0: for two classes use Dense(1, activation="sigmoid") with binary_crossentropy, or Dense(2, activation="softmax").',
    'zh-cn':
      '只有一个单元的 softmax 输出恒为 1.0：二分类请用 Dense(1, activation="sigmoid") 配合 binary_crossentropy，或者用 Dense(2, activation="softmax")。',
  },
  'diag.inputShapeArgument': {
    en: 'Keras 3 warns about `input_shape`/`input_dim` on a layer: start the model with `keras.Input(shape=...)` instead.',
    'zh-cn': 'Keras 3 会对层上的 `input_shape`/`input_dim` 给出警告：请改用 `keras.Input(shape=...)` 作为模型的开头。',
  },
  'diag.stopped.value-too-large': {
    en: 'Shape Lens stopped following this value: it grows past {limit} items. It is unknown from here on; the rest of the file is still analysed.',
    'zh-cn': 'Shape Lens 不再跟踪这个值：它超过了 {limit} 项。从这里起它是未知的；文件的其余部分仍会分析。',
  },
  'diag.stopped.too-much-work': {
    en: 'Shape Lens stopped following this value: working it out takes more than {limit} steps. It is unknown from here on; the rest of the file is still analysed.',
    'zh-cn': 'Shape Lens 不再跟踪这个值：计算它需要超过 {limit} 步。从这里起它是未知的；文件的其余部分仍会分析。',
  },
  'diag.stopped.steps-spent': {
    en: "Shape Lens stopped following this statement's values: the file's analysis budget ({limit} steps) ran out here. The statements below are analysed with the values they take from it unknown, and loops run once.",
    'zh-cn':
      'Shape Lens 不再跟踪这条语句的值：文件的分析预算（{limit} 步）在这里用完了。下面的语句照常分析，但取自它的值是未知的，循环只运行一次。',
  },
  'diag.stopped.loop-too-long': {
    en: 'Shape Lens stopped following this loop after {limit} iterations: what it assigns is unknown from here on; the rest of the file is still analysed.',
    'zh-cn': 'Shape Lens 在 {limit} 次迭代后不再跟踪这个循环：它赋的值从这里起是未知的；文件的其余部分仍会分析。',
  },
  'diag.stopped.document-too-large': {
    en: 'Shape Lens does not analyse this document: it is {size} MB, past its limit of {limit} MB. Its hints and diagnostics come back once it is smaller.',
    'zh-cn': 'Shape Lens 不分析这个文档：它有 {size} MB，超过了 {limit} MB 的上限。文档变小后，提示和诊断会恢复。',
  },
  'diag.stopped.stale': {
    en: 'Shape Lens could not analyse this version of the file (an internal error, logged): the hints and diagnostics shown are those of version {version} and may be out of date.',
    'zh-cn':
      'Shape Lens 无法分析这个版本的文件（内部错误，已记录）：显示的提示和诊断来自版本 {version}，可能已经过时。',
  },
  'diag.stopped.failed': {
    en: 'Shape Lens could not analyse this file (an internal error, logged): it shows no hints for it until an edit makes it analysable again.',
    'zh-cn': 'Shape Lens 无法分析这个文件（内部错误，已记录）：在编辑使它可以再次分析之前，不会为它显示提示。',
  },
  'hint.stale': {
    en: 'From version {version} of the file: Shape Lens could not analyse the current one.',
    'zh-cn': '来自这个文件的版本 {version}：Shape Lens 无法分析当前版本。',
  },
  'diag.stopped.too-deep': {
    en: 'Shape Lens stopped following this code: it nests deeper than {limit} levels. Its value is unknown; the rest of the file is still analysed.',
    'zh-cn': 'Shape Lens 不再跟踪这段代码：它的嵌套超过了 {limit} 层。它的值是未知的；文件的其余部分仍会分析。',
  },
  'diag.channelsFirst': {
    en: 'Keras reads this input as (batch, rows={rows}, cols={cols}, channels={channels}): channels come last. If {rows} is the number of channels (planes of {cols}×{channels}), give the input as ({cols}, {channels}, {rows}), or pass data_format="channels_first".',
    'zh-cn':
      'Keras 把这个输入读作（批次, 行={rows}, 列={cols}, 通道={channels}）：通道在最后。如果 {rows} 是通道数（{rows} 个 {cols}×{channels} 的平面），请把输入写成 ({cols}, {channels}, {rows})，或者传入 data_format="channels_first"。',
  },
  'diag.lossBinarySoftmax': {
    en: 'binary_crossentropy expects one probability per output from a sigmoid; this model ends in softmax. Use Dense(1, activation="sigmoid"), or categorical_crossentropy with softmax.',
    'zh-cn':
      'binary_crossentropy 要求每个输出都是 sigmoid 给出的概率，而这个模型以 softmax 结尾。请用 Dense(1, activation="sigmoid")，或者让 softmax 搭配 categorical_crossentropy。',
  },
  'diag.lossBinaryLinear': {
    en: 'binary_crossentropy on a linear output treats raw scores as probabilities: add activation="sigmoid", or use keras.losses.BinaryCrossentropy(from_logits=True).',
    'zh-cn':
      '对线性输出使用 binary_crossentropy，会把原始分数当作概率：请加上 activation="sigmoid"，或者改用 keras.losses.BinaryCrossentropy(from_logits=True)。',
  },
  'diag.lossCategoricalSigmoid': {
    en: '{loss} expects a probability distribution from softmax; this model ends in sigmoid. Use activation="softmax" (or binary_crossentropy for independent labels).',
    'zh-cn':
      '{loss} 要求 softmax 给出的概率分布，而这个模型以 sigmoid 结尾。请用 activation="softmax"（如果各个标签相互独立，则改用 binary_crossentropy）。',
  },
  'diag.lossRegressionSoftmax': {
    en: '{loss} with softmax forces the {units} outputs to sum to 1, which a regression rarely wants: use a linear output.',
    'zh-cn': '{loss} 搭配 softmax 会迫使这 {units} 个输出之和为 1，回归任务很少需要这样：请使用线性输出。',
  },

  // What Shape Lens adds after Keras's own error text.
  'explain.layersModule': {
    en: '(Keras 3 keeps every layer in keras.layers: import from there)',
    'zh-cn': '（Keras 3 把所有层都放在 keras.layers 中：请从那里导入）',
  },
  'hint.dataTranspose': {
    en: "The data holds the axes the model wants in another order: `{fix}` puts them in the order of the model's input.",
    'zh-cn': '数据包含模型需要的轴，但顺序不同：`{fix}` 可以把它们排成模型输入的顺序。',
  },
  'hint.dataExpandDims': {
    en: "The data lacks one axis of the model's input: `{fix}` adds it.",
    'zh-cn': '数据比模型的输入少了一个轴：`{fix}` 可以把它加上。',
  },
  'hint.dataReshape': {
    en: "The data has the values of one sample in another shape: `{fix}` gives it the model's input shape.",
    'zh-cn': '数据中每个样本的数值个数相同，但形状不同：`{fix}` 可以把它变成模型输入的形状。',
  },
  'hint.labelsToCategorical': {
    en: 'These are integer class labels, but the loss wants one-hot rows: use `keras.utils.to_categorical({y}, {classes})`, or loss="sparse_categorical_crossentropy".',
    'zh-cn':
      '这些是整数类别标签，而这个损失函数需要 one-hot 行：请用 `keras.utils.to_categorical({y}, {classes})`，或者改用 loss="sparse_categorical_crossentropy"。',
  },
  'hint.missingFlatten': {
    en: 'The output {output} kept the axes {axes} of the layers before `{layer}`, which acts on the last axis only, so the targets {targets} do not fit it. A `Flatten()` or `{pool}()` before `{layer}` gives {fixed}.',
    'zh-cn':
      '输出 {output} 保留了 `{layer}` 之前各层的轴 {axes}（`{layer}` 只作用于最后一个轴），所以目标 {targets} 与它不符。在 `{layer}` 之前加上 `Flatten()` 或 `{pool}()` 会得到 {fixed}。',
  },
  'hint.labelsSparse': {
    en: 'These labels are already one-hot, but the loss wants integer labels: use loss="categorical_crossentropy", or `np.argmax({y}, axis=-1)`.',
    'zh-cn':
      '这些标签已经是 one-hot 形式，而这个损失函数需要整数标签：请改用 loss="categorical_crossentropy"，或者用 `np.argmax({y}, axis=-1)`。',
  },
  'explain.learningRate': {
    en: 'Keras 3 calls it `learning_rate`.',
    'zh-cn': 'Keras 3 中它叫 `learning_rate`。',
  },
  'explain.modelInputsOutputs': {
    en: 'Keras 3 calls them `inputs` and `outputs`.',
    'zh-cn': 'Keras 3 中它们叫 `inputs` 和 `outputs`。',
  },
  'explain.shapeTuple': {
    en: '`{argument}` must be a tuple such as ({value},), not an int.',
    'zh-cn': '`{argument}` 必须是元组，例如 ({value},)，而不是整数。',
  },
  'explain.callWithoutReturn': {
    en: "Does a layer's `call` lack a `return`?",
    'zh-cn': '是不是某个层的 `call` 缺少 `return`？',
  },
  'explain.layerNotCalled': {
    en: 'Call the layer on a tensor to get one.',
    'zh-cn': '请在张量上调用这个层，以得到张量。',
  },
  'explain.layerInstance': {
    en: 'This is the class itself; create an instance: `{className}(...)`.',
    'zh-cn': '这是类本身；请创建实例：`{className}(...)`。',
  },
  'explain.optimizerNames': {
    en: '(Keras knows {names})',
    'zh-cn': '（Keras 认识的名字有：{names}）',
  },

  // Hover.
  'hover.unknownLayer': {
    en: "Shape Lens cannot tell this layer's shapes statically ({reason}).",
    'zh-cn': 'Shape Lens 无法静态地确定这个层的形状（{reason}）。',
  },
  'hover.input': { en: 'Input: {shape} — {axes}', 'zh-cn': '输入：{shape} — {axes}' },
  'hover.inputN': { en: 'Input {index}: {shape} — {axes}', 'zh-cn': '输入 {index}：{shape} — {axes}' },
  'hover.output': { en: 'Output: {shape} — {axes}', 'zh-cn': '输出：{shape} — {axes}' },
  'hover.outputs': { en: 'Outputs: {shapes}', 'zh-cn': '输出：{shapes}' },
  'hover.outputUnknown': { en: 'Output: not known statically', 'zh-cn': '输出：无法静态确定' },
  'hover.modelParams': {
    en: 'Parameters: {total} ({trainable} trainable, {nonTrainable} non-trainable)',
    'zh-cn': '参数：{total}（可训练 {trainable}，不可训练 {nonTrainable}）',
  },
  'hover.layerParams': {
    en: 'Parameters: {formula} — {trainable} trainable, {nonTrainable} non-trainable{frozen}',
    'zh-cn': '参数：{formula} — 可训练 {trainable}，不可训练 {nonTrainable}{frozen}',
  },
  'hover.frozen': { en: ' (frozen: all non-trainable)', 'zh-cn': '（已冻结：全部不可训练）' },
  'hover.denseLastAxis': {
    en: 'Dense acts on the last axis only: the same {from}→{to} mapping is applied at every position of the other axes, which pass through unchanged. Flatten first to mix them.',
    'zh-cn':
      'Dense 只作用于最后一个轴：同一个 {from}→{to} 的映射会用在其他各轴的每个位置上，这些轴原样保留。要把它们混合起来，请先 Flatten。',
  },
  'hover.channelsLast': {
    en: 'Keras puts channels last by default: (batch, rows, cols, channels) for 2-D layers.',
    'zh-cn': 'Keras 默认把通道放在最后：二维层的轴依次是（批次, 行, 列, 通道）。',
  },
  'hover.array': { en: 'Array `{name}`: {shape} — {axes}', 'zh-cn': '数组 `{name}`：{shape} — {axes}' },
  'hover.arrayUnknown': {
    en: 'Array `{name}`: its shape is not known statically',
    'zh-cn': '数组 `{name}`：无法静态确定它的形状',
  },
  'hover.arrayFeeds': {
    en: 'Input of `{model}.{method}` on line {line}; the model takes {shape}.',
    'zh-cn': '第 {line} 行 `{model}.{method}` 的输入；模型接受 {shape}。',
  },
  'hover.arrayTargets': {
    en: 'Targets of `{model}.{method}` on line {line}; the model outputs {shape}.',
    'zh-cn': '第 {line} 行 `{model}.{method}` 的目标；模型输出 {shape}。',
  },
  'hover.dataCall': {
    en: '**{method}** on `{model}`: the model against the data, axis by axis',
    'zh-cn': '`{model}` 的 **{method}**：模型与数据逐轴对照',
  },
  'hover.dataInput': { en: 'input `{name}`', 'zh-cn': '输入 `{name}`' },
  'hover.dataTarget': { en: 'target `{name}`', 'zh-cn': '目标 `{name}`' },
  'hover.dataModelIn': { en: 'model input', 'zh-cn': '模型输入' },
  'hover.dataModelOut': { en: 'model output', 'zh-cn': '模型输出' },
  'hover.dataGiven': { en: 'data', 'zh-cn': '数据' },
  'hover.dataUnknown': {
    en: 'The shapes of this data are not known statically.',
    'zh-cn': '无法静态确定这些数据的形状。',
  },
  'hover.docs': { en: 'Keras documentation', 'zh-cn': 'Keras 文档' },

  // Axis names in hovers.
  'axis.batch': { en: 'batch', 'zh-cn': '批次' },
  'axis.samples': { en: 'samples', 'zh-cn': '样本' },
  'axis.rows': { en: 'rows', 'zh-cn': '行' },
  'axis.cols': { en: 'cols', 'zh-cn': '列' },
  'axis.depth': { en: 'depth', 'zh-cn': '深度' },
  'axis.steps': { en: 'steps', 'zh-cn': '步' },
  'axis.timesteps': { en: 'timesteps', 'zh-cn': '时间步' },
  'axis.channels': { en: 'channels', 'zh-cn': '通道' },
  'axis.units': { en: 'units', 'zh-cn': '单元' },
  'axis.features': { en: 'features', 'zh-cn': '特征' },
  'axis.sequence': { en: 'sequence', 'zh-cn': '序列' },
  'axis.embedding': { en: 'features (output_dim)', 'zh-cn': '特征 (output_dim)' },
  'axis.n': { en: 'axis {index}', 'zh-cn': '轴 {index}' },
  'axis.nUnchanged': { en: 'axis {index} (unchanged)', 'zh-cn': '轴 {index}（不变）' },

  // Quick-fix titles.
  'fix.channelsLast': {
    en: 'Give the input channels-last: {shape} (and transpose the data: np.transpose(x, {axes}))',
    'zh-cn': '把输入改为通道在后：{shape}（数据也要转置：np.transpose(x, {axes})）',
  },
  'fix.channelsFirstFormat': {
    en: 'Keep the data channels-first: data_format="channels_first" on the spatial layers ({count})',
    'zh-cn': '保持数据通道在前：在各空间层上设置 data_format="channels_first"（{count} 个）',
  },
  'fix.returnSequences': {
    en: 'Pass return_sequences=True to {layer}, so that {next} gets the whole sequence',
    'zh-cn': '给 {layer} 传入 return_sequences=True，让 {next} 得到整个序列',
  },
  'fix.insertLayer': {
    en: 'Insert {insert} before {layer}',
    'zh-cn': '在 {layer} 之前插入 {insert}',
  },
  'fix.renameKeyword': { en: 'Rename {old}= to {new}=', 'zh-cn': '把 {old}= 改为 {new}=' },
  'fix.importFrom': { en: 'Import from {module}', 'zh-cn': '改为从 {module} 导入' },
  'fix.useInput': {
    en: 'Start the model with {input} instead of {argument}=',
    'zh-cn': '改用 {input} 作为模型的开头，去掉 {argument}=',
  },
  'fix.setActivation': {
    en: 'Change the last activation to "{activation}"',
    'zh-cn': '把最后一层的激活函数改为 "{activation}"',
  },
  'fix.linearOutput': {
    en: 'Make the last layer linear (drop activation="{activation}")',
    'zh-cn': '让最后一层输出线性值（去掉 activation="{activation}"）',
  },
  'fix.setLoss': { en: 'Change the loss to {loss}', 'zh-cn': '把损失函数改为 {loss}' },
  'fix.removeKeywords': {
    en: 'Remove {keywords} (Keras 3 takes them on a keras.utils.PyDataset)',
    'zh-cn': '去掉 {keywords}（Keras 3 中它们是 keras.utils.PyDataset 的参数）',
  },
  'fix.renameMethod': {
    en: "Call {new}( instead of {old}( (Keras 3's {new} takes generators)",
    'zh-cn': '改为调用 {new}(，不再用 {old}(（Keras 3 的 {new} 可以接受生成器）',
  },
  'fix.dataWhereMade': {
    en: 'Convert the data where it is made: {fix}',
    'zh-cn': '在数据生成处转换：{fix}',
  },
  'fix.dataAtCall': { en: 'Pass {fix} here', 'zh-cn': '在这里传入 {fix}' },
} satisfies Record<string, Table>;

export type MessageId = keyof typeof MESSAGES;

/** The placeholders a text uses, sorted: `{rows}` -> `rows`. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

/** The text of `id` in `locale`, its `{name}` placeholders filled from `args`. */
export function localize(locale: Locale, id: MessageId, args: Record<string, string | number> = {}): string {
  const table: Table = MESSAGES[id];
  return table[locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

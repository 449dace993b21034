"""Layer cases taken from Keras's own layer tests, recorded with Keras.

Keras 3.15.1's test files (`keras/src/layers/core/dense_test.py`,
`einsum_dense_test.py`, `embedding_test.py`, `reversible_embedding_test.py`,
`convolutional/conv_test.py`, `normalization/spectral_normalization_test.py`) build layers with LoRA (`lora_rank`), with
dtype policies that quantize their weights at build (`int8_from_float32`,
`int4_from_mixed_bfloat16`, `int4/<block size>_from_...`, `float8_from_...`),
frozen (`trainable=False`), and ReversibleEmbedding with tied and untied
weights. `CASES` below are those constructions (with a few neighbours: odd
sizes for int4 packing, use_bias=False, a constraint that LoRA refuses), each
on one input shape. GPTQ and AWQ policies are left out: they need a
calibration the engine does not model (it says "unknown"). Each is run by the shared generator's own runner
(`gen_layers.run_case`: construct, call on `keras.Input(batch_shape=...)`,
count the weights), so the records have the `layers.jsonl` format.

    KERAS_BACKEND=jax python3 record.py ../../../../shared/keras-truth > ../layers-keras-tests.jsonl
"""
import os, sys, json
os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ["PYTHONHASHSEED"] = "0"
sys.path.insert(0, os.path.abspath(sys.argv[1]))
import warnings
warnings.simplefilter("ignore")
import gen_layers
import keras

D = "layers.Dense"
E = "layers.EinsumDense"
EMB = "layers.Embedding"
REV = "layers.ReversibleEmbedding"
QUANTIZING = ["int8_from_float32", "int8_from_mixed_bfloat16", "int4_from_float32", "int4_from_mixed_bfloat16",
              "float8_from_float32", "float8_from_mixed_bfloat16"]

CASES = []
def case(layer, code, shape):
    CASES.append((layer, code, shape))

# dense_test.py: test_lora_rank_argument, test_quantize_dtype_argument, test_quantize_lora_integration,
# test_int4_quantization_block_size, test_enable_lora_with_kernel_constraint
case("Dense", f'{D}(units=5, activation="sigmoid", kernel_regularizer="l2", bias_regularizer="l2", lora_rank=2)', [2, 3, 4])
case("Dense", f'{D}(5, lora_rank=3, lora_alpha=6)', [None, 7])
case("Dense", f'{D}(5, lora_rank=2, kernel_constraint="non_neg")', [None, 7])
case("Dense", f'{D}(5, lora_rank=0)', [None, 7])
for dtype in QUANTIZING:
    case("Dense", f'{D}(units=5, dtype="{dtype}")', [2, 3, 4])
    case("Dense", f'{D}(7, use_bias=False, dtype="{dtype}")', [None, 9])
    case("Dense", f'{D}(16, lora_rank=4, dtype="{dtype}")', [None, 8])
for block in (8, 16, 128, -1):
    case("Dense", f'{D}(16, dtype="int4/{block}_from_float32")', [None, 40])
case("Dense", f'{D}(5, dtype="int4/3_from_mixed_bfloat16", lora_rank=2)', [None, 7])
case("Dense", f'{D}(4, trainable=False)', [None, 3])
case("Dense", f'{D}(4, trainable=False, lora_rank=2)', [None, 3])
case("Dense", f'{D}(4, trainable=False, dtype="int8_from_float32")', [None, 3])
case("Dense", f'{D}(2, kernel_initializer="constant")', [None, 3])
case("Dense", f'{D}(4, dtype="int8")', [None, 3])
case("Dense", f'{D}(4, dtype="float8_from_float32", trainable=False)', [None, 3])

# einsum_dense_test.py: test_lora_rank_argument, test_quantize_int (equations that reduce, transpose,
# expand and squeeze), test_quantize_with_specific_equations, test_quantize_dtype_argument
case("EinsumDense", f'{E}(equation="ab,bcd->acd", output_shape=(8, 32), bias_axes="d", lora_rank=2)', [None, 3])
case("EinsumDense", f'{E}("abc,cde->abde", (3, 4, 5), bias_axes="de", lora_rank=2, kernel_constraint="non_neg")', [None, 3, 7])
for dtype in QUANTIZING:
    case("EinsumDense", f'{E}(equation="ab,bcd->acd", output_shape=(8, 32), bias_axes="d", dtype="{dtype}")', [None, 3])
    case("EinsumDense", f'{E}("abcde,afce->acdbf", (2, 4, 8, 16), bias_axes="d", dtype="{dtype}")', [1, 8, 2, 4, 32])
    case("EinsumDense", f'{E}("a,b->ab", (4,), dtype="{dtype}")', [None])
    case("EinsumDense", f'{E}("ab,ab->a", (2,), dtype="{dtype}")', [2, 4])
    case("EinsumDense", f'{E}("btnh,nhd->btd", (None, 8), dtype="{dtype}")', [1, 2, 2, 4])
    case("EinsumDense", f'{E}("btd,ndh->btnh", (None, 2, 8), bias_axes="nh", dtype="{dtype}")', [1, 2, 4])
    case("EinsumDense", f'{E}("...b,bc->...c", 5, bias_axes="c", dtype="{dtype}")', [None, 3, 7])
    case("EinsumDense", f'{E}("abc,bcd->ad", (6,), bias_axes="d", dtype="{dtype}")', [None, 3, 7])
    case("EinsumDense", f'{E}("abc,cd->abd", (3, 5), dtype="{dtype}")', [None, 3, 7])
    case("EinsumDense", f'{E}("ab,bcd->acd", (3, 5), lora_rank=2, dtype="{dtype}")', [None, 7])
for block in (2, 8, 128):
    case("EinsumDense", f'{E}("abc,cde->abde", (3, 4, 5), bias_axes="de", dtype="int4/{block}_from_float32")', [None, 3, 7])
case("EinsumDense", f'{E}("ab,bc->ac", 5, trainable=False, lora_rank=2)', [None, 7])

# embedding_test.py: test_lora_rank_argument, test_quantize_dtype_argument, test_enable_lora_with_embeddings_constraint
case("Embedding", f'{EMB}(input_dim=5, output_dim=4, lora_rank=2)', [2, 3])
case("Embedding", f'{EMB}(10, 6, lora_rank=2, embeddings_constraint="non_neg")', [None, 3])
case("Embedding", f'{EMB}(10, 6, lora_rank=3, lora_alpha=1.5, mask_zero=True)', [None, 3])
for dtype in QUANTIZING:
    case("Embedding", f'{EMB}(input_dim=4, output_dim=3, dtype="{dtype}")', [None, 2])
    case("Embedding", f'{EMB}(10, 7, lora_rank=2, dtype="{dtype}")', [None, 3])
for block in (2, 4, 128):
    case("Embedding", f'{EMB}(10, 8, dtype="int4/{block}_from_float32")', [None, 3])
case("Embedding", f'{EMB}(10, 6, trainable=False)', [None, 3])
case("Embedding", f'{EMB}(1000, 64, trainable=False, mask_zero=True)', [None, 20])
case("Embedding", f'{EMB}(10, 6, lora_rank=2, trainable=False)', [None, 3])
case("Embedding", f'{EMB}(10, 6, trainable=False, dtype="int8_from_float32")', [None, 3])

# reversible_embedding_test.py: tied and untied weights, quantized, LoRA, reverse_dtype, logit_soft_cap
for tie in (True, False):
    case("ReversibleEmbedding", f'{REV}(100, 32, tie_weights={tie})', [None, 5])
    case("ReversibleEmbedding", f'{REV}(input_dim=20, output_dim=8, tie_weights={tie}, logit_soft_cap=30.0)', [2, 3])
    case("ReversibleEmbedding", f'{REV}(20, 8, tie_weights={tie}, reverse_dtype="float32", trainable=False)', [2, 3])
    case("ReversibleEmbedding", f'{REV}(20, 8, tie_weights={tie}, lora_rank=2)', [2, 3])
    for dtype in QUANTIZING:
        case("ReversibleEmbedding", f'{REV}(10, 7, tie_weights={tie}, dtype="{dtype}")', [None, 3])
    for block in (2, 128):
        case("ReversibleEmbedding", f'{REV}(10, 8, tie_weights={tie}, dtype="int4/{block}_from_float32")', [None, 3])
case("ReversibleEmbedding", f'{REV}(0, 8)', [None, 3])
case("ReversibleEmbedding", f'{REV}(20, 8, mask_zero=True, embeddings_constraint="non_neg", lora_rank=2)', [None, 3])

# spectral_normalization_test.py: the wrapped layer's kernel or embeddings
case("SpectralNormalization", f'layers.SpectralNormalization({REV}(10, 4))', [None, 3])
case("SpectralNormalization", 'layers.SpectralNormalization(layers.SpectralNormalization(layers.Dense(4)))', [None, 3])
case("SpectralNormalization", f'layers.SpectralNormalization({D}(4, lora_rank=2))', [None, 3])
case("SpectralNormalization", 'layers.SpectralNormalization(layers.GroupNormalization(2))', [None, 4])

# conv_test.py: test_enable_lora (lora_rank at construction), conv layers under a quantizing policy
for rank, cls, shape in ((1, "Conv1D", [None, 8, 3]), (2, "Conv2D", [None, 8, 8, 3]), (3, "Conv3D", [None, 6, 6, 6, 3])):
    case(cls, f'layers.{cls}(filters=6, kernel_size=2, lora_rank=2)', shape)
    case(cls, f'layers.{cls}(6, 3, groups=3, use_bias=False, lora_rank=4, lora_alpha=2)', shape)
    case(cls, f'layers.{cls}(6, 2, lora_rank=2, kernel_constraint="non_neg")', shape)
    case(cls, f'layers.{cls}(6, 2, dtype="int8_from_float32")', shape)
    case(cls, f'layers.{cls}(6, 2, lora_rank=2, trainable=False)', shape)
case("Conv2DTranspose", 'layers.Conv2DTranspose(6, 2, lora_rank=2)', [None, 8, 8, 3])
case("DepthwiseConv2D", 'layers.DepthwiseConv2D(2, lora_rank=2)', [None, 8, 8, 3])

# multi_head_attention_test.py (and GroupQueryAttention): a quantizing policy reaches the
# query/key/value/output projections
for dtype in ("int8_from_float32", "int4_from_float32", "float8_from_float32", "int4/4_from_mixed_bfloat16"):
    case("MultiHeadAttention", f'layers.MultiHeadAttention(num_heads=2, key_dim=4, dtype="{dtype}")', [[None, 3, 8], [None, 5, 8]])
    case("MultiHeadAttention", f'layers.MultiHeadAttention(3, 5, value_dim=2, output_shape=(4,), use_bias=False, dtype="{dtype}")', [[None, 2, 6, 8], [None, 2, 6, 8]])
    case("GroupQueryAttention", f'layers.GroupQueryAttention(head_dim=4, num_query_heads=4, num_key_value_heads=2, dtype="{dtype}")', [[None, 3, 8], [None, 5, 8]])

seen = {}
for layer, code, shape in CASES:
    n = seen[layer] = seen.get(layer, -1) + 1
    multi = isinstance(shape[0], list) if shape else False
    res, _ = gen_layers.run_case(keras, layer, code, None if multi else shape, shape if multi else None)
    rec = {"id": f"{layer}/keras-tests/{n:04d}", "layer": layer, "code": code}
    rec["input_shapes" if multi else "input_shape"] = shape
    rec.update(res)
    print(json.dumps(rec))

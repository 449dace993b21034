# keras.ops products, transforms and nn/math helpers in functional graphs:
# Einsum, Tensordot, Dot, FFT2, RFFT, TopK, Logsumexp, Norm, SegmentSum, ...
import keras
from keras import ops

x = keras.Input((4, 6))
w = keras.Input((6, 5))
v = keras.Input((6,))
ein = ops.einsum("abc,acd->abd", x, w)
ein_implicit = ops.einsum("...ij,jk", x, ops.ones((6, 2)))
td = ops.tensordot(x, w, axes=1)
td_pairs = ops.tensordot(x, ops.ones((6, 3)), axes=[[2], [0]])
dt = ops.dot(x, w)
mm = ops.matmul(x, ops.transpose(x, (0, 2, 1)))
outer = ops.outer(v, v)
real, imag = ops.fft2((x, ops.zeros_like(x)))
re1, im1 = ops.fft((x, x))
rre, rim = ops.rfft(x)
back = ops.irfft((rre, rim), fft_length=6)
values, indices = ops.top_k(x, k=2)
lse = ops.logsumexp(x, axis=1)
nrm = ops.norm(x, axis=-1, keepdims=True)
seg = ops.segment_sum(x, ops.arange(4) // 2, num_segments=2)
mean, var = ops.moments(x, axes=[1])
hot = ops.one_hot(ops.argmax(x, axis=-1), 3, axis=1)
q = ops.quantile(x, [0.25, 0.75], axis=1)
gated = ops.glu(x)
normed = ops.normalize(x, axis=1)
soft = ops.softmax(x, axis=1)
model = keras.Model(
    [x, w, v],
    [ein, ein_implicit, td, td_pairs, dt, mm, outer, real, re1, rre, back, values, lse, nrm, seg, mean, hot, q, gated, normed, soft],
)

# Image ops (channels last).
img = keras.Input((8, 8, 3))
small = ops.image.resize(img, (4, 4))
patches = ops.image.extract_patches(img, 2)
gray = ops.image.rgb_to_grayscale(img)
model2 = keras.Model(img, [small, patches, gray])

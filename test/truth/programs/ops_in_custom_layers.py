# keras.ops inside custom layers' call(): the ops only compute shapes there
# (no rows of their own), and the layer's output shape follows from them.
import keras
from keras import layers, ops


class SpatialGating(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.proj = layers.Dense(units)

    def call(self, x):
        u, v = ops.split(x, indices_or_sections=2, axis=2)
        v = self.proj(ops.transpose(v, (0, 2, 1)))
        return u * ops.transpose(v, (0, 2, 1))


class FNet(layers.Layer):
    def call(self, x):
        real, _ = ops.fft2((x, ops.zeros_like(x)))
        return real


class ShiftWindows(layers.Layer):
    def call(self, x):
        shifted = ops.roll(x, shift=[-1, -1], axis=[1, 2])
        mask = ops.where(shifted != 0, -100.0, shifted)
        return ops.take(mask, ops.arange(2), axis=1)


class Router(layers.Layer):
    def __init__(self, num_experts, capacity, **kwargs):
        super().__init__(**kwargs)
        self.num_experts = num_experts
        self.capacity = capacity
        self.route = layers.Dense(num_experts)

    def call(self, x):
        logits = self.route(x)
        gates = ops.softmax(logits, axis=-1)
        top_values, top_indices = ops.top_k(gates, k=1)
        mask = ops.one_hot(top_indices, self.num_experts)
        position = ops.cumsum(mask, axis=1) * mask
        mask = mask * ops.cast(ops.less(position, self.capacity), "float32")
        combined = ops.einsum("abe,abc->aec", ops.squeeze(mask, 2), x)
        experts = ops.unstack(combined, axis=1)
        return ops.stack(experts, axis=1)


class Attention(layers.Layer):
    def build(self, input_shape):
        self.v = self.add_weight(shape=(input_shape[-1], 16), name="v")
        self.w = self.add_weight(shape=(16, 1), name="w")

    def call(self, x):
        scores = ops.tensordot(ops.tanh(ops.tensordot(x, self.v, axes=1)), self.w, axes=1)
        return ops.softmax(scores, axis=1) * x


class PositionEmbedding(layers.Layer):
    def __init__(self, length, **kwargs):
        super().__init__(**kwargs)
        self.length = length

    def build(self, input_shape):
        self.table = self.add_weight(shape=(self.length, input_shape[-1]), name="table")

    def call(self, x):
        _, n, d = x.shape
        window = ops.slice(x, (0, 1, 0), (-1, n - 1, d))
        pos = ops.broadcast_to(ops.mean(window, axis=0, keepdims=True), (1, n - 1, d))
        return ops.pad(window + pos, [[0, 0], [1, 0], [0, 0]]) + ops.expand_dims(self.table[:n], 0)


class Grid(layers.Layer):
    def call(self, x):
        lin = ops.linspace(0.0, 1.0, 4)
        eye = ops.eye(4)
        return ops.matmul(x, eye) + lin


inputs = keras.Input((8, 6))
outputs = [
    SpatialGating(8)(inputs),
    FNet()(inputs),
    ShiftWindows()(layers.Reshape((8, 6, 1))(inputs)),
    Router(num_experts=3, capacity=4)(inputs),
    Attention()(inputs),
    PositionEmbedding(10)(inputs),
    Grid()(layers.Dense(4)(inputs)),
]
model = keras.Model(inputs, outputs)

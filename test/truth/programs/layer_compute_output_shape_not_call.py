# A layer whose class has a non-default compute_output_shape (written by the
# user, or inherited from a built-in parent such as Conv2D): on symbolic
# tensors Keras uses compute_output_shape and never traces call(), so call()
# may use anything (ops the engine does not know, TensorFlow, ...)
import keras
from keras import layers, ops


class PositionEmbedding(layers.Layer):
    def __init__(self, sequence_length, **kwargs):
        super().__init__(**kwargs)
        self.sequence_length = int(sequence_length)

    def build(self, input_shape):
        self.position_embeddings = self.add_weight(
            name="embeddings", shape=[self.sequence_length, input_shape[-1]]
        )

    def call(self, inputs, start_index=0):
        shape = ops.shape(inputs)
        pe = ops.convert_to_tensor(self.position_embeddings)
        pe = ops.slice(pe, (start_index, 0), (shape[-2], shape[-1]))
        return ops.broadcast_to(pe, shape)

    def compute_output_shape(self, input_shape):
        return input_shape


class StandardizedConv2D(layers.Conv2D):
    def call(self, inputs):
        mean = ops.mean(self.kernel, axis=[0, 1, 2], keepdims=True)
        var = ops.var(self.kernel, axis=[0, 1, 2], keepdims=True)
        kernel = (self.kernel - mean) / ops.sqrt(var + 1e-10)
        result = self.convolution_op(inputs, kernel)
        if self.use_bias:
            result = result + self.bias
        return result


inputs = keras.Input((16, 32))
x = inputs + PositionEmbedding(sequence_length=16)(inputs)
x = layers.Dense(8)(x)
model = keras.Model(inputs, x)

conv = keras.Sequential(
    [
        keras.Input((28, 28, 1)),
        StandardizedConv2D(8, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Flatten(),
        layers.Dense(10),
    ]
)

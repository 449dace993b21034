# keras.backend.Variable (Keras 3's early demos) is keras.Variable in Keras 3.15: the build of the layer fails.
import keras
from keras import backend, initializers, layers, ops


class MyDense(layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.units = units

    def build(self, input_shape):
        self.w = backend.Variable(initializers.GlorotUniform()((input_shape[-1], self.units)), name="kernel")

    def call(self, inputs):
        return ops.matmul(inputs, self.w)


inputs = keras.Input((8,))
model = keras.Model(inputs, MyDense(4)(inputs))

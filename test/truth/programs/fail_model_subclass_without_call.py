# A keras.Model subclass that never defines call: calling it is Keras's NotImplementedError.
import keras
from keras import layers
class MyModel(keras.Model):
    def __init__(self):
        super().__init__()
        self.d = layers.Dense(3)
m = MyModel()
y = m(keras.Input((4,)))

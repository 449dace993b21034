# A keyword a user layer passes on to keras.layers.Layer.__init__, which does not take it.
import keras
from keras import layers
class MyLayer(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
    def call(self, x):
        return x
inp = keras.Input((4,))
model = keras.Model(inp, MyLayer(3, foo=1)(inp))

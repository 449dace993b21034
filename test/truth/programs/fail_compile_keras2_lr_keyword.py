# compile() takes no learning rate: Keras 2 code passing lr= there fails in
# Keras 3. A model that defines its own compile (a GAN) takes its own keywords.
import keras
from keras import layers


class GAN(keras.Model):
    def __init__(self, generator):
        super().__init__()
        self.generator = generator

    def compile(self, g_optimizer, loss_fn):
        super().compile()
        self.g_optimizer = g_optimizer
        self.loss_fn = loss_fn


gen = keras.Sequential([keras.Input((8,)), layers.Dense(4)])
gan = GAN(gen)
gan.compile(g_optimizer=keras.optimizers.Adam(learning_rate=1e-4), loss_fn=keras.losses.BinaryCrossentropy())

model = keras.Sequential([keras.Input((4,)), layers.Dense(2)])
model.compile(optimizer="adam", loss="mse", lr=0.01)

# A loss class given a keyword it does not take (from_logit for from_logits).
import keras
from keras import layers
model = keras.Sequential([keras.Input((4,)), layers.Dense(3)])
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logit=True))

import keras
from keras import layers

import models.unet as unet
from models import heads
from config import *
from layers_lib import ScaleLayer

inputs = keras.Input(shape=INPUT_SHAPE)
x = unet.encoder(inputs, depth=DEPTH)
x = ScaleLayer(2.0)(x)
x = layers.Conv2D(unet.blocks.BASE, 1)(x)
outputs = heads.classifier(x, NUM_CLASSES)
model = keras.Model(inputs, outputs)
model.summary()

# Import styles Keras 3 accepts, from the top-level package down to submodules, aliases and keras.src.
import keras
import keras.backend as K
import keras.ops as kops
from keras import layers, models, optimizers, losses, metrics, callbacks, regularizers, initializers, ops, applications, datasets, utils, preprocessing
from keras import backend
from keras.layers import Dense, Conv2D, LSTM, Input, concatenate, Concatenate, LeakyReLU, PReLU, TextVectorization
from keras.models import Sequential, Model, load_model
from keras.optimizers import Adam, SGD, RMSprop
from keras.optimizers.schedules import ExponentialDecay
from keras.callbacks import EarlyStopping, ModelCheckpoint
from keras.utils import to_categorical, plot_model, pad_sequences
from keras.preprocessing.image import load_img, img_to_array
from keras.preprocessing.sequence import pad_sequences as pad
from keras.applications.resnet50 import ResNet50, preprocess_input
from keras.applications import VGG16, resnet
from keras.datasets import mnist
from keras.losses import SparseCategoricalCrossentropy
from keras.metrics import AUC
from keras.regularizers import l2
from keras.initializers import HeNormal
from keras.src.layers import Dense as SrcDense
import keras.applications.mobilenet_v2

inputs = Input((8,))
x = Dense(4, kernel_regularizer=l2(1e-4), kernel_initializer=HeNormal())(inputs)
x = LeakyReLU()(x)
model = Model(inputs, SrcDense(2)(concatenate([x, x])))
model.compile(optimizer=Adam(ExponentialDecay(1e-3, 100, 0.9)), loss=SparseCategoricalCrossentropy(), metrics=[AUC()])

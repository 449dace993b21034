# This sample tests the Flatten fixes in a Sequential list written with names
# imported one by one: the inserted class joins the import line.
from keras.models import Sequential
from keras.layers import Conv1D, Embedding, Input, RepeatVector, Flatten

model = Sequential([
#       ^^^^^^^^^^^^ error keras-error
#   fix: Insert Flatten() before RepeatVector
#   fix: Insert GlobalAveragePooling1D() before RepeatVector
    Input(shape=(40,)),
    Embedding(1000, 16),
    Conv1D(8, 5),
    Flatten(),
    RepeatVector(3),
])
model.summary()

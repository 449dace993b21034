import numpy as np
from keras.models import Sequential
from keras.layers import TimeDistributed, Conv2D, MaxPooling2D, Flatten, LSTM, Dense

# 40 clips of 8 frames, 64x64 RGB
clips = np.random.rand(40, 8, 64, 64, 3).astype("float32")
labels = np.random.randint(0, 2, size=(40, 1))

model = Sequential()
model.add(TimeDistributed(Conv2D(16, (3, 3), activation="relu"), input_shape=(64, 64, 3)))
model.add(TimeDistributed(MaxPooling2D((2, 2))))
model.add(TimeDistributed(Flatten()))
model.add(LSTM(32))
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(clips, labels, epochs=2, batch_size=8)

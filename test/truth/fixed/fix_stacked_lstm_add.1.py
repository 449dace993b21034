# This sample tests the fix for stacked recurrent layers added one by one:
# the first LSTM must return its whole sequence.
from keras.models import Sequential
from keras.layers import LSTM, Dense, Input

n_steps, n_features = 30, 4

model = Sequential()
model.add(Input(shape=(n_steps, n_features)))
model.add(LSTM(64, activation="relu", return_sequences=True))
model.add(LSTM(32, activation="relu"))
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error keras-error
#   fix*: Pass return_sequences=True to LSTM, so that LSTM gets the whole sequence
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.summary()

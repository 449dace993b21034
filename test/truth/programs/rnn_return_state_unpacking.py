# Unpacking the outputs of recurrent layers with return_state=True: LSTM gives 3, GRU and SimpleRNN 2, Bidirectional LSTM 5, ConvLSTM2D 3.
import keras
from keras import layers

inp = keras.Input((12, 3))
seq, h, c = layers.LSTM(16, return_sequences=True, return_state=True)(inp)
g_out, g_h = layers.GRU(8, return_state=True)(seq)
s_out, s_h = layers.SimpleRNN(4, return_state=True)(inp)
b_out, fh, fc, bh, bc = layers.Bidirectional(layers.LSTM(6, return_state=True))(inp)
merged = layers.Concatenate()([g_out, s_h, b_out, fh, bc, c])
model = keras.Model(inp, merged)

frames = keras.Input((5, 8, 8, 1))
cl_out, cl_h, cl_c = layers.ConvLSTM2D(4, 3, padding="same", return_state=True)(frames)
dec_in = keras.Input((7, 3))
dec = layers.LSTM(16, return_sequences=True)(dec_in, initial_state=[h, c])
model2 = keras.Model([frames, inp, dec_in], [layers.Flatten()(cl_out), cl_h, dec])
outputs = layers.LSTM(5, return_state=True)(inp)
first, *states = outputs
model3 = keras.Model(inp, [first] + states)

get_ipython().run_line_magic('matplotlib', 'inline')
get_ipython().system('pip --version')
import numpy as np
from keras.models import Sequential
from keras.layers import Conv2D, Dense


model = Sequential()
model.add(Conv2D(12, kernel_size=3, activation='relu', padding='same', input_shape=(15, 15, 20)))

model.add(Conv2D(10, kernel_size=3, activation='relu', padding='same'))
get_ipython().run_cell_magic('bash', '', 'echo "model.add(Dense(-1))"\n')

get_ipython().run_cell_magic('writefile', 'helper.py', 'from keras.layers import Dense\nDense(-1)\n')


get_ipython().run_line_magic('time', "model.add(Dense((6), activation='softmax'))")
files = get_ipython().getoutput('ls')
get_ipython().run_line_magic('pinfo', 'model.summary')
model.compile(loss='categorical_crossentropy', optimizer='adam')
board = np.zeros((1, 15, 15, 20))
print(model.predict(board).shape)

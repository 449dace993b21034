import keras
from keras import layers
a = 3
names = [f"blk{i}_{a:02d}" for i in range(2)]
print(names)
x = "%s_%d" % ("m", 4)
y = "{}-{}".format("a", 1.5)
z = "_".join(["p", str(2)])
inputs = keras.Input((4,))
h = layers.Dense(2, name=names[1])(inputs)
h = layers.Dense(2, name=x)(h)
h = layers.Dense(2, name=y)(h)
h = layers.Dense(2, name=z + f"{1e-5}{2.0}{[1, 'a']}")(h)
m = keras.Model(inputs, h, name=f"model_{len(names)}")

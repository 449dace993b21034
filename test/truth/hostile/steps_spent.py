import keras
from keras import layers
grid = [[0.0] * 100 for _ in range(20)]

def smooth(g):
    for r in range(1, len(g) - 1):
        for c in range(1, len(g[r]) - 1):
            g[r][c] = (g[r - 1][c] + g[r + 1][c] + g[r][c - 1] + g[r][c + 1]) / 4

for _ in range(50):
    smooth(grid)

model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4, activation="relu"), layers.Dense(2)])

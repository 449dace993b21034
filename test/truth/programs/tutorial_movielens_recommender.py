"""Collaborative Filtering for Movie Recommendations (keras-io examples/structured_data/collaborative_filtering_movielens.py);
the MovieLens ratings replaced by random ones. The example's `Adam(lr=0.001)` is Keras 2's keyword."""

import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from keras import ops

num_users = 610
num_movies = 9724
min_rating = 0.5
max_rating = 5.0
x = np.stack([np.random.randint(0, num_users, 200), np.random.randint(0, num_movies, 200)], axis=1)
y = np.random.uniform(size=(200,))
# Assuming training on 90% of the data and validating on 10%.
train_indices = int(0.9 * x.shape[0])
x_train, x_test, y_train, y_test = (
    x[:train_indices],
    x[train_indices:],
    y[:train_indices],
    y[train_indices:],
)

EMBEDDING_SIZE = 50


class RecommenderNet(keras.Model):
    def __init__(
        self, num_users, num_movies, embedding_size, min_rating, max_rating, **kwargs
    ):
        super(RecommenderNet, self).__init__(**kwargs)
        self.num_users = num_users
        self.num_movies = num_movies
        self.embedding_size = embedding_size
        self.min_rating = min_rating
        self.max_rating = max_rating
        self.user_embedding = layers.Embedding(
            num_users,
            embedding_size,
            embeddings_initializer="he_normal",
            embeddings_regularizer=keras.regularizers.l2(1e-6),
        )
        self.user_bias = layers.Embedding(num_users, 1)
        self.movie_embedding = layers.Embedding(
            num_movies,
            embedding_size,
            embeddings_initializer="he_normal",
            embeddings_regularizer=keras.regularizers.l2(1e-6),
        )
        self.movie_bias = layers.Embedding(num_movies, 1)

    def call(self, inputs):
        user_vector = self.user_embedding(inputs[:, 0])
        user_bias = self.user_bias(inputs[:, 0])
        movie_vector = self.movie_embedding(inputs[:, 1])
        movie_bias = self.movie_bias(inputs[:, 1])
        dot_user_movie = layers.Dot(axes=1)([user_vector, movie_vector])
        # Add all the components (including bias)
        x = dot_user_movie + user_bias + movie_bias
        # The sigmoid activation forces the rating to between 0 and 1
        x = ops.sigmoid(x)
        return x


inputs = layers.Input(shape=(2,))
model = RecommenderNet(num_users, num_movies, EMBEDDING_SIZE, min_rating, max_rating)
outputs = model(inputs)
opt = keras.optimizers.Adam(lr=0.001)
model.compile(loss=keras.losses.BinaryCrossentropy(), optimizer=opt)

history = model.fit(
    x=x_train,
    y=y_train,
    batch_size=128,
    epochs=1,
    verbose=1,
    validation_data=(x_test, y_test),
)

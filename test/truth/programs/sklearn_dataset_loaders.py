# Models sized by scikit-learn's bundled datasets: a loader's Bunch (data, target,
# images) and return_X_y=True, split and scaled before the model sees them.
import keras
from keras import layers
from sklearn.datasets import load_breast_cancer, load_digits, load_iris
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

cancer = load_breast_cancer()
X_train, X_test, y_train, y_test = train_test_split(cancer.data, cancer.target, test_size=0.2, random_state=0)
X_train = StandardScaler().fit_transform(X_train)
classifier = keras.Sequential(
    [
        keras.Input(shape=X_train.shape[1:]),
        layers.Dense(16, activation="relu"),
        layers.Dense(X_test.shape[0] // 100, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ]
)

X, y = load_iris(return_X_y=True)
iris = keras.Sequential([keras.Input(shape=X.shape[1:]), layers.Dense(y.shape[0] // 50, activation="softmax")])

digits = load_digits()
images = digits.images.reshape(-1, 8, 8, 1)
cnn = keras.Sequential(
    [
        keras.Input(shape=images.shape[1:]),
        layers.Conv2D(8, 3, activation="relu"),
        layers.Flatten(),
        layers.Dense(digits.data.shape[1] // 8),
    ]
)

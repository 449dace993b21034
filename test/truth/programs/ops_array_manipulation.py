# keras.ops array manipulations in functional graphs: each call is a summary
# row of its own class (Split, Unstack, Roll, Where, Take, Slice, ...), and the
# ops returning several tensors give a list or a tuple of them.
import keras
from keras import ops

x = keras.Input((4, 6))
a, b = ops.split(x, 2, axis=-1)
c, d, e = ops.split(x, [1, 4], axis=2)
parts = ops.unstack(x, axis=1)
rolled = ops.roll(x, shift=[-1], axis=[1])
masked = ops.where(x > 0, x, 0.0)
taken = ops.take(x, ops.arange(3), axis=1)
along = ops.take_along_axis(x, ops.argsort(x, axis=-1), axis=-1)
sliced = ops.slice(x, (0, 1, 2), (-1, 2, 3))
padded = ops.pad(x, [[0, 0], [1, 2], [3, 4]])
repeated = ops.repeat(x, 2, axis=1)
moved = ops.moveaxis(x, 1, 2)
swapped = ops.swapaxes(x, 1, 2)
diag = ops.diagonal(x, axis1=1, axis2=2)
upper = ops.triu(ops.tril(x, 1))
flat_sorted = ops.sort(x, axis=None)
summed = ops.cumsum(x, axis=1)
flat_prod = ops.cumprod(x)
joined = ops.append(a, b, axis=2)
stacked = ops.hstack([x, x])
diffs = ops.diff(x)
flipped = ops.flip(x, axis=1)
model = keras.Model(
    x,
    [a, b, c, e, parts[0], rolled, masked, taken, along, sliced, padded, repeated, moved, swapped, diag, upper,
     flat_sorted, summed, flat_prod, joined, stacked, diffs, flipped],
)

# Comparisons and logical operators on tensors are ops too (`==` is not).
y = keras.Input((5,))
m = (y > 0) & (y <= 3.0)
n = (y != 1) | ~(y < -1)
both = ops.logical_xor(m, n)
z = ops.where(both, y, ops.zeros_like(y))
wide = ops.broadcast_to(ops.expand_dims(z, 1), (8, 3, 5))
eq = ops.equal(z, 1.0)
model2 = keras.Model(y, [wide, ops.greater_equal(z, ops.less(z, 2.0)), eq])

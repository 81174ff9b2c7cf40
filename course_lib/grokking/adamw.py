"""AdamW (Loshchilov & Hutter, 2019), written out in numpy: Adam plus *decoupled* weight decay.

One step with gradient g, learning rate lr, weight decay λ and step count t (from 1)::

    m  = β1 m + (1 - β1) g              # running mean of the gradient
    v  = β2 v + (1 - β2) g²             # running mean of its square
    m̂  = m / (1 - β1^t)                 # bias corrections: both start at 0
    v̂  = v / (1 - β2^t)
    θ  = θ - lr (m̂ / (√v̂ + ε) + λ θ)    # the decay acts on θ itself, not through g

"Decoupled" means the decay λθ is not added to the gradient (where Adam's division by √v̂
would rescale it parameter by parameter): every weight shrinks by the same factor
(1 - lr λ) each step. This is what PyTorch's ``torch.optim.AdamW`` does.
"""
from __future__ import annotations

import numpy as np

from course_lib.core.validation import check_array, check_count, check_scalar

__all__ = ["AdamW", "adamw_step"]


def _check_hyper(learning_rate, betas, eps, weight_decay):
    learning_rate = check_scalar("learning_rate", learning_rate, minimum=0, include_minimum=False)
    if not isinstance(betas, (tuple, list)) or len(betas) != 2:
        raise TypeError(f"betas must be a pair of numbers, got {betas!r}")
    beta1 = check_scalar("betas[0]", betas[0], minimum=0, maximum=1, include_maximum=False)
    beta2 = check_scalar("betas[1]", betas[1], minimum=0, maximum=1, include_maximum=False)
    eps = check_scalar("eps", eps, minimum=0, include_minimum=False)
    weight_decay = check_scalar("weight_decay", weight_decay, minimum=0)
    return learning_rate, beta1, beta2, eps, weight_decay


def adamw_step(param, grad, m, v, t: int, learning_rate: float = 1e-3, betas=(0.9, 0.98),
               eps: float = 1e-8, weight_decay: float = 1.0):
    """One AdamW step, as the formulas above: return new ``(param, m, v)`` (inputs unchanged).

    Used in notebook 03 §1 (exercise 1.1, the reference answer).

    Parameters
    ----------
    param, grad, m, v : float arrays of one shape
        Parameters, their gradient, and the two running means before this step.
    t : int
        The number of this step, counting from 1 (for the bias corrections).
    """
    t = check_count("t", t)
    learning_rate, beta1, beta2, eps, weight_decay = _check_hyper(learning_rate, betas, eps, weight_decay)
    param = check_array("param", param, dtype=float, scalar=True)
    arrays = {"grad": grad, "m": m, "v": v}
    grad, m, v = (check_array(name, value, dtype=float, scalar=True) for name, value in arrays.items())
    for name, value in (("grad", grad), ("m", m), ("v", v)):
        if value.shape != param.shape:
            raise ValueError(f"{name} must have the shape of param {param.shape}, got {value.shape}")
    if np.any(v < 0):
        raise ValueError("v must be >= 0 (a running mean of squared gradients)")
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad ** 2
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    param = param - learning_rate * (m_hat / (np.sqrt(v_hat) + eps) + weight_decay * param)
    return param, m, v


class AdamW:
    """AdamW on one flat float vector, updated in place (the same arithmetic as :func:`adamw_step`).

    Parameters
    ----------
    params : float ndarray
        The vector to optimise, changed in place by :meth:`step`.
    learning_rate : float
    betas : (float, float)
    eps : float
    weight_decay : float
        λ >= 0; 0 gives plain Adam.
    """

    def __init__(self, params: np.ndarray, learning_rate: float = 1e-3, betas=(0.9, 0.98),
                 eps: float = 1e-8, weight_decay: float = 1.0):
        if not isinstance(params, np.ndarray) or params.dtype.kind != "f":
            raise TypeError(f"params must be a float numpy array, got {type(params).__name__}")
        self.params = params
        (self.learning_rate, self.beta1, self.beta2, self.eps,
         self.weight_decay) = _check_hyper(learning_rate, betas, eps, weight_decay)
        self.m, self.v, self._scratch = (np.zeros_like(params) for _ in range(3))
        self.t = 0

    def step(self, grad: np.ndarray) -> None:
        """Move ``params`` one AdamW step against ``grad`` (same shape)."""
        if getattr(grad, "shape", None) != self.params.shape:
            raise ValueError(f"grad must be an array of shape {self.params.shape}, got {getattr(grad, 'shape', grad)!r}")
        m, v, s, beta1, beta2, lr = self.m, self.v, self._scratch, self.beta1, self.beta2, self.learning_rate
        self.t += 1
        m *= beta1
        m += np.multiply(grad, 1 - beta1, out=s)
        v *= beta2
        np.multiply(grad, grad, out=s)
        s *= 1 - beta2
        v += s
        # decoupled decay first: θ <- θ (1 - lr λ), the same as subtracting lr λ θ with the old θ
        if self.weight_decay:
            self.params *= 1 - lr * self.weight_decay
        np.divide(v, 1 - beta2 ** self.t, out=s)
        np.sqrt(s, out=s)
        s += self.eps
        np.divide(m, s, out=s)
        s *= lr / (1 - beta1 ** self.t)
        self.params -= s

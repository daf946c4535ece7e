/**
 * Optimizers, each an immutable validated config ({@link org.batchsweep.core.OptimizerConfig}) and
 * a per-run state ({@link org.batchsweep.core.Optimizer}) created inside the Spark task, in {@code
 * float} and {@code double} as PyTorch computes in float32 and float64 tensors.
 *
 * <p>The update rules are PyTorch's, operation for operation (the tests check them by hand and
 * against {@code torch.optim} output in {@code src/test/resources/torch/}):
 *
 * <pre>
 * Adam (torch.optim.Adam, β1 = 0.9, β2 = 0.999, ε = 1e-8), step t = 1, 2, ...:
 *   m = β1·m + (1−β1)·g
 *   v = β2·v + (1−β2)·g·g
 *   p = p + (−lr/(1−β1^t))·m / (sqrt(v)/sqrt(1−β2^t) + ε)
 * SGD (torch.optim.SGD, momentum μ, no dampening, no Nesterov):
 *   buf = g at t = 1, else μ·buf + g        (only when μ ≠ 0; else buf = g)
 *   p = p − lr·buf
 * </pre>
 *
 * The bias corrections {@code 1−β^t} are computed in double precision from the Python-float betas,
 * as PyTorch does; everything else in the parameters' precision.
 */
package org.batchsweep.optim;

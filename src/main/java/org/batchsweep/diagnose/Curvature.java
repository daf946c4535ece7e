package org.batchsweep.diagnose;

import java.io.Serializable;
import org.batchsweep.core.Points;
import org.batchsweep.core.SymmetricEigenvalues;

/**
 * The curvature of a squared loss in (slope, intercept): its Hessian is 2·[[E x², E x], [E x, 1]]
 * (with d features 2·E[(x,1)(x,1)ᵀ]) (for {@code mse} and {@code mse-broadcast} alike, and for any
 * batch in expectation). Its eigenvalues set how fast gradient descent can go: plain SGD is stable
 * for lr &lt; 2/λ_max (2(1+μ)/λ_max with momentum μ) and shrinks the error along the flattest
 * direction by about lr·λ_min/(1−μ) per step.
 */
public record Curvature(double lambdaMin, double lambdaMax) implements Serializable {

  /** Condition numbers from which gradient descent is called ill-conditioned. */
  public static final double ILL_CONDITIONED = 100;

  public static Curvature of(Points train) {
    if (train.features() == 1) {
      return of(train.meanX(), train.varX());
    }
    return ofHessian(hessian(train));
  }

  /** From the loss's Hessian (any size): its smallest and largest eigenvalues. */
  public static Curvature ofHessian(double[][] hessian) {
    double[] eigen = SymmetricEigenvalues.of(hessian);
    return new Curvature(eigen[0], eigen[eigen.length - 1]);
  }

  /**
   * The Hessian of the squared loss in (w_1..w_d, b) with d features: 2·E[(x,1)(x,1)ᵀ], from the
   * data's means and covariances.
   */
  static double[][] hessian(Points train) {
    int d = train.features();
    double[][] h = new double[d + 1][d + 1];
    for (int j = 0; j < d; j++) {
      for (int k = 0; k < d; k++) {
        h[j][k] = 2 * (train.cov(j, k) + train.meanX(j) * train.meanX(k));
      }
      h[j][d] = 2 * train.meanX(j);
      h[d][j] = h[j][d];
    }
    h[d][d] = 2;
    return h;
  }

  /** λ_max/λ_min: how much slower the flattest direction converges than the steepest allows. */
  public double conditionNumber() {
    return lambdaMax / lambdaMin;
  }

  /** From the training x's mean and population variance (as Spark's avg and var_pop give them). */
  public static Curvature of(double meanX, double varX) {
    double ex = meanX;
    double exx = varX + ex * ex;
    double half = (exx + 1) / 2;
    double radius = Math.sqrt((exx - 1) * (exx - 1) / 4 + ex * ex);
    return new Curvature(2 * (half - radius), 2 * (half + radius));
  }

  /** The largest stable SGD learning rate. */
  public double stabilityLimit(double momentum) {
    return 2 * (1 + momentum) / lambdaMax;
  }

  /** Fraction of the remaining error removed per SGD step along the flattest direction. */
  public double sgdRate(double lr, double momentum) {
    return Math.min(1.0, lr * lambdaMin / (1 - momentum));
  }
}

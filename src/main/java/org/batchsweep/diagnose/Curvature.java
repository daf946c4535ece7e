package org.batchsweep.diagnose;

import java.io.Serializable;
import org.batchsweep.core.Points;

/**
 * The curvature of a squared loss in (slope, intercept): its Hessian is 2·[[E x², E x], [E x, 1]]
 * (for {@code mse} and {@code mse-broadcast} alike, and for any batch in expectation). Its
 * eigenvalues set how fast gradient descent can go: plain SGD is stable for lr &lt; 2/λ_max
 * (2(1+μ)/λ_max with momentum μ) and shrinks the error along the flattest direction by about
 * lr·λ_min/(1−μ) per step.
 */
public record Curvature(double lambdaMin, double lambdaMax) implements Serializable {

  public static Curvature of(Points train) {
    return of(train.meanX(), train.varX());
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

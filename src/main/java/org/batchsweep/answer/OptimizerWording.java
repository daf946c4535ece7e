package org.batchsweep.answer;

import java.util.Locale;
import java.util.Map;
import org.batchsweep.diagnose.Curvature;

/**
 * How an optimizer's failures read, in one place keyed by the optimizer's name: an adaptive
 * optimizer (Adam-like) moves each parameter by about lr per step whatever the gradient; SGD
 * contracts the error by 1 − lr·λ per step and is stable only below 2(1+μ)/λ_max. A new optimizer
 * is one entry in {@link #BY_NAME}.
 */
abstract sealed class OptimizerWording permits OptimizerWording.Adaptive, OptimizerWording.Sgd {

  private static final Map<String, OptimizerWording> BY_NAME =
      Map.of(
          "adam", new Adaptive("Adam"),
          "adamw", new Adaptive("AdamW"),
          "rmsprop", new Adaptive("RMSprop"),
          "adagrad", new Adaptive("Adagrad"),
          "sgd", new Sgd());

  static OptimizerWording of(String optimizer) {
    OptimizerWording wording = BY_NAME.get(optimizer);
    return wording != null ? wording : new Adaptive(optimizer);
  }

  /** Why {@code steps} steps were not enough, with the numbers. */
  abstract String pace(double lr, double momentum, double steps, Curvature c);

  /** Why the runs blew up or moved away. */
  abstract String tooLarge(double lr, double momentum, Curvature c);

  /** Why the runs stopped approaching without settling. */
  abstract String oscillates(double lr, double momentum, Curvature c);

  static final class Adaptive extends OptimizerWording {
    private final String name;

    Adaptive(String name) {
      this.name = name;
    }

    @Override
    String pace(double lr, double momentum, double steps, Curvature c) {
      return f(
          "%s moves each parameter by about lr = %s per step whatever the gradient, so %.0f steps"
              + " travel at most ≈ %.3g",
          name, Setting.readable(lr), steps, steps * lr);
    }

    @Override
    String tooLarge(double lr, double momentum, Curvature c) {
      return f(
          "%s at lr %s takes steps of about lr whatever the gradient, too large for this data"
              + " (curvature λ_max = %.3g)",
          name, Setting.readable(lr), c.lambdaMax());
    }

    @Override
    String oscillates(double lr, double momentum, Curvature c) {
      return f(
          "%s at lr %s keeps taking steps of about lr near the minimiser, so it overshoots and circles"
              + " (a limit cycle) instead of settling; more steps do not help",
          name, Setting.readable(lr));
    }
  }

  static final class Sgd extends OptimizerWording {
    @Override
    String pace(double lr, double momentum, double steps, Curvature c) {
      double limit = c.stabilityLimit(momentum);
      if (lr >= limit) {
        return tooLarge(lr, momentum, c);
      }
      return f(
          "SGD at lr %s%s shrinks the error along the flattest direction by a factor 1 − lr·λ_min%s ="
              + " %.5f per step (λ_min = %.3g), too slowly for %.0f steps",
          Setting.readable(lr),
          momentumText(momentum),
          momentum > 0 ? "/(1−μ)" : "",
          1 - c.sgdRate(lr, momentum),
          c.lambdaMin(),
          steps);
    }

    @Override
    String tooLarge(double lr, double momentum, Curvature c) {
      double limit = c.stabilityLimit(momentum);
      return lr > limit
          ? f(
              "lr %s is above SGD's stability limit 2(1+μ)/λ_max = %.3g (μ = %s, λ_max = %.3g): every step"
                  + " overshoots further",
              Setting.readable(lr), limit, Setting.readable(momentum), c.lambdaMax())
          : f(
              "lr %s is below SGD's full-batch stability limit %.3g, but small batches' curvature varies"
                  + " and their steps overshoot",
              Setting.readable(lr), limit);
    }

    @Override
    String oscillates(double lr, double momentum, Curvature c) {
      return f(
          "lr %s is at or above SGD's stability limit 2(1+μ)/λ_max = %.3g, so it bounces across the"
              + " valley instead of settling",
          Setting.readable(lr), c.stabilityLimit(momentum));
    }

    private static String momentumText(double momentum) {
      return momentum > 0 ? ", momentum " + Setting.readable(momentum) + "," : "";
    }
  }

  static String f(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}

package org.batchsweep.core;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A learning-rate schedule as PyTorch's {@code torch.optim.lr_scheduler} has it. Immutable and
 * validated; a run's position in it lives in the {@link LrSchedule} that {@link LrSchedule#of}
 * creates.
 *
 * <ul>
 *   <li>{@link Constant}: no scheduler.
 *   <li>{@link Step} {@code step(E, γ)}: StepLR(step_size = E, gamma = γ).
 *   <li>{@link Cosine} {@code cosine} / {@code cosine(min_lr)}: CosineAnnealingLR(T_max = epochs,
 *       eta_min = min_lr).
 *   <li>{@link Warmup} {@code warmup(E, f)}: LinearLR(start_factor = f, end_factor = 1, total_iters
 *       = E).
 *   <li>{@link OneCycle} {@code onecycle(max_lr)}: OneCycleLR(max_lr, total_steps =
 *       epochs·ceil(n/B)) with PyTorch's defaults, stepped after every batch; it replaces the
 *       optimizer's lr.
 * </ul>
 *
 * The first four are stepped once per epoch, after its last batch.
 */
public sealed interface Schedule extends Serializable
    permits Schedule.Constant, Schedule.Step, Schedule.Cosine, Schedule.Warmup, Schedule.OneCycle {

  /** What the spec accepts, for error messages. */
  String ACCEPTED =
      "constant, step(E, gamma), cosine, cosine(min_lr), warmup(E, factor), onecycle(max_lr)";

  /** The spec and table spelling, e.g. {@code step(5, 0.5)}; parsing it gives this schedule. */
  String label();

  /** Whether the schedule is stepped after every batch (OneCycleLR) rather than every epoch. */
  default boolean perBatch() {
    return false;
  }

  Constant CONSTANT = new Constant();

  record Constant() implements Schedule {
    @Override
    public String label() {
      return "constant";
    }
  }

  /** StepLR: lr times γ every {@code epochs} epochs. */
  record Step(int epochs, double gamma) implements Schedule {
    public Step {
      if (epochs < 1) {
        throw new IllegalArgumentException(
            "step(E, gamma): E must be an integer ≥ 1, cannot be: " + epochs);
      }
      if (!(gamma > 0 && gamma <= 1)) {
        throw new IllegalArgumentException(
            "step(E, gamma): gamma must be in (0, 1], cannot be: " + number(gamma));
      }
    }

    @Override
    public String label() {
      return "step(" + epochs + ", " + number(gamma) + ")";
    }
  }

  /** CosineAnnealingLR from lr down to {@code minLr} over the run's epochs. */
  record Cosine(double minLr) implements Schedule {
    public Cosine {
      if (!(minLr >= 0) || Double.isInfinite(minLr)) {
        throw new IllegalArgumentException(
            "cosine(min_lr): min_lr must be a finite number ≥ 0, cannot be: " + number(minLr));
      }
    }

    @Override
    public String label() {
      return minLr == 0 ? "cosine" : "cosine(" + number(minLr) + ")";
    }
  }

  /** LinearLR from {@code factor}·lr up to lr over the first {@code epochs} epochs. */
  record Warmup(int epochs, double factor) implements Schedule {
    public Warmup {
      if (epochs < 1) {
        throw new IllegalArgumentException(
            "warmup(E, factor): E must be an integer ≥ 1, cannot be: " + epochs);
      }
      if (!(factor > 0 && factor <= 1)) {
        throw new IllegalArgumentException(
            "warmup(E, factor): factor must be in (0, 1], cannot be: " + number(factor));
      }
    }

    @Override
    public String label() {
      return "warmup(" + epochs + ", " + number(factor) + ")";
    }
  }

  /**
   * OneCycleLR(max_lr) with PyTorch's defaults: pct_start 0.3, cosine annealing, div_factor 25,
   * final_div_factor 1e4, and momentum (or Adam's β1) cycled between 0.95 and 0.85.
   */
  record OneCycle(double maxLr) implements Schedule {
    public static final double PCT_START = 0.3;
    public static final double DIV_FACTOR = 25.0;
    public static final double FINAL_DIV_FACTOR = 1e4;
    public static final double BASE_MOMENTUM = 0.85;
    public static final double MAX_MOMENTUM = 0.95;

    public OneCycle {
      if (!(maxLr > 0) || Double.isInfinite(maxLr)) {
        throw new IllegalArgumentException(
            "onecycle(max_lr): max_lr must be a finite number > 0, cannot be: " + number(maxLr));
      }
    }

    @Override
    public String label() {
      return "onecycle(" + number(maxLr) + ")";
    }

    @Override
    public boolean perBatch() {
      return true;
    }
  }

  Pattern CALL = Pattern.compile("\\s*([a-z]+)\\s*(?:\\(([^()]*)\\))?\\s*");

  /**
   * Parses a spec value such as {@code cosine}, {@code step(5, 0.5)} or {@code onecycle(0.1)}.
   *
   * @throws IllegalArgumentException naming what is wrong and what is accepted
   */
  static Schedule parse(String text) {
    Matcher m = CALL.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a schedule; accepted: " + ACCEPTED);
    }
    String name = m.group(1);
    double[] args = arguments(text, m.group(2));
    return switch (name) {
      case "constant" -> {
        arity(text, args, 0, 0);
        yield CONSTANT;
      }
      case "step" -> {
        arity(text, args, 2, 2);
        yield new Step(integer(text, args[0]), args[1]);
      }
      case "cosine" -> {
        arity(text, args, 0, 1);
        yield new Cosine(args.length == 0 ? 0.0 : args[0]);
      }
      case "warmup" -> {
        arity(text, args, 2, 2);
        yield new Warmup(integer(text, args[0]), args[1]);
      }
      case "onecycle" -> {
        arity(text, args, 1, 1);
        yield new OneCycle(args[0]);
      }
      default ->
          throw new IllegalArgumentException(
              "'" + text + "' is not a schedule; accepted: " + ACCEPTED);
    };
  }

  private static double[] arguments(String text, String list) {
    if (list == null || list.isBlank()) {
      return new double[0];
    }
    String[] parts = list.split(",", -1);
    double[] values = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        values[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "'" + text + "': '" + parts[i].trim() + "' is not a number; accepted: " + ACCEPTED);
      }
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            "'" + text + "': arguments must be finite numbers; accepted: " + ACCEPTED);
      }
    }
    return values;
  }

  private static void arity(String text, double[] args, int min, int max) {
    if (args.length < min || args.length > max) {
      throw new IllegalArgumentException(
          "'" + text + "' has " + args.length + " argument(s); accepted: " + ACCEPTED);
    }
  }

  private static int integer(String text, double value) {
    if (value != Math.rint(value) || value < 1 || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "'" + text + "': E must be an integer ≥ 1 (epochs), cannot be: " + number(value));
    }
    return (int) value;
  }

  /** A number as the labels spell it: integers without a fraction, others as Java prints them. */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) value);
    }
    return Double.toString(value);
  }
}

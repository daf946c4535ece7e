package org.batchsweep.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run's position in its {@link Schedule}: before each optimizer step {@code t} (counted from 1)
 * the optimizer calls {@link #at(long)} and then reads {@link #lr()} and, under OneCycleLR, {@link
 * #momentum()}.
 *
 * <p>The per-epoch schedules follow PyTorch's own recursive {@code get_lr} in double precision
 * (each epoch's lr computed from the previous one, which differs from the closed forms in the last
 * bits), stepped after each epoch's last batch; their lr per epoch is a table computed once per JVM
 * for each schedule, base lr and epoch count and shared by every run that uses it. OneCycleLR is
 * computed per step in closed form, as PyTorch computes it.
 */
public abstract sealed class LrSchedule permits LrSchedule.PerEpoch, LrSchedule.OneCycleSteps {

  double lr;
  double momentum = Double.NaN;

  /** Moves to optimizer step {@code step} (from 1). */
  public abstract void at(long step);

  /** The learning rate of the current step. */
  public final double lr() {
    return lr;
  }

  /** OneCycleLR's momentum (or β1) for the current step; NaN for schedules that cycle none. */
  public final double momentum() {
    return momentum;
  }

  /** Whether this schedule overrides the optimizer's momentum or β1. */
  public boolean cyclesMomentum() {
    return false;
  }

  /**
   * A fresh schedule state.
   *
   * @param lr the run's (effective) learning rate; for OneCycleLR, its (effective) max_lr
   */
  public static LrSchedule of(Schedule schedule, double lr, int epochs, int stepsPerEpoch) {
    if (schedule instanceof Schedule.OneCycle) {
      return new OneCycleSteps(lr, (long) epochs * stepsPerEpoch);
    }
    return new PerEpoch(EpochTables.of(schedule, lr, epochs), stepsPerEpoch);
  }

  /** A constant learning rate (no scheduler). */
  public static LrSchedule constant(double lr) {
    return new PerEpoch(new double[] {lr}, 1);
  }

  /** Step, cosine, warmup and constant: the lr of the step's epoch. */
  static final class PerEpoch extends LrSchedule {
    private final double[] lrByEpoch;
    private final int stepsPerEpoch;

    PerEpoch(double[] lrByEpoch, int stepsPerEpoch) {
      this.lrByEpoch = lrByEpoch;
      this.stepsPerEpoch = stepsPerEpoch;
      this.lr = lrByEpoch[0];
    }

    @Override
    public void at(long step) {
      long epoch = (step - 1) / stepsPerEpoch;
      lr = lrByEpoch[(int) Math.min(epoch, lrByEpoch.length - 1)];
    }
  }

  /**
   * OneCycleLR, two phases ({@code three_phase=False}), cosine annealing; step {@code t} uses the
   * scheduler's {@code last_epoch = t − 1}.
   */
  static final class OneCycleSteps extends LrSchedule {
    private final double initialLr;
    private final double maxLr;
    private final double minLr;
    private final double warmupEnd;
    private final double end;

    OneCycleSteps(double maxLr, long totalSteps) {
      this.maxLr = maxLr;
      this.initialLr = maxLr / Schedule.OneCycle.DIV_FACTOR;
      this.minLr = initialLr / Schedule.OneCycle.FINAL_DIV_FACTOR;
      this.warmupEnd = Schedule.OneCycle.PCT_START * totalSteps - 1;
      this.end = totalSteps - 1;
      at(1);
    }

    @Override
    public void at(long step) {
      double stepNum = step - 1;
      // lr and momentum anneal with the same pct, so one cosine serves both.
      if (stepNum <= warmupEnd) {
        double cosOut = cosOut(stepNum / warmupEnd);
        lr = anneal(initialLr, maxLr, cosOut);
        momentum = anneal(Schedule.OneCycle.MAX_MOMENTUM, Schedule.OneCycle.BASE_MOMENTUM, cosOut);
      } else {
        double cosOut = cosOut((stepNum - warmupEnd) / (end - warmupEnd));
        lr = anneal(maxLr, minLr, cosOut);
        momentum = anneal(Schedule.OneCycle.BASE_MOMENTUM, Schedule.OneCycle.MAX_MOMENTUM, cosOut);
      }
    }

    /** {@code math.cos(math.pi * pct) + 1}, the first line of PyTorch's {@code _annealing_cos}. */
    private static double cosOut(double pct) {
      return StrictMath.cos(Math.PI * pct) + 1;
    }

    /** {@code end + (start - end) / 2.0 * cos_out}, the second. */
    private static double anneal(double start, double end, double cosOut) {
      return end + (start - end) / 2.0 * cosOut;
    }

    @Override
    public boolean cyclesMomentum() {
      return true;
    }
  }

  /** The per-epoch lr tables, shared by every run with the same schedule, lr and epochs. */
  static final class EpochTables {
    private record Key(Schedule schedule, double lr, int epochs) {}

    private static final Map<Key, double[]> CACHE = new ConcurrentHashMap<>();

    static double[] of(Schedule schedule, double lr, int epochs) {
      return CACHE.computeIfAbsent(
          new Key(schedule, lr, epochs), k -> table(k.schedule, k.lr, k.epochs));
    }

    /** {@code table[e]}: the lr during epoch e + 1, after e scheduler steps. */
    static double[] table(Schedule schedule, double baseLr, int epochs) {
      double[] lrs = new double[epochs];
      lrs[0] = schedule instanceof Schedule.Warmup w ? baseLr * w.factor() : baseLr;
      for (int e = 1; e < epochs; e++) {
        lrs[e] = next(schedule, baseLr, epochs, lrs[e - 1], e);
      }
      return lrs;
    }

    /** PyTorch's recursive {@code get_lr} at {@code last_epoch = e} from the current lr. */
    private static double next(Schedule schedule, double baseLr, int epochs, double lr, int e) {
      if (schedule instanceof Schedule.Step s) {
        return e % s.epochs() != 0 ? lr : lr * s.gamma();
      }
      if (schedule instanceof Schedule.Cosine c) {
        int tMax = epochs;
        double etaMin = c.minLr();
        if (Math.floorMod(e - 1 - tMax, 2 * tMax) == 0) {
          return lr + (baseLr - etaMin) * (1 - StrictMath.cos(Math.PI / tMax)) / 2;
        }
        return (1 + StrictMath.cos(Math.PI * e / tMax))
                / (1 + StrictMath.cos(Math.PI * (e - 1) / tMax))
                * (lr - etaMin)
            + etaMin;
      }
      if (schedule instanceof Schedule.Warmup w) {
        if (e > w.epochs()) {
          return lr;
        }
        double start = w.factor();
        double endFactor = 1.0;
        return lr
            * (1.0 + (endFactor - start) / (w.epochs() * start + (e - 1) * (endFactor - start)));
      }
      if (schedule instanceof Schedule.OneCycle) {
        throw new IllegalArgumentException("onecycle is stepped per batch, not per epoch");
      }
      return lr; // constant
    }
  }
}

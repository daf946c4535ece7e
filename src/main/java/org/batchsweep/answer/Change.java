package org.batchsweep.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchsweep.optim.AdamConfig;
import org.batchsweep.optim.OptimizerConfig;
import org.batchsweep.optim.SgdConfig;
import org.batchsweep.train.Loss;
import org.batchsweep.train.RunConfig;

/**
 * One change a fix makes to a failed run's configuration, named by the spec key it sets. A new fix
 * kind (a decaying schedule, feature scaling) is a new record here and a line in {@link FixRule}.
 */
sealed interface Change permits Change.UseLoss, Change.Epochs, Change.LearningRate {

  /** The spec key this change sets: {@code loss}, {@code epochs}, {@code lr}. */
  String key();

  /** The value as the fixes table and the JSON answer write it. */
  Object value();

  /** The run with this change applied (its id is left for the caller to set). */
  RunConfig apply(RunConfig run);

  /** Use another loss (the broadcasting one's minimiser is not the line). */
  record UseLoss(Loss loss) implements Change {
    public String key() {
      return "loss";
    }

    public Object value() {
      return loss.label();
    }

    public RunConfig apply(RunConfig r) {
      return new RunConfig(r.runId(), r.optimizer(), loss, r.batchSize(), r.shuffle(), r.epochs(), r.seed(),
          r.precision(), r.init());
    }
  }

  /** Train for more epochs. */
  record Epochs(int epochs) implements Change {
    public String key() {
      return "epochs";
    }

    public Object value() {
      return epochs;
    }

    public RunConfig apply(RunConfig r) {
      return new RunConfig(r.runId(), r.optimizer(), r.loss(), r.batchSize(), r.shuffle(), epochs, r.seed(),
          r.precision(), r.init());
    }
  }

  /** Use another (smaller) learning rate, every other hyperparameter kept. */
  record LearningRate(double lr) implements Change {
    public String key() {
      return "lr";
    }

    public Object value() {
      return lr;
    }

    public RunConfig apply(RunConfig r) {
      return new RunConfig(r.runId(), withLr(r.optimizer(), lr), r.loss(), r.batchSize(), r.shuffle(), r.epochs(),
          r.seed(), r.precision(), r.init());
    }

    private static OptimizerConfig withLr(OptimizerConfig optimizer, double lr) {
      // Java 17: no pattern switch; every OptimizerConfig must be handled here.
      if (optimizer instanceof AdamConfig a) {
        return new AdamConfig(lr, a.beta1(), a.beta2(), a.epsilon());
      }
      if (optimizer instanceof SgdConfig s) {
        return new SgdConfig(lr, s.momentum());
      }
      throw new IllegalStateException("no lr change for optimizer " + optimizer.name());
    }
  }

  /** The changes as the fixes table's {@code change} column writes them: {@code key=value, ...}. */
  static String text(Map<String, Change> changes) {
    List<String> parts = new ArrayList<>();
    changes.values().forEach(c -> parts.add(c.key() + "=" + Setting.value(c.value())));
    return String.join(", ", parts);
  }

  /** Parses a {@link #text} back into key → value (numbers as numbers), for the JSON answer. */
  static LinkedHashMap<String, Object> parse(String text) {
    LinkedHashMap<String, Object> values = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return values;
    }
    for (String part : text.split(", ")) {
      int eq = part.indexOf('=');
      String key = part.substring(0, eq);
      String value = part.substring(eq + 1);
      Object parsed;
      if (value.matches("-?\\d{1,18}")) {
        parsed = Long.parseLong(value);
      } else if (value.matches("-?[0-9.]+(E-?\\d+)?")) {
        parsed = Double.parseDouble(value);
      } else if (value.equals("true") || value.equals("false")) {
        parsed = Boolean.parseBoolean(value);
      } else {
        parsed = value;
      }
      values.put(key, parsed);
    }
    return values;
  }
}

package org.batchsweep.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchsweep.core.Loss;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.Scale;

/**
 * One change a fix makes to a failed run's configuration, named by the spec key it sets. A new fix
 * kind (a decaying schedule, feature scaling) is a new record here and a line in {@link FixRule}.
 */
sealed interface Change
    permits Change.UseLoss, Change.Epochs, Change.LearningRate, Change.Standardize {

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
      return r.withLoss(loss);
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
      return r.withEpochs(epochs);
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
      // The lr as given: the run's lr scaling, if any, still applies to it.
      return r.withOptimizer(r.optimizer().withLr(lr));
    }
  }

  /** Train on standardized features (ill-conditioning: raw feature scales that differ). */
  record Standardize() implements Change {
    public String key() {
      return "scale";
    }

    public Object value() {
      return Scale.STANDARDIZE.label();
    }

    public RunConfig apply(RunConfig r) {
      return r.withScale(Scale.STANDARDIZE);
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
    for (String part : text.split(", ", -1)) {
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

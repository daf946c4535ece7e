package org.batchsweep.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.batchsweep.core.Points;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.TrainingSet;
import org.batchsweep.data.DataLoader;
import org.batchsweep.data.SweepData;
import org.batchsweep.spec.Grid;
import org.batchsweep.spec.SpecLoader;
import org.batchsweep.spec.SweepSpec;
import org.batchsweep.train.Target;

/**
 * The seed grid, built exactly as {@code ./submit run seed} builds it: the bundled {@code
 * conf/sweeps/seed.yaml} (n = 1000 points on y = −4x, Adam lr 0.01, 100 epochs, batch sizes
 * linspace(10, 1000, 100), shuffle false/true) narrowed to one seed and one loss: 200 runs.
 */
final class SeedGrid {

  final SweepData data;
  final TrainingSet trainingSet;
  final List<RunConfig> runs;

  /**
   * The least-squares line with the seed spec's tolerances, as the job passes it to the trainer.
   */
  final Target target;

  SeedGrid(List<String> overrides) {
    SweepSpec spec = SpecLoader.loadText(bundled("seed.yaml"), "conf/sweeps/seed.yaml", overrides);
    data = DataLoader.load(spec.data(), null);
    trainingSet = data.trainingSet();
    runs = Grid.expand(spec, data.fingerprint());
    Points train = trainingSet.train();
    double slope = train.covXY() / train.varX();
    target =
        new Target(
            slope,
            train.meanY() - slope * train.meanX(),
            spec.converged().slopeTol(),
            spec.converged().interceptTol());
  }

  static SeedGrid of(String loss, String precision) {
    return new SeedGrid(
        List.of(
            "grid.seed=[0]",
            "grid.loss=[" + loss + "]",
            "train.precision=" + precision,
            "train.record_epochs=false"));
  }

  long totalSteps() {
    int n = trainingSet.train().size();
    long steps = 0;
    for (RunConfig run : runs) {
      steps += run.plannedSteps(n);
    }
    return steps;
  }

  static String bundled(String name) {
    try (InputStream in = SeedGrid.class.getResourceAsStream("/sweeps/" + name)) {
      if (in == null) {
        throw new IllegalStateException("spec /sweeps/" + name + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

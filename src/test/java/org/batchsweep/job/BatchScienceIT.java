package org.batchsweep.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.batchsweep.core.Points;
import org.batchsweep.data.DataLoader;
import org.batchsweep.diagnose.NoiseMoments;
import org.batchsweep.diagnose.NoiseScale;
import org.batchsweep.spec.SpecLoader;
import org.batchsweep.spec.SweepSpec;
import org.batchsweep.store.BatchScalingRow;
import org.batchsweep.store.NoiseScaleRow;
import org.batchsweep.store.Table;
import org.batchsweep.store.TableStore;
import org.batchsweep.testing.SparkTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small critical-batch sweep writes steps_to_target, noise_scale and batch_scaling. */
class BatchScienceIT {

  @TempDir Path out;

  @Test
  void aSweepWritesTheNoiseScaleAndTheFitPerSetting() {
    SweepSpec spec =
        SpecLoader.loadText(
            "",
            "test",
            List.of(
                "name=crit",
                "data.n=300",
                "train.epochs=60",
                "grid.batch_size=[1, 3, 10, 30, 100, 300]",
                "grid.shuffle=[true]",
                "grid.loss=[mse]",
                "grid.optimizer=[sgd, adam]",
                "grid.lr=[0.03, 0.1, 0.3, 0.6]",
                "grid.seed=[0, 1, 2]"));
    SweepPlan plan = SweepPlan.of("crit-1", spec, DataLoader.load(spec.data(), null));
    SparkSession spark = SparkTests.start("local[2]");
    try {
      TableStore store = new TableStore(spark, out.toUri().toString());
      SweepResult result = new SweepJob(spark, store, System.err).run(plan);

      List<Row> runs = store.read(Table.RUNS, "crit-1").collectAsList();
      assertThat(runs).hasSize(6 * 2 * 4 * 3);
      int converged = 0;
      for (Row run : runs) {
        boolean ok = run.getAs("converged");
        assertThat(run.isNullAt(run.fieldIndex("steps_to_target")))
            .as("null exactly when not converged")
            .isEqualTo(!ok);
        if (ok) {
          converged++;
          assertThat(run.<Long>getAs("steps_to_target")).isBetween(0L, run.<Long>getAs("steps"));
        }
      }
      assertThat(converged).isGreaterThan(runs.size() / 4);

      // noise_scale: the same sums over the training points, computed here without Spark.
      Row reference = store.read(Table.REFERENCE, "crit-1").first();
      Points train = plan.data().train();
      NoiseMoments sums = NoiseMoments.empty(1);
      for (int i = 0; i < train.size(); i++) {
        sums.add(train.x()[i], train.y()[i]);
      }
      Map<String, Row> noise = new HashMap<>();
      store
          .read(Table.NOISE_SCALE, "crit-1")
          .collectAsList()
          .forEach(r -> noise.put(r.getAs("point"), r));
      assertThat(noise.keySet()).containsExactlyInAnyOrder("zero", "halfway");
      NoiseScale halfway =
          sums.at(
              new double[] {
                reference.<Double>getAs("slope") / 2, reference.<Double>getAs("intercept") / 2
              });
      assertThat(noise.get("halfway").<Double>getAs("b_noise"))
          .isCloseTo(halfway.bNoise(), within(1e-9 * halfway.bNoise()));
      assertThat(noise.get("zero").<Double>getAs("b_simple"))
          .isCloseTo(sums.at(new double[] {0, 0}).bSimple(), within(1e-9));
      assertThat(noise.get("zero").<Long>getAs("n")).isEqualTo(300L);

      // batch_scaling: one row per optimizer, each point the best lr's median over the seeds.
      List<Row> scaling =
          store.read(Table.BATCH_SCALING, "crit-1").orderBy("setting").collectAsList();
      assertThat(scaling)
          .extracting(r -> r.<String>getAs("setting"))
          .containsExactly("optimizer=adam", "optimizer=sgd");
      Row sgd = scaling.get(1);
      List<Integer> sizes = sgd.getList(sgd.fieldIndex("batch_sizes_used"));
      List<Double> medians = sgd.getList(sgd.fieldIndex("median_steps"));
      assertThat(sizes.size()).isGreaterThanOrEqualTo(3);
      for (int i = 0; i < sizes.size(); i++) {
        assertThat(medians.get(i)).isEqualTo(bestMedian(runs, "sgd", sizes.get(i)));
      }
      assertThat(sgd.<Double>getAs("b_crit")).isPositive();
      assertThat(sgd.<Double>getAs("s_min") * sgd.<Double>getAs("b_crit"))
          .isCloseTo(sgd.<Double>getAs("e_min"), within(1e-6 * sgd.<Double>getAs("e_min")));
      assertThat(sgd.<Double>getAs("b_noise_predicted"))
          .isCloseTo(NoiseScale.withoutReplacement(halfway.bNoise(), 300), within(1e-9));
      assertThat(sgd.<Integer>getAs("batch_sizes_tried")).isEqualTo(6);
      assertThat(sgd.<Integer>getAs("lrs_tried")).isEqualTo(4);

      // What the job hands on (to the answer and the report) is what it wrote, in the same order.
      assertThat(result.science().scaling())
          .isEqualTo(scaling.stream().map(BatchScalingRow::from).toList());
      assertThat(result.science().noise())
          .containsExactlyInAnyOrderElementsOf(
              noise.values().stream().map(NoiseScaleRow::from).toList());
    } finally {
      SparkTests.stop(spark);
    }
  }

  /**
   * The fewest median steps to target over the lrs, a never-converged seed counting as infinite.
   */
  private static double bestMedian(List<Row> runs, String optimizer, int batchSize) {
    Map<Double, List<Double>> byLr = new HashMap<>();
    for (Row r : runs) {
      if (r.getAs("optimizer").equals(optimizer) && r.<Integer>getAs("batch_size") == batchSize) {
        double steps =
            r.isNullAt(r.fieldIndex("steps_to_target"))
                ? Double.POSITIVE_INFINITY
                : r.<Long>getAs("steps_to_target");
        byLr.computeIfAbsent(r.getAs("lr"), k -> new ArrayList<>()).add(steps);
      }
    }
    double best = Double.POSITIVE_INFINITY;
    for (List<Double> seeds : byLr.values()) {
      Collections.sort(seeds);
      best = Math.min(best, seeds.get(seeds.size() / 2));
    }
    return best;
  }
}

package org.batchsweep.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.batchsweep.data.DataLoader;
import org.batchsweep.spec.SpecLoader;
import org.batchsweep.spec.SweepSpec;
import org.batchsweep.store.RunAxes;
import org.batchsweep.store.RunRow;
import org.batchsweep.store.SweepRow;
import org.batchsweep.store.Table;
import org.batchsweep.store.TableStore;
import org.batchsweep.testing.SharedSparkSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The axes a sweep's plan says it varies are the ones its written runs table varies: the job names
 * them from the plan, without reading the runs back, so every axis value it compares must be the
 * one {@link RunRows} writes.
 */
class SweepPlanAxesIT extends SharedSparkSession {

  @TempDir Path out;

  @ParameterizedTest
  @ValueSource(
      strings = {
        // every axis of the grid varies (precision is no axis)
        "grid.batch_size=[10, 50];grid.seed=[0, 1];grid.shuffle=[false, true]"
            + ";grid.loss=[mse, mse-broadcast];grid.optimizer=[sgd, adamw];grid.lr=[0.1, 0.01]"
            + ";grid.momentum=[0.5, 0.9];grid.nesterov=[false, true];grid.weight_decay=[0.0, 0.1]"
            + ";grid.schedule=[constant, cosine];grid.lr_scaling=[none, sqrt]"
            + ";grid.scale=[none, standardize];grid.epochs=[2, 3];train.precision=float64",
        // a few vary; adamw's default weight decay differs from sgd's, so weight_decay varies
        "grid.batch_size=[10];grid.optimizer=[adam, sgd];grid.momentum=[0.0, 0.9]"
            + ";grid.lr=[0.05];grid.shuffle=[true];grid.loss=[mse];train.epochs=2",
        // nothing varies but the seed
        "grid.batch_size=[25];grid.shuffle=[true];grid.loss=[mse];grid.seed=[3, 4];train.epochs=2"
      })
  void thePlannedAxesAreTheWrittenOnes(String overrides) {
    List<String> keys = new java.util.ArrayList<>(List.of("name=axes", "data.n=100"));
    keys.addAll(List.of(overrides.split(";")));
    keys.add("fixes.enabled=false");
    SweepSpec spec = SpecLoader.loadText("", "test", keys);
    SweepPlan plan = SweepPlan.of("axes", spec, DataLoader.load(spec.data(), null));
    TableStore store = new TableStore(spark, out.toUri().toString());

    SweepResult result = new SweepJob(spark, store, System.err).run(plan);

    RunAxes written = RunAxes.of(store.read(Table.RUNS, "axes"));
    assertThat(plan.axes()).isEqualTo(written);
    assertThat(result.axes()).isEqualTo(written);
    assertThat(written.columns()).isEqualTo(RunRow.AXES);
    // explain and report take them from the sweeps row.
    SweepRow stored = SweepRow.from(store.read(Table.SWEEPS, "axes").first());
    assertThat(stored.varyingAxes()).isEqualTo(written.varying());
    assertThat(RunAxes.of(store.read(Table.RUNS, "axes"), stored)).isEqualTo(written);
    SweepRow before =
        new SweepRow(
            stored.sweepId(),
            stored.name(),
            stored.spec(),
            stored.createdAt(),
            stored.master(),
            stored.sparkVersion(),
            stored.runs(),
            stored.wallSeconds(),
            stored.status(),
            null);
    assertThat(RunAxes.of(store.read(Table.RUNS, "axes"), before))
        .as("a row written before the axes were stored: found in the runs")
        .isEqualTo(written);
  }
}

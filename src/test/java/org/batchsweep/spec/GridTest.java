package org.batchsweep.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.Scale;
import org.junit.jupiter.api.Test;

class GridTest {

  private static SweepSpec spec(String... overrides) {
    return SpecLoader.loadText("", "test", List.of(overrides));
  }

  @Test
  void theGridIsTheCartesianProductWithMomentumOnlyForSgd() {
    SweepSpec spec =
        spec(
            "grid.optimizer=[adam, sgd]",
            "grid.momentum=[0.0, 0.9]",
            "grid.batch_size=[10, 20, 30]",
            "grid.lr=[0.1, 0.01]",
            "grid.seed=[0, 1]");
    List<RunConfig> runs = Grid.expand(spec, "data");
    // (adam + sgd×2 momenta) × 3 batch sizes × 2 shuffles × 2 losses × 2 lrs × 2 seeds
    assertThat(runs).hasSize(3 * 3 * 2 * 2 * 2 * 2);
    assertThat(Grid.size(spec.grid())).isEqualTo(runs.size());
    assertThat(
            runs.stream()
                .filter(r -> r.optimizer().name().equals("adam"))
                .allMatch(r -> r.optimizer().momentum() == 0))
        .isTrue();
    assertThat(new HashSet<>(runs.stream().map(RunConfig::runId).toList())).hasSize(runs.size());
  }

  @Test
  void runIdsAreStableAndDependOnEverySettingAndTheData() {
    SweepSpec spec = spec("grid.batch_size=[10]", "grid.shuffle=[true]", "grid.loss=[mse]");
    String id = Grid.expand(spec, "data").get(0).runId();
    assertThat(Grid.expand(spec, "data").get(0).runId()).isEqualTo(id).hasSize(16);
    assertThat(Grid.expand(spec, "other-data").get(0).runId()).isNotEqualTo(id);
    assertThat(
            Grid.expand(
                    spec(
                        "grid.batch_size=[10]",
                        "grid.shuffle=[true]",
                        "grid.loss=[mse]",
                        "train.epochs=99"),
                    "data")
                .get(0)
                .runId())
        .isNotEqualTo(id);
    assertThat(
            Grid.expand(
                    spec(
                        "grid.batch_size=[10]",
                        "grid.shuffle=[true]",
                        "grid.loss=[mse]",
                        "train.init.slope=0.5"),
                    "data")
                .get(0)
                .runId())
        .isNotEqualTo(id);
  }

  @Test
  void anEpochsAxisReplacesTrainEpochs() {
    SweepSpec spec =
        spec(
            "grid.batch_size=[10]",
            "grid.shuffle=[false]",
            "grid.loss=[mse]",
            "grid.epochs=[5, 50]");
    assertThat(Grid.expand(spec, "d").stream().map(RunConfig::epochs).toList())
        .containsExactly(5, 50);
  }

  @Test
  void theScaleAxisMultipliesTheGridAndOnlyStandardizedRunsGetNewIds() {
    List<RunConfig> plain = Grid.expand(spec("grid.batch_size=[10, 20]"), "d");
    SweepSpec both = spec("grid.batch_size=[10, 20]", "grid.scale=[none, standardize]");
    List<RunConfig> runs = Grid.expand(both, "d");
    assertThat(runs).hasSize(2 * plain.size());
    assertThat(Grid.size(both.grid())).isEqualTo(runs.size());
    List<RunConfig> none = runs.stream().filter(r -> r.scale() == Scale.NONE).toList();
    List<RunConfig> standardized =
        runs.stream().filter(r -> r.scale() == Scale.STANDARDIZE).toList();
    assertThat(none.stream().map(RunConfig::runId).toList())
        .containsExactlyInAnyOrderElementsOf(plain.stream().map(RunConfig::runId).toList());
    assertThat(standardized).hasSize(plain.size());
    for (RunConfig run : standardized) {
      assertThat(run).isEqualTo(Grid.withId(run.with(null, run.batchSize()), "d"));
      assertThat(none.stream().map(RunConfig::runId)).doesNotContain(run.runId());
    }
  }
}

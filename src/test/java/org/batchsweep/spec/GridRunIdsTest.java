package org.batchsweep.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.batchsweep.core.RunConfig;
import org.junit.jupiter.api.Test;

/**
 * Run ids stay what they were: {@link Grid#expand} hashes shared text once, but ids must not move.
 */
class GridRunIdsTest {

  @Test
  void idsAreThoseOfTheCanonicalText() {
    SweepSpec spec =
        SpecLoader.load(
            Path.of("conf/sweeps/seed.yaml"),
            List.of(
                "grid.epochs=[10, 100]",
                "grid.optimizer=[adam, sgd]",
                "grid.momentum=[0.0, 0.9]",
                "train.init={slope: 0.5}"));
    List<RunConfig> runs = Grid.expand(spec, "fingerprint-1");
    assertThat(runs).hasSize((int) Grid.size(spec.grid()));
    for (RunConfig run : runs) {
      RunConfig unnamed =
          new RunConfig(
              null,
              run.optimizer(),
              run.loss(),
              run.batchSize(),
              run.shuffle(),
              run.epochs(),
              run.seed(),
              run.precision(),
              run.init());
      assertThat(run).isEqualTo(Grid.withId(unnamed, "fingerprint-1"));
    }
  }

  @Test
  void idsAreStableAcrossVersions() {
    // Computed by the first implementation (one SHA-256 of the whole text per run).
    List<RunConfig> runs =
        Grid.expand(SpecLoader.load(Path.of("conf/sweeps/seed.yaml"), List.of()), "fingerprint-1");
    assertThat(runs.get(0).runId()).isEqualTo("27ac2f63bf3d88d3");
    assertThat(runs.get(runs.size() - 1).runId()).isEqualTo("e3a16d7e3603281c");
  }
}

package org.batchsweep.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.batchsweep.core.Init;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Precision;
import org.batchsweep.core.RunConfig;
import org.batchsweep.optim.OptimizerConfigs;
import org.junit.jupiter.api.Test;

class RunListTest {

  @Test
  void serializesToTheSameRunsInFewBytes() throws Exception {
    List<RunConfig> runs = new ArrayList<>();
    int id = 0;
    for (String optimizer : List.of("adam", "sgd")) {
      for (double lr : List.of(0.001, 0.01, 0.1)) {
        for (Loss loss : Loss.values()) {
          for (int batch = 1; batch <= 500; batch++) {
            runs.add(
                new RunConfig(
                    String.format(Locale.ROOT, "%016x", 0xfedcba9876543210L + 7919L * id++),
                    OptimizerConfigs.of(optimizer, lr, optimizer.equals("sgd") ? 0.9 : 0.0),
                    loss,
                    batch,
                    true,
                    100,
                    3,
                    Precision.FLOAT32,
                    batch % 2 == 0 ? Init.KAIMING : new Init(0.5, null)));
          }
        }
      }
    }
    byte[] bytes = serialize(RunList.of(runs));
    List<?> back = (List<?>) deserialize(bytes);
    assertThat(back).isInstanceOf(RunList.class).isEqualTo(runs);
    assertThat(bytes.length / (double) runs.size()).as("bytes per run").isLessThan(20);
  }

  @Test
  void keepsIdsThatAreNotHexAsText() throws Exception {
    List<RunConfig> runs =
        List.of(
            new RunConfig(
                "case-1",
                OptimizerConfigs.of("adam", 0.01, 0),
                Loss.MSE,
                10,
                false,
                5,
                0,
                Precision.FLOAT64,
                Init.KAIMING),
            new RunConfig(
                null,
                OptimizerConfigs.of("sgd", 0.01, 0),
                Loss.MSE,
                7,
                false,
                5,
                0,
                Precision.FLOAT64,
                Init.KAIMING),
            new RunConfig(
                "00000000000000ff",
                OptimizerConfigs.of("sgd", 0.01, 0),
                Loss.MSE,
                7,
                false,
                5,
                0,
                Precision.FLOAT64,
                Init.KAIMING));
    assertThat(deserialize(serialize(RunList.of(runs)))).isEqualTo(runs);
  }

  private static byte[] serialize(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }

  private static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    }
  }
}

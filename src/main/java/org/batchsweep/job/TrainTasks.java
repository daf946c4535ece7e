package org.batchsweep.job;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.TrainingSet;
import org.batchsweep.train.FastTrainer;
import org.batchsweep.train.Target;

/**
 * Executor side: trains each task's runs with the {@link FastTrainer}. Training is deterministic
 * per run (every random draw derives from the run's seed), so a retried or speculative copy of a
 * task produces identical outcomes.
 */
final class TrainTasks implements FlatMapFunction<Iterator<TrainingTask>, RunOutcome> {

  private final Broadcast<TrainingSet> data;
  private final boolean recordEpochs;
  private final Target target;

  TrainTasks(Broadcast<TrainingSet> data, boolean recordEpochs, Target target) {
    this.data = data;
    this.recordEpochs = recordEpochs;
    this.target = target;
  }

  @Override
  public Iterator<RunOutcome> call(Iterator<TrainingTask> tasks) {
    TrainingSet points = data.value();
    List<RunOutcome> outcomes = new ArrayList<>();
    while (tasks.hasNext()) {
      outcomes.addAll(FastTrainer.train(points, tasks.next().runs(), recordEpochs, target));
    }
    return outcomes.iterator();
  }
}

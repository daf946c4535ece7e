package org.batchsweep.train;

import org.batchsweep.core.EpochOrder;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Points;
import org.batchsweep.core.Precision;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.TrainingSet;

/**
 * The reference trainer: a plain mini-batch loop that visits every sample of every batch, computing
 * predictions, residuals and gradients per sample in the run's precision, as an autograd framework
 * would. O(batch size) per step; {@link FastTrainer} must agree with it.
 */
public final class PerSampleTrainer {

  private PerSampleTrainer() {}

  public static RunOutcome train(TrainingSet data, RunConfig config, boolean recordEpochs) {
    return train(data, config, recordEpochs, Target.NONE);
  }

  /**
   * As {@link #train(TrainingSet, RunConfig, boolean)}, also counting the steps to {@code target}.
   */
  public static RunOutcome train(
      TrainingSet data, RunConfig config, boolean recordEpochs, Target target) {
    long start = System.nanoTime();
    data = data.scaled(config.scale());
    Points seen = data.trainIn(config.precision());
    RunState run = new RunState(config, data.train(), data.standardization(), recordEpochs, target);
    int n = seen.size();
    int[] order = null;
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      if (config.shuffle()) {
        order = EpochOrder.shuffled(config.seed(), epoch, n);
      }
      for (int from = 0; from < n; from += config.batchSize()) {
        int to = Math.min(from + config.batchSize(), n);
        if (seen.features() == 1) {
          step(run, seen, order, from, to);
        } else {
          stepFeatures(run, seen, order, from, to);
        }
      }
      run.endEpoch(epoch);
    }
    run.addNanos(System.nanoTime() - start);
    return run.finish(data.validation());
  }

  private static void step(RunState run, Points seen, int[] order, int from, int to) {
    Precision p = run.config.precision();
    Loss loss = run.config.loss();
    double[] x = seen.x();
    double[] y = seen.y();
    double w = run.slope();
    double b = run.intercept();
    int count = to - from;

    double batchMeanY = 0;
    if (loss == Loss.MSE_BROADCAST) {
      double sumY = 0;
      for (int k = from; k < to; k++) {
        sumY = p.round(sumY + y[index(order, k)]);
      }
      batchMeanY = p.round(sumY / count);
    }
    // d loss / d prediction_j = 2/B · (prediction_j − target_j), target_j = y_j or the batch mean.
    double scale = p.round(2.0 / count);
    double gradSlope = 0;
    double gradIntercept = 0;
    double lossSum = 0;
    for (int k = from; k < to; k++) {
      int i = index(order, k);
      double prediction = p.round(p.round(w * x[i]) + b);
      double target = loss == Loss.MSE_BROADCAST ? batchMeanY : y[i];
      double residual = p.round(prediction - target);
      double gradPrediction = p.round(residual * scale);
      gradSlope = p.round(gradSlope + p.round(gradPrediction * x[i]));
      gradIntercept = p.round(gradIntercept + gradPrediction);
      double error = prediction - y[i];
      lossSum += loss == Loss.MSE ? error * error : residual * residual;
    }
    double batchLoss = lossSum / count;
    if (loss == Loss.MSE_BROADCAST) {
      batchLoss += targetVariance(y, order, from, to);
    }
    run.lastBatchLoss(batchLoss);
    run.step(gradSlope, gradIntercept);
  }

  /**
   * A step with d features, as {@link #step} but with the prediction {@code wᵀx + b} summed feature
   * by feature in the run's precision and one gradient entry per weight.
   */
  private static void stepFeatures(RunState run, Points seen, int[] order, int from, int to) {
    Precision p = run.config.precision();
    Loss loss = run.config.loss();
    int d = seen.features();
    double[] x = seen.x();
    double[] y = seen.y();
    double[] w = new double[d];
    for (int j = 0; j < d; j++) {
      w[j] = run.param(j);
    }
    double b = run.param(d);
    int count = to - from;
    double batchMeanY = 0;
    if (loss == Loss.MSE_BROADCAST) {
      double sumY = 0;
      for (int k = from; k < to; k++) {
        sumY = p.round(sumY + y[index(order, k)]);
      }
      batchMeanY = p.round(sumY / count);
    }
    double scale = p.round(2.0 / count);
    double[] gradient = new double[d + 1];
    double lossSum = 0;
    for (int k = from; k < to; k++) {
      int i = index(order, k);
      int row = i * d;
      double dot = 0;
      for (int j = 0; j < d; j++) {
        dot = p.round(dot + p.round(w[j] * x[row + j]));
      }
      double prediction = p.round(dot + b);
      double target = loss == Loss.MSE_BROADCAST ? batchMeanY : y[i];
      double residual = p.round(prediction - target);
      double gradPrediction = p.round(residual * scale);
      for (int j = 0; j < d; j++) {
        gradient[j] = p.round(gradient[j] + p.round(gradPrediction * x[row + j]));
      }
      gradient[d] = p.round(gradient[d] + gradPrediction);
      double error = prediction - y[i];
      lossSum += loss == Loss.MSE ? error * error : residual * residual;
    }
    double batchLoss = lossSum / count;
    if (loss == Loss.MSE_BROADCAST) {
      batchLoss += targetVariance(y, order, from, to);
    }
    run.lastBatchLoss(batchLoss);
    run.step(gradient);
  }

  private static double targetVariance(double[] y, int[] order, int from, int to) {
    double mean = 0;
    for (int k = from; k < to; k++) {
      mean += y[index(order, k)];
    }
    mean /= (to - from);
    double variance = 0;
    for (int k = from; k < to; k++) {
      double d = y[index(order, k)] - mean;
      variance += d * d;
    }
    return variance / (to - from);
  }

  private static int index(int[] order, int k) {
    return order == null ? k : order[k];
  }
}

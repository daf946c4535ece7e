package org.batchsweep.job;

import java.io.Serializable;
import java.util.List;
import org.batchsweep.train.RunConfig;

/**
 * One Spark partition's work: runs that share a seed, a shuffle setting and a precision, so they
 * can share epoch orders. {@code cost} is the planner's estimate in step-equivalents.
 */
public record TrainingTask(int index, List<RunConfig> runs, double cost) implements Serializable {}

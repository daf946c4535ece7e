package org.batchsweep.job;

import java.io.Serializable;
import java.util.List;
import org.batchsweep.core.RunConfig;

/**
 * One Spark partition's work: runs the planner grouped so that they share epoch orders (same seed,
 * shuffle setting and precision, as far as the grid allows), or several such groups when they are
 * cheap, shipped compactly as a {@code RunList}. {@code cost} is the planner's estimate in
 * step-equivalents.
 */
public record TrainingTask(int index, List<RunConfig> runs, double cost) implements Serializable {}

/**
 * Training one run exactly as PyTorch would: {@code nn.Linear(1, 1)}'s initialisation, epochs in
 * order or in a fresh permutation per epoch, consecutive batches with the remainder last ({@code
 * drop_last=False}), the losses ({@link org.batchsweep.core.Loss}) computed from batch sums. {@link
 * org.batchsweep.train.PerSampleTrainer} is the plain reference; {@link
 * org.batchsweep.train.FastTrainer} takes O(1) per step from prefix sums and is checked against it.
 * Pure Java, no Spark.
 */
package org.batchsweep.train;

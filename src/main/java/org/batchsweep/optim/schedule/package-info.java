/**
 * Learning-rate schedules as PyTorch's {@code torch.optim.lr_scheduler} computes them ({@link
 * org.batchsweep.optim.schedule.Schedule} the validated choice, {@link
 * org.batchsweep.optim.schedule.LrSchedule} one run's position in it) and the batch-size lr scaling
 * rules ({@link org.batchsweep.optim.schedule.LrScaling}). Pure Java, no Spark.
 */
package org.batchsweep.optim.schedule;

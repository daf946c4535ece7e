/**
 * The Spark job: plans a sweep's runs into tasks of similar cost, trains them on the executors
 * (named static functions holding a broadcast of the points), diagnoses them there, and writes the
 * tables through Spark's commit protocol, in chunks staged under {@code <out>/staging/} and
 * published once every run is in. The driver holds aggregates, never all runs.
 *
 * <p>{@link org.batchsweep.store.Table} is the one list of tables and columns; the README, section
 * "The tables", documents them for users. Columns are only ever added, never renamed or reordered.
 */
package org.batchsweep.job;

/**
 * The one-machine Spark standalone cluster behind {@code ./submit cluster start|stop|status}:
 * Spark's own master and worker JVMs from the project's jars, on loopback, authenticated and
 * encrypted with a fresh secret per start, their state, configs and logs under {@code
 * <out>/cluster/} ({@link org.batchsweep.cluster.ClusterLayout}). {@link
 * org.batchsweep.cluster.LocalCluster} is the entry point; the README, section "A real cluster on
 * one machine", is the user's contract. Uses no other package of batchsweep except for {@code
 * BadInputException}.
 */
package org.batchsweep.cluster;

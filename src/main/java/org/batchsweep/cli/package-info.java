/**
 * The commands behind {@code ./submit}: {@code run}, {@code sql}, {@code explain}, {@code report},
 * {@code shell} (which runs the others in one JVM) and {@code cluster} (picocli). Each parses and
 * checks its options, opens a Spark session when it needs one, calls the packages that do the work
 * and prints their result; bad input ends in one line on stderr and exit status 2. The commands,
 * their options and output formats are documented in the README, section "Commands"; change them
 * only by adding.
 */
package org.batchsweep.cli;

/**
 * Every sweep's answer, by setting: which batch sizes converge for each combination of the sweep's
 * varying axes (other than batch size and seed), why the others did not in words right for the
 * optimizer, and the fix for each failure kind, computed and verified by training it.
 *
 * <p>Everything here reads aggregates that Spark computes per setting × batch size × diagnosis; the
 * driver never holds the runs. One {@link SweepAnswers} is loaded per command and feeds the summary
 * after {@code run}, {@code explain} (text and JSON) and the report's text.
 */
package org.batchsweep.answer;

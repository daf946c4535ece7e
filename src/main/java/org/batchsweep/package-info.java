/**
 * batchsweep: sweeps mini-batch training runs of a linear model on Spark, compares each with
 * MLlib's closed-form least squares, diagnoses every run that missed, and writes Parquet tables, an
 * answer in plain words, figures and an HTML report.
 *
 * <p>The packages, in the order data flows through them: {@code spec} (the YAML spec and its grid),
 * {@code data} (the points), {@code optim} and {@code train} (training a run exactly as PyTorch
 * would), {@code reference} (MLlib's line), {@code diagnose} (why a run missed), {@code job} (the
 * Spark job and the tables), {@code report} (the answer, figures and page), {@code cli} (the
 * commands behind {@code ./submit}); {@code cluster} runs a standalone cluster on one machine. The
 * README's "How the code is laid out" section says where a new optimizer, loss, table column or
 * figure goes.
 *
 * <p>{@link org.batchsweep.BadInputException} is the one exception a user can fix: one line naming
 * the key and what is accepted, exit status 2, nothing written.
 */
package org.batchsweep;

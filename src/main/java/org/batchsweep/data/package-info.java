/**
 * The points a sweep trains on and validates against: the generated line {@code y = slope·x +
 * intercept + noise·N(0,1)} with x evenly spaced (as {@code numpy.linspace}), generated linear data
 * with d features ({@code y = wᵀx + intercept + noise·N(0,1)}, x_j uniform times its scale), or CSV
 * and Parquet files with feature columns and a label column. Every bad file or table is refused
 * with its path, line or row and what is accepted ({@link org.batchsweep.data.TableRules}). Spec
 * keys: README, section "The spec" ({@code data.*}).
 */
package org.batchsweep.data;

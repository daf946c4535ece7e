/**
 * The points a sweep trains on and validates against: the generated line {@code y = slope·x +
 * intercept + noise·N(0,1)} with x evenly spaced (as {@code numpy.linspace}), or CSV and Parquet
 * files with columns {@code x,y}. Every bad file is refused with its path, line and what is
 * accepted. Spec keys: README, section "The spec" ({@code data.*}).
 */
package org.batchsweep.data;

/**
 * The reference every run is compared with: MLlib's {@code LinearRegression} solved by the normal
 * equations on the training points' assembled feature vector ({@code method = mllib-normal} in the
 * {@code reference} table), with its weights, intercept, training and validation MSE, r², and the
 * condition number of the centred feature covariance.
 */
package org.batchsweep.reference;

/**
 * The reference every run is compared with: MLlib's {@code LinearRegression} solved by the normal
 * equations on the training points ({@code method = mllib-normal} in the {@code reference} table),
 * with its training and validation MSE and r².
 */
package org.batchsweep.reference;

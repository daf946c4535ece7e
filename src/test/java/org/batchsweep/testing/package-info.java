/**
 * Test fixtures shared by the test packages: local Spark sessions ({@link
 * org.batchsweep.testing.SparkTests}, {@link org.batchsweep.testing.SharedSparkSession}) and {@code
 * ./submit} as a separate process ({@link org.batchsweep.testing.Submit}).
 */
package org.batchsweep.testing;

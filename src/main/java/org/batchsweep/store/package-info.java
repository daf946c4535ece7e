/**
 * The stored tables, shared by the job that writes them and the commands and report that read them:
 * {@code Table} lists every table and its columns (documented for users in the README, section "The
 * tables"; columns are only ever added), {@code TableStore} reads them and stages and publishes a
 * sweep's partitions. Depends only on {@code core}.
 */
package org.batchsweep.store;

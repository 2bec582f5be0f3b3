/**
 * Tests of the whole local cluster, started and stopped by the launcher.
 */
package dev.archon.cluster;

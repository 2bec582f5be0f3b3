/**
 * HTTP API of generation jobs.
 */
@NullMarked
package dev.archon.agentgen.job.web;

import org.jspecify.annotations.NullMarked;

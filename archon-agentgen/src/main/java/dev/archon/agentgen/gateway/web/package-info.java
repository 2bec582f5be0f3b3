/**
 * HTTP view of the gateway: OpenAI's routes, in OpenAI's shapes, and the usage report.
 */
@NullMarked
package dev.archon.agentgen.gateway.web;

import org.jspecify.annotations.NullMarked;

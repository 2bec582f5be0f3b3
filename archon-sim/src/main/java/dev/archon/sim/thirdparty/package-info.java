/**
 * Fakes of the third-party APIs that the agent library's tools call (GitHub issues, Slack
 * {@code chat.postMessage}, Brave Search, Open-Meteo and plain web pages): their request
 * validation and response shapes, so that a tool proven against the fake works against
 * the real API, and a log of what each fake received.
 */
@NullMarked
package dev.archon.sim.thirdparty;

import org.jspecify.annotations.NullMarked;

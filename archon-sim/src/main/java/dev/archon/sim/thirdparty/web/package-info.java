/**
 * HTTP adapters of the third-party fakes, served under {@code /thirdparty/<api>}, and the
 * {@code /_sim/thirdparty} control endpoint that shows what they received.
 */
@NullMarked
package dev.archon.sim.thirdparty.web;

import org.jspecify.annotations.NullMarked;

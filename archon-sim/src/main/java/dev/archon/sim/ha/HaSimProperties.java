package dev.archon.sim.ha;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Home Assistant simulator.
 *
 * @param entities how many entities the demo home has
 * @param seed the seed from which the demo home and its history are generated; the same
 * seed always gives the same home and the same history for a given calendar day
 * @param historyDays how many days of history lie before the simulator's start
 * @param timeZone the home's time zone (reported by {@code /api/config}); the planted
 * routines run on its local clock
 * @param version the Home Assistant version the simulator claims to be
 * @param liveHistoryPerEntity how many changes made since the start are kept per entity
 * for the history API; older ones are forgotten so that a long benchmark cannot exhaust
 * memory
 * @param websocket WebSocket limits
 */
@ConfigurationProperties("archon.sim.ha")
@Validated
public record HaSimProperties(@DefaultValue("150") @Min(1) @Max(10_000) int entities, @DefaultValue("42") long seed,
		@DefaultValue("10") @Min(0) @Max(60) int historyDays, @DefaultValue("UTC") @NotBlank String timeZone,
		@DefaultValue("2025.6.0") @NotBlank String version, @DefaultValue("5000") @Min(1) int liveHistoryPerEntity,
		@DefaultValue @Valid WebSocket websocket) {

	/**
	 * Limits of the WebSocket API, after Home Assistant's own.
	 *
	 * @param authTimeout how long a client may take to send its {@code auth} message
	 * @param maxPendingMessages a client with more messages queued is disconnected at
	 * once
	 * @param peakPendingMessages a client with more messages queued than this for longer
	 * than {@code peakPendingTime} is disconnected
	 * @param peakPendingTime see {@code peakPendingMessages}
	 */
	public record WebSocket(@DefaultValue("10s") Duration authTimeout,
			@DefaultValue("16384") @Min(1) int maxPendingMessages,
			@DefaultValue("1024") @Min(1) int peakPendingMessages, @DefaultValue("5s") Duration peakPendingTime) {

	}

}

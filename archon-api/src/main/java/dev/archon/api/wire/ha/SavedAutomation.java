package dev.archon.api.wire.ha;

/**
 * An automation saved in Home Assistant.
 *
 * @param id its id in Home Assistant
 * @param replaced whether it replaced an automation of the same id
 */
public record SavedAutomation(String id, boolean replaced) {

}

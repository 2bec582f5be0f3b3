package dev.archon.agentgen.compose;

import java.util.List;
import java.util.Map;

import dev.archon.agentgen.compose.Plan.Mode;
import dev.archon.agentgen.compose.Plan.Sink;
import dev.archon.agentgen.compose.Plan.Source;
import dev.archon.agentgen.compose.Plan.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan a description asks for, and how feedback revises it.
 */
class PlannerTests {

	@Test
	void plansADailyDigestOfNewGitHubIssuesToSlack() {
		Plan plan = Planner.plan(
				"An agent that watches my GitHub repository's new issues and posts a daily digest to a Slack channel");
		assertThat(plan.trigger().mode()).isEqualTo(Mode.SCHEDULE);
		assertThat(plan.trigger().cron()).isEqualTo("0 8 * * *");
		assertThat(plan.sources()).containsExactly(Source.GITHUB);
		assertThat(plan.steps()).contains(Step.FILTER, Step.DIGEST);
		assertThat(plan.sinks()).containsExactly(Sink.SLACK);
	}

	@Test
	void plansAHomeAssistantEventThatActs() {
		Plan plan = Planner.plan("When motion is detected in the hallway, turn on the hallway light");
		assertThat(plan.trigger().mode()).isEqualTo(Mode.EVENT);
		assertThat(plan.trigger().entity()).isEqualTo("binary_sensor.hallway_motion");
		assertThat(plan.sources()).containsExactly(Source.HOME_ASSISTANT);
		assertThat(plan.steps()).contains(Step.DECIDE, Step.ACT);
		assertThat(plan.sinks()).containsExactly(Sink.HOME_ASSISTANT);
	}

	@Test
	void plansAChatOverTheDocumentation() {
		Plan plan = Planner.plan("A chat assistant that answers questions about the Pydantic AI documentation");
		assertThat(plan.trigger().mode()).isEqualTo(Mode.CHAT);
		assertThat(plan.sources()).containsExactly(Source.DOCS);
		assertThat(plan.sinks()).containsExactly(Sink.TERMINAL);
	}

	@Test
	void plansAOnceOffWebResearchWrittenToAFile() {
		Plan plan = Planner.plan("Research the state of solid-state batteries on the web and write a report to a file");
		assertThat(plan.trigger().mode()).isEqualTo(Mode.ONCE);
		assertThat(plan.sources()).contains(Source.WEB_SEARCH);
		assertThat(plan.steps()).contains(Step.SUMMARISE);
		assertThat(plan.sinks()).containsExactly(Sink.FILE);
	}

	@Test
	void plansAWeekdayWeatherBriefing() {
		Plan plan = Planner.plan("Every weekday at 8:00, a weather briefing for Lyon");
		assertThat(plan.trigger().cron()).isEqualTo("0 8 * * 1-5");
		assertThat(plan.sources()).containsExactly(Source.WEATHER);
		assertThat(plan.subject()).isEqualTo("Lyon");
		assertThat(plan.sinks()).containsExactly(Sink.TERMINAL);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			every weekday at 8:00             | 0 8 * * 1-5
			daily at 7:30 pm                  | 30 19 * * *
			every monday at 9am               | 0 9 * * 1
			hourly                            | 0 * * * *
			every 15 minutes                  | */15 * * * *
			every 2 hours                     | 0 */2 * * *
			every evening                     | 0 18 * * *
			weekly                            | 0 8 * * 1
			at midnight                       | 0 0 * * *
			""")
	void turnsSchedulesIntoCronLines(String phrase, String cron) {
		assertThat(Schedules.cron(phrase)).isEqualTo(cron);
	}

	@Test
	void readsNoScheduleIntoAPlainAt() {
		assertThat(Schedules.cron("look at 3 pages")).isNull();
	}

	@Test
	void addsASinkTheFeedbackNames() {
		Plan revised = Planner.revise(digest(), "Also post to Discord");
		assertThat(revised.sinks()).containsExactlyInAnyOrder(Sink.SLACK, Sink.DISCORD);
	}

	@Test
	void keepsTheWayToRunWhenTheFeedbackOnlyNamesASink() {
		Plan revised = Planner.revise(digest(), "Also tell me on Discord");
		assertThat(revised.trigger()).isEqualTo(digest().trigger());
		assertThat(revised.sinks()).contains(Sink.DISCORD);
	}

	@Test
	void replacesASinkTheFeedbackPutsInsteadOfAnother() {
		assertThat(Planner.revise(digest(), "Post to Discord instead of Slack").sinks()).containsExactly(Sink.DISCORD);
		assertThat(Planner.revise(digest(), "Post it to Discord instead").sinks()).containsExactly(Sink.DISCORD);
	}

	@Test
	void replacesTheScheduleTheFeedbackNames() {
		Plan revised = Planner.revise(digest(), "Run hourly instead");
		assertThat(revised.trigger().cron()).isEqualTo("0 * * * *");
		assertThat(revised.sinks()).containsExactly(Sink.SLACK);
	}

	@Test
	void keepsOnlyTheLabelsTheFeedbackNames() {
		Plan revised = Planner.revise(digest(), "Only issues labelled bug");
		assertThat(revised.labels()).containsExactly("bug");
		assertThat(Planner.revise(revised, "Report all issues, any label").labels()).isEmpty();
	}

	@Test
	void addsASourceTheFeedbackNames() {
		assertThat(Planner.revise(digest(), "Also check the weather").sources()).contains(Source.GITHUB,
				Source.WEATHER);
	}

	@Test
	void revisesThePlanThatThePreviousVersionCarries() {
		Plan hourly = Planner.revise(digest(), "Run hourly instead");
		Map<String, String> previous = Map.of("agent.py", "print()\n" + PlanLine.write(hourly) + "\n");
		Plan next = Planner.current("An agent that posts a daily digest of GitHub issues to Slack",
				"Also post to Discord", previous);
		assertThat(next.trigger().cron()).isEqualTo("0 * * * *");
		assertThat(next.sinks()).containsExactlyInAnyOrder(Sink.SLACK, Sink.DISCORD);
		assertThat(next.labels()).isEqualTo(List.of());
	}

	private static Plan digest() {
		return Planner
			.plan("An agent that watches my GitHub repository's new issues and posts a daily digest to Slack");
	}

}

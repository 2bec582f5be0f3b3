package dev.archon.agentgen.compose;

import java.util.List;
import java.util.Map;

import dev.archon.agentgen.resources.LibraryEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tools are chosen by the plan and by the closeness of their description to the request,
 * each with its reason; without archon-vector, by the plan alone.
 */
class ToolChoiceTests {

	private static final List<LibraryEntry> LIBRARY = List.of(tool("github_list_issues", "github issues"),
			tool("web_search", "search the web"), tool("fetch_url", "fetch a web page"),
			tool("get_weather", "weather forecast"));

	@Test
	void takesWhatThePlanNeedsAndWhatIsCloseInMeaning() {
		// given: vectors in which "fetch a web page" is close to the request, the rest
		// not
		Embeddings embeddings = (texts) -> texts.stream().map(ToolChoiceTests::vector).toList();
		ToolChoice choice = new ToolChoice(LIBRARY, embeddings);

		// when
		List<ToolChoice.Chosen> chosen = choice
			.choose(Planner.plan("Post a daily digest of new GitHub issues to Slack"), "page digest");

		// then
		assertThat(chosen).extracting((tool) -> tool.tool().name()).containsExactly("github_list_issues", "fetch_url");
		assertThat(chosen.get(0).reason()).startsWith("the plan reads GitHub issues (similarity to the request");
		assertThat(chosen.get(1).reason()).startsWith("its description is close to the request (similarity");
	}

	@Test
	void fallsBackToThePlanWhenVectorIsUnreachable() {
		ToolChoice choice = new ToolChoice(LIBRARY, (texts) -> {
			throw new IllegalStateException("connection refused");
		});
		List<ToolChoice.Chosen> chosen = choice.choose(Planner.plan("Every weekday at 8:00, a weather briefing"),
				"weather");
		assertThat(chosen).singleElement().satisfies((tool) -> {
			assertThat(tool.tool().name()).isEqualTo("get_weather");
			assertThat(tool.reason()).contains("archon-vector unreachable, chosen by the plan's keywords");
		});
	}

	/**
	 * A unit vector on the "page" axis for texts about pages, on another axis otherwise.
	 */
	private static float[] vector(String text) {
		boolean page = text.contains("page");
		return page ? new float[] { 1, 0 } : new float[] { 0, 1 };
	}

	private static LibraryEntry tool(String name, String description) {
		return new LibraryEntry("tool", name, description, List.of(), "", "async def " + name + "(ctx): ...", List.of(),
				Map.of());
	}

}

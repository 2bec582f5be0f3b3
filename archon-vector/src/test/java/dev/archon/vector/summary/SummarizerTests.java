package dev.archon.vector.summary;

import java.util.List;

import dev.langchain4j.model.chat.ChatModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.vector.VectorProperties;
import dev.archon.vector.chunk.Chunk;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SummarizerTests {

	private final Summarizer summarizer = new Summarizer(
			new StaticListableBeanFactory().getBeanProvider(ChatModel.class),
			new Binder(new MapConfigurationPropertySource()).bindOrCreate("archon.vector", VectorProperties.class),
			JsonMapper.builder().build(), new SimpleMeterRegistry());

	@Test
	void readsJsonEvenInsideAMarkdownFence() {
		assertThat(this.summarizer.parse("```json\n{\"title\": \" Tools \", \"summary\": \"How tools work.\"}\n```"))
			.isEqualTo(new Titled("Tools", "How tools work."));
	}

	@Test
	void refusesAnswersWithoutTitleOrSummary() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.summarizer.parse("{\"title\": \"Tools\"}"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.summarizer.parse("Sorry, I cannot help."));
	}

	@Test
	void withoutAnLlmTheChunkersHeadingAndFirstSentencesAreUsed() {
		Chunk chunk = new Chunk(0, "Tools", "Tools let the model call functions.", "text", 0, 4);
		assertThat(this.summarizer.start(List.of(chunk)).get(0))
			.isEqualTo(new Titled("Tools", "Tools let the model call functions."));
	}

}

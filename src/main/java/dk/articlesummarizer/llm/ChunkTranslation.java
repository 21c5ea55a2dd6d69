package dk.articlesummarizer.llm;

import dev.langchain4j.model.output.structured.Description;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The structured answer for one passage of a long article. */
@RegisterForReflection
public record ChunkTranslation(
        @Description("The complete English translation of the passage, paragraphs separated by one blank line") String translation) {
}

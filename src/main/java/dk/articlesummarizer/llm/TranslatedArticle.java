package dk.articlesummarizer.llm;

import java.util.List;

import dev.langchain4j.model.output.structured.Description;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The structured answer the model is asked for. */
@RegisterForReflection
public record TranslatedArticle(
        @Description("The English headline") String title,
        @Description("The complete English translation, paragraphs separated by one blank line") String translation,
        @Description("3 to 7 one-sentence English bullet points") List<String> summary) {
}

package dk.articlesummarizer.llm;

import java.util.List;

import dev.langchain4j.model.output.structured.Description;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The structured answer with headline and bullets of an already translated long article. */
@RegisterForReflection
public record ArticleDigest(
        @Description("The English headline") String title,
        @Description("3 to 7 one-sentence English bullet points") List<String> summary) {
}

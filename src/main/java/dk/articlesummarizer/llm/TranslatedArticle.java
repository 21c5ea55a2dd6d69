package dk.articlesummarizer.llm;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The structured answer the model is asked for; the system prompt (Prompts) says what each field holds. */
@RegisterForReflection
public record TranslatedArticle(
        String title,
        String translation,
        List<String> summary) {
}

package dk.articlesummarizer.summary;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

import dk.articlesummarizer.llm.Usage;

/** The answer as sent to callers (the API contract). */
@RegisterForReflection
public record SummarizeResponse(String title, String translation, List<String> summary, String sourceLanguage,
        String model, boolean cached, Usage usage, int chunks) {

    public static SummarizeResponse of(Summary summary, boolean cached) {
        return new SummarizeResponse(summary.title(), summary.translation(), summary.summary(),
                summary.sourceLanguage(), summary.model(), cached, summary.usage(), summary.chunks());
    }
}

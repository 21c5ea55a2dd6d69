package dk.articlesummarizer.api;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

import dk.articlesummarizer.summary.Summary;
import dk.articlesummarizer.llm.Usage;

@RegisterForReflection
public record SummarizeResponse(String title, String translation, List<String> summary, String sourceLanguage,
        String model, boolean cached, Usage usage, int chunks) {

    static SummarizeResponse of(Summary summary, boolean cached) {
        return new SummarizeResponse(summary.title(), summary.translation(), summary.summary(),
                summary.sourceLanguage(), summary.model(), cached, summary.usage(), summary.chunks());
    }
}

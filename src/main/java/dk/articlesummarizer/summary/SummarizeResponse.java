package dk.articlesummarizer.summary;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;


/** The answer as sent to callers (the API contract). */
@RegisterForReflection
public record SummarizeResponse(String title, String translation, List<String> summary, String sourceLanguage,
        String model, boolean cached, AnswerUsage usage, int chunks, int reused, String format,
        List<String> removed) {

    public static SummarizeResponse of(Summary summary, boolean cached, String currency) {
        return new SummarizeResponse(summary.title(), summary.translation(), summary.summary(),
                summary.sourceLanguage(), summary.model(), cached, AnswerUsage.of(summary.usage(), cached, currency),
                summary.chunks(), summary.reused(), summary.format().json(), summary.removed());
    }
}

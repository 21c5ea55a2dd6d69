package dk.articlesummarizer.pipeline;

import java.util.List;

import dk.articlesummarizer.llm.Bullet;
import io.quarkus.runtime.annotations.RegisterForReflection;


/**
 * The answer as sent to callers (the API contract).
 *
 * @param bullets the summary's bullets again, each with the article paragraphs it rests on
 * @param disclosure how the answer was made, in one line a page can print under it
 */
@RegisterForReflection
public record SummarizeResponse(String title, String translation, List<String> summary, List<Bullet> bullets,
        String sourceLanguage, String model, String disclosure, boolean cached, AnswerUsage usage, int chunks,
        int reused, String format, List<String> removed) {

    public static SummarizeResponse of(Summary summary, boolean cached, String currency) {
        return new SummarizeResponse(summary.title(), summary.translation(), summary.summary(), summary.bullets(),
                summary.sourceLanguage(), summary.model(), disclosure(summary.model()), cached,
                AnswerUsage.of(summary.usage(), cached, currency), summary.chunks(), summary.reused(),
                summary.format().json(), summary.removed());
    }

    /** Said of every answer: machine-made, by which model, and that no editor has reviewed it. */
    static String disclosure(String model) {
        return "Machine-translated and summarised by " + model + "; not reviewed by an editor.";
    }
}

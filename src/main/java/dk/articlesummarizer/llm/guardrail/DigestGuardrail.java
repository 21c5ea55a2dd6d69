package dk.articlesummarizer.llm.guardrail;

import java.util.Optional;

import jakarta.inject.Singleton;

import dev.langchain4j.guardrail.OutputGuardrailRequest;
import dk.articlesummarizer.llm.ArticleDigest;
import io.micrometer.core.instrument.MeterRegistry;

/** Checks headline and bullets written from a long article's translation. */
@Singleton
public class DigestGuardrail extends AnswerGuardrail<ArticleDigest> {

    private final AnswerInspector inspector;

    public DigestGuardrail(AnswerInspector inspector, MeterRegistry metrics) {
        super(metrics);
        this.inspector = inspector;
    }

    @Override
    protected Checked<ArticleDigest> check(AnswerJson json, OutputGuardrailRequest request) {
        ArticleDigest digest = new ArticleDigest(json.text("title"),
                AnswerInspector.cleanBullets(json.strings("summary")));
        String translation = variable(request, "translation");
        String title = variable(request, "title");
        Optional<Violation> violation = json.missingFields()
                .or(() -> AnswerInspector.bullets(digest.summary()))
                .or(() -> AnswerInspector.numbers(translation + "\n" + title,
                        TranslationGuardrail.claims(digest.title(), digest.summary())));
        if (violation.isPresent()) {
            return Checked.rejected(violation.get());
        }
        TranslationGuardrail.flagUnknownNames(inspector, metrics, translation + "\n" + digest.title(),
                digest.summary());
        return Checked.accepted(digest);
    }
}

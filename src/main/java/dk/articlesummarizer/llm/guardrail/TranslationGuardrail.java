package dk.articlesummarizer.llm.guardrail;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.langchain4j.guardrail.OutputGuardrailRequest;
import dk.articlesummarizer.llm.TranslatedArticle;
import io.micrometer.core.instrument.MeterRegistry;

/** Checks the one-call answer for an ordinary article: translation, headline and bullets. */
@Singleton
public class TranslationGuardrail extends AnswerGuardrail<TranslatedArticle> {

    private static final Logger LOG = Logger.getLogger(TranslationGuardrail.class);

    private final AnswerInspector inspector;

    public TranslationGuardrail(AnswerInspector inspector, MeterRegistry metrics) {
        super(metrics);
        this.inspector = inspector;
    }

    @Override
    protected Checked<TranslatedArticle> check(AnswerJson json, OutputGuardrailRequest request) {
        TranslatedArticle answer = new TranslatedArticle(json.text("title"), json.text("translation"),
                AnswerInspector.cleanBullets(json.strings("summary")));
        String source = variable(request, "article");
        String title = variable(request, "title");
        Optional<Violation> violation = json.missingFields()
                .or(() -> inspector.translation(source, answer.translation()))
                .or(() -> AnswerInspector.bullets(answer.summary()))
                .or(() -> AnswerInspector.numbers(source + "\n" + title, claims(answer.title(), answer.summary())));
        if (violation.isPresent()) {
            return Checked.rejected(violation.get());
        }
        flagUnknownNames(inspector, metrics, source + "\n" + answer.translation() + "\n" + answer.title(),
                answer.summary());
        return Checked.accepted(answer);
    }

    static List<String> claims(String title, List<String> bullets) {
        List<String> claims = new java.util.ArrayList<>(bullets);
        claims.add(title);
        return claims;
    }

    static void flagUnknownNames(AnswerInspector inspector, MeterRegistry metrics, String known, List<String> bullets) {
        List<String> unknown = inspector.unknownNames(known, bullets);
        if (!unknown.isEmpty()) {
            metrics.counter("summarizer.guardrail.flags", "cause", "unknown-name").increment();
            LOG.warnf("A summary names %d person(s) or place(s) absent from the article; answer kept, flagged",
                    unknown.size());
            LOG.debugf("Names absent from the article: %s", unknown);
        }
    }
}

package dk.articlesummarizer.llm.guardrail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import dev.langchain4j.guardrail.OutputGuardrailRequest;
import dk.articlesummarizer.chunk.Chunker;
import dk.articlesummarizer.llm.TranslatedArticle;
import io.micrometer.core.instrument.MeterRegistry;

/** Checks the one-call answer for an ordinary article: translation, headline and bullets. */
@Singleton
public class TranslationGuardrail extends AnswerGuardrail<TranslatedArticle> {

    private final AnswerInspector inspector;

    public TranslationGuardrail(AnswerInspector inspector, MeterRegistry metrics) {
        super(metrics);
        this.inspector = inspector;
    }

    @Override
    protected Checked<TranslatedArticle> check(AnswerJson json, OutputGuardrailRequest request) {
        String source = variable(request, "article");
        String givenTitle = variable(request, "title");
        String translation = AnswerInspector.paragraphBreaks(Chunker.paragraphs(source).size(),
                json.text(AnswerJson.Field.TRANSLATION, true), json.repairs());
        List<String> bullets = AnswerInspector.tidyBullets(json.strings(AnswerJson.Field.SUMMARY), json.repairs());
        String title = AnswerInspector.titleOrDerived(json.text(AnswerJson.Field.TITLE, false), bullets,
                json.repairs());
        Optional<Violation> violation = json.missingFields()
                .or(() -> inspector.translation(source, translation))
                .or(() -> AnswerInspector.bullets(bullets))
                .or(() -> AnswerInspector.numbers(source + "\n" + givenTitle, claims(title, bullets)))
                .or(() -> AnswerInspector.names(source + "\n" + givenTitle + "\n" + translation, bullets));
        return violation.isPresent() ? Checked.rejected(violation.get())
                : Checked.accepted(new TranslatedArticle(title, translation, bullets));
    }

    static List<String> claims(String title, List<String> bullets) {
        List<String> claims = new ArrayList<>(bullets);
        claims.add(title);
        return claims;
    }
}

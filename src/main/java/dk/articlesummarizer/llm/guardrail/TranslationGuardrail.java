package dk.articlesummarizer.llm.guardrail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import dev.langchain4j.guardrail.OutputGuardrailRequest;
import dk.articlesummarizer.chunk.Chunker;
import dk.articlesummarizer.glossary.Glossary;
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
        return check(json, variable(request, "article"), variable(request, "title"),
                Glossary.parse(variable(request, "glossary")));
    }

    /**
     * The same reading, repairs and checks for an answer that arrived whole outside an AI service call (a streamed
     * one): the accepted answer, or empty when it must be asked for again.
     */
    public Optional<TranslatedArticle> acceptStreamed(String answer, boolean truncated, String article, String title,
            Glossary glossary) {
        return accept(answer, truncated, json -> check(json, article, title, glossary));
    }

    private Checked<TranslatedArticle> check(AnswerJson json, String source, String givenTitle, Glossary glossary) {
        List<String> tidied = AnswerInspector.tidyBullets(json.strings(AnswerJson.Field.SUMMARY), json.repairs());
        GlossaryCheck.Outcome ruled = GlossaryCheck.enforce(glossary, source + "\n" + givenTitle,
                AnswerInspector.paragraphBreaks(Chunker.paragraphs(source).size(),
                        json.text(AnswerJson.Field.TRANSLATION, true), json.repairs()),
                json.text(AnswerJson.Field.TITLE, false), tidied, json.repairs());
        String translation = ruled.translation();
        List<String> bullets = ruled.bullets();
        String title = AnswerInspector.titleOrDerived(ruled.title(), bullets, json.repairs());
        Optional<Violation> violation = json.missingFields()
                .or(ruled::violation)
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

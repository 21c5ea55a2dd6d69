package dk.articlesummarizer.llm.guardrail;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import dev.langchain4j.guardrail.OutputGuardrailRequest;
import dk.articlesummarizer.glossary.Glossary;
import dk.articlesummarizer.llm.ArticleDigest;
import io.micrometer.core.instrument.MeterRegistry;

/** Checks headline and bullets written from a long article's key facts, which were checked against its passages. */
@Singleton
public class DigestGuardrail extends AnswerGuardrail<ArticleDigest> {

    public DigestGuardrail(MeterRegistry metrics) {
        super(metrics);
    }

    @Override
    protected Checked<ArticleDigest> check(AnswerJson json, OutputGuardrailRequest request) {
        String facts = variable(request, "facts");
        String givenTitle = variable(request, "title");
        GlossaryCheck.Outcome ruled = GlossaryCheck.formsPutRight(Glossary.parse(variable(request, "glossary")),
                json.text(AnswerJson.Field.TITLE, false),
                AnswerInspector.tidyBullets(json.strings(AnswerJson.Field.SUMMARY), json.repairs()), json.repairs());
        List<String> bullets = ruled.bullets();
        String title = AnswerInspector.titleOrDerived(ruled.title(), bullets, json.repairs());
        String known = facts + "\n" + givenTitle;
        Optional<Violation> violation = json.missingFields()
                .or(() -> AnswerInspector.bullets(bullets))
                .or(() -> AnswerInspector.numbers(known, TranslationGuardrail.claims(title, bullets)))
                .or(() -> AnswerInspector.names(known, bullets));
        return violation.isPresent() ? Checked.rejected(violation.get())
                : Checked.accepted(new ArticleDigest(title, bullets));
    }
}

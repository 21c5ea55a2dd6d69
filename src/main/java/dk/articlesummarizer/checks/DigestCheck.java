package dk.articlesummarizer.checks;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import dk.articlesummarizer.glossary.Glossary;
import dk.articlesummarizer.language.LanguageGate;
import dk.articlesummarizer.llm.AnswerCheck;
import dk.articlesummarizer.llm.ArticleDigest;
import io.micrometer.core.instrument.MeterRegistry;

/** Checks headline and bullets written from a long article's key facts, which were checked against its passages. */
@Singleton
public class DigestCheck extends AnswerReading {

    public DigestCheck(LanguageGate languages, MeterRegistry metrics) {
        super(languages, metrics);
    }

    /** @param facts what the headline and bullets are written from */
    public AnswerCheck.Checked<ArticleDigest> check(String answer, boolean truncated, String givenTitle, String facts,
            Glossary glossary) {
        return read(answer, truncated, json -> check(json, givenTitle, facts, glossary));
    }

    private Verdict<ArticleDigest> check(AnswerJson json, String givenTitle, String facts, Glossary glossary) {
        // Written from facts without placeholders: there are none to take out.
        GlossaryCheck.Outcome ruled = GlossaryCheck.formsPutRight(glossary, json.text(AnswerJson.Field.TITLE, false),
                tidyBullets(json.strings(AnswerJson.Field.SUMMARY), json.repairs()), json.repairs());
        List<String> bullets = ruled.bullets();
        String title = titleOrDerived(ruled.title(), bullets, json.repairs());
        String known = facts + "\n" + givenTitle;
        Optional<Violation> violation = json.missingFields()
                .or(() -> summary(title, bullets, known, known));
        return new Verdict<>(violation, new ArticleDigest(title, bullets));
    }
}

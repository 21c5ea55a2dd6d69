package dk.articlesummarizer.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

import dk.articlesummarizer.glossary.Glossary;
import dk.articlesummarizer.llm.AnswerCheck;
import dk.articlesummarizer.llm.TranslatedArticle;
import dk.articlesummarizer.text.Chunker;
import dk.articlesummarizer.text.Placeholders;
import io.micrometer.core.instrument.MeterRegistry;

/** Checks the one-call answer for an ordinary article: translation, headline and bullets. */
@Singleton
public class TranslationCheck extends AnswerReading {

    private final AnswerInspector inspector;

    public TranslationCheck(AnswerInspector inspector, MeterRegistry metrics) {
        super(metrics);
        this.inspector = inspector;
    }

    /**
     * @param source the article's paragraphs, with placeholders for an HTML or Markdown article's markup
     * @param markup whether the paragraphs are an HTML or Markdown article's
     */
    public AnswerCheck.Checked<TranslatedArticle> check(String answer, boolean truncated, String source,
            String givenTitle, Glossary glossary, boolean markup) {
        return read(answer, truncated, json -> check(json, source, givenTitle, glossary, markup));
    }

    private Verdict<TranslatedArticle> check(AnswerJson json, String source, String givenTitle, Glossary glossary,
            boolean markup) {
        Set<Repair> repairs = json.repairs();
        String given = AnswerInspector.paragraphBreaks(Chunker.paragraphs(source).size(),
                json.text(AnswerJson.Field.TRANSLATION, true), repairs);
        MarkupCheck.Outcome marked = markup ? MarkupCheck.check(source, given, repairs)
                : new MarkupCheck.Outcome(Optional.empty(), given);
        String words = Placeholders.strip(source);
        List<String> tidied = AnswerInspector.tidyBullets(json.strings(AnswerJson.Field.SUMMARY), repairs).stream()
                .map(bullet -> MarkupCheck.withoutPlaceholders(bullet, repairs)).toList();
        GlossaryCheck.Outcome ruled = GlossaryCheck.enforce(glossary, words + "\n" + givenTitle, marked.translation(),
                MarkupCheck.withoutPlaceholders(json.text(AnswerJson.Field.TITLE, false), repairs), tidied, repairs);
        NameForms.Outcome named = NameForms.unify(glossary, ruled.translation(), ruled.title(), ruled.bullets());
        repairs.addAll(named.repairs());
        String derivedTitle = AnswerInspector.titleOrDerived(named.title(), named.bullets(), repairs);
        QuoteCheck.Outcome quoted = QuoteCheck.check(words, givenTitle, named.translation(), derivedTitle,
                named.bullets());
        repairs.addAll(quoted.repairs());
        String translation = quoted.translation();
        String translatedWords = Placeholders.strip(translation);
        List<String> bullets = quoted.bullets();
        String title = quoted.title();
        Optional<Violation> violation = json.missingFields()
                .or(marked::violation)
                .or(ruled::violation)
                .or(() -> inspector.translation(words, translatedWords))
                .or(quoted::violation)
                .or(() -> AnswerInspector.bullets(bullets))
                .or(() -> AnswerInspector.numbers(words + "\n" + givenTitle, claims(title, bullets)))
                .or(() -> AnswerInspector.names(words + "\n" + givenTitle + "\n" + translatedWords, bullets));
        return violation.isPresent() ? Verdict.rejected(violation.get())
                : Verdict.accepted(new TranslatedArticle(title, translation, bullets));
    }

    static List<String> claims(String title, List<String> bullets) {
        List<String> claims = new ArrayList<>(bullets);
        claims.add(title);
        return claims;
    }
}

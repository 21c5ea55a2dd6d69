package dk.articlesummarizer.checks;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

import dk.articlesummarizer.glossary.Glossary;
import dk.articlesummarizer.language.LanguageGate;
import dk.articlesummarizer.llm.AnswerCheck;
import dk.articlesummarizer.llm.TranslatedArticle;
import dk.articlesummarizer.text.Chunker;
import dk.articlesummarizer.text.Placeholders;
import io.micrometer.core.instrument.MeterRegistry;

/** Checks the one-call answer for an ordinary article: translation, headline and bullets. */
@Singleton
public class TranslationCheck extends AnswerReading {

    public TranslationCheck(LanguageGate languages, MeterRegistry metrics) {
        super(languages, metrics);
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
        String given = paragraphBreaks(Chunker.paragraphs(source).size(),
                json.text(AnswerJson.Field.TRANSLATION, true), repairs);
        MarkupCheck.Outcome marked = markup ? MarkupCheck.check(source, given, repairs)
                : new MarkupCheck.Outcome(Optional.empty(), given);
        String words = Placeholders.strip(source);
        List<String> tidied = bulletsOf(json);
        GlossaryCheck.Outcome ruled = GlossaryCheck.enforce(glossary, words + "\n" + givenTitle, marked.translation(),
                titleOf(json), tidied, repairs);
        NameForms.Outcome named = NameForms.unify(glossary, ruled.translation(), ruled.title(), ruled.bullets());
        repairs.addAll(named.repairs());
        String derivedTitle = titleOrDerived(named.title(), named.bullets(), repairs);
        QuoteCheck.Outcome quoted = QuoteCheck.check(words, givenTitle, named.translation(), derivedTitle,
                named.bullets(), repairs);
        String translatedWords = Placeholders.strip(quoted.translation());
        Optional<Violation> violation = json.missingFields()
                .or(marked::violation)
                .or(ruled::violation)
                .or(() -> completeEnglish(words, translatedWords))
                .or(quoted::violation)
                .or(() -> summary(quoted.title(), quoted.bullets(), words + "\n" + givenTitle,
                        words + "\n" + givenTitle + "\n" + translatedWords));
        return new Verdict<>(violation, new TranslatedArticle(quoted.title(), quoted.translation(), quoted.bullets()));
    }
}

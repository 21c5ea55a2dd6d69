package dk.articlesummarizer.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.articlesummarizer.cache.CacheConfig;
import dk.articlesummarizer.cache.CacheKey;
import dk.articlesummarizer.cache.ParagraphMemory;
import dk.articlesummarizer.cache.RememberedParagraph;
import dk.articlesummarizer.cache.SummaryCache;
import dk.articlesummarizer.glossary.Glossary;
import dk.articlesummarizer.llm.ArticleDigest;
import dk.articlesummarizer.llm.ArticleLlmClient;
import dk.articlesummarizer.llm.ArticleUpdate;
import dk.articlesummarizer.llm.Deadline;
import dk.articlesummarizer.llm.Prompts;
import dk.articlesummarizer.llm.UpdatePrompt;
import dk.articlesummarizer.text.Chunker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Updated articles pay for what changed. Every paragraph of an ordinary answer is remembered (its English, and the
 * answer it was part of); when a later article has most of its paragraphs remembered from one earlier answer, it is
 * an update of that story: only the new or changed paragraphs go to the LLM, each with its English neighbours as
 * context, in one call that also writes the whole article's headline and bullets from the previous ones.
 */
@ApplicationScoped
public class ArticleUpdates {

    /** Below this share of paragraphs remembered from one earlier answer, an article is a new story. */
    static final double MIN_REMEMBERED_SHARE = 0.5;

    private final ParagraphMemory memory;
    private final SummaryCache answers;
    private final ArticleLlmClient llm;
    private final Questions questions;
    private final ObjectMapper json;
    private final boolean enabled;
    private final Counter fallbacks;

    public ArticleUpdates(ParagraphMemory memory, SummaryCache answers, ArticleLlmClient llm, ObjectMapper json,
            CacheConfig config, MeterRegistry metrics, Questions questions) {
        this.questions = questions;
        this.fallbacks = metrics.counter("summarizer.updates.fallbacks");
        this.enabled = config.paragraphMemory();
        this.memory = memory;
        this.answers = answers;
        this.llm = llm;
        this.json = json;
    }

    /** The story's previous headline and bullets. */
    record Previous(String title, List<String> summary) {
    }

    /** An update found: the article's paragraphs, those remembered, and the story's previous answer. */
    record Update(List<String> paragraphs, List<Optional<RememberedParagraph>> remembered, Previous previous) {
    }

    /**
     * The article as an update of a story answered before; empty when it is a new story (too few of its paragraphs
     * remembered from one answer), or that answer is no longer cached. Blocking.
     */
    Optional<Update> find(SummaryService.Article article) {
        if (!enabled) {
            return Optional.empty();
        }
        List<String> paragraphs = Chunker.paragraphs(article.text().value());
        List<Optional<RememberedParagraph>> remembered = new ArrayList<>();
        for (String paragraph : paragraphs) {
            remembered.add(memory.getStored(keyOf(paragraph, article.glossary())));
        }
        return story(remembered, paragraphs.size()).flatMap(this::previous)
                .map(previous -> new Update(paragraphs, remembered, previous));
    }

    /** The update's answer: one call for the changed paragraphs, headline and bullets. Blocking. */
    Summary answer(SummaryService.Article article, Update update, String language, Deadline deadline,
            Progress progress) {
        List<String> paragraphs = update.paragraphs();
        List<Optional<RememberedParagraph>> remembered = update.remembered();
        List<UpdatePrompt.Change> changes = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            if (remembered.get(i).isEmpty()) {
                changes.add(new UpdatePrompt.Change(i + 1, paragraphs.get(i), english(remembered, i - 1),
                        english(remembered, i + 1)));
            }
        }
        progress.planned(1);
        if (changes.isEmpty()) {
            return retitled(article, remembered, language, deadline, progress);
        }
        ArticleLlmClient.Translated<ArticleUpdate> answer = llm.ask(deadline, questions.update(article.title(),
                before(update.previous()), changes, article.glossary(), article.markup() != null));
        progress.stepDone();
        List<String> translation = new ArrayList<>();
        int next = 0;
        for (Optional<RememberedParagraph> paragraph : remembered) {
            translation.add(paragraph.isPresent() ? paragraph.get().english()
                    : answer.value().paragraphs().get(next++));
        }
        return new Summary(answer.value().title(), String.join("\n\n", translation), answer.value().summary(),
                language, answer.model(), answer.usage(), 1, paragraphs.size() - changes.size());
    }

    /**
     * The same text under another headline: every paragraph is remembered, so only a headline and bullets are
     * written, from the remembered English (the call a long article's digest makes).
     */
    private Summary retitled(SummaryService.Article article, List<Optional<RememberedParagraph>> remembered,
            String language, Deadline deadline, Progress progress) {
        String translation = String.join("\n\n", remembered.stream().map(known -> known.get().english()).toList());
        ArticleLlmClient.Translated<ArticleDigest> digest = llm.ask(deadline, questions.digest(article.title(),
                translation, article.glossary()));
        progress.stepDone();
        return new Summary(digest.value().title(), translation, digest.value().summary(), language, digest.model(),
                digest.usage(), 1, remembered.size());
    }

    /** Counts an update whose answer stayed unusable, answered by the whole article's one-call translation. */
    void fellBack() {
        fallbacks.increment();
    }

    /** Remembers each paragraph's translation of an answer just made, when it has one per paragraph. Blocking. */
    void remember(SummaryService.Article article, Summary summary) {
        List<String> danish = Chunker.paragraphs(article.text().value());
        List<String> english = Chunker.paragraphs(summary.translation());
        if (!enabled || danish.size() != english.size()) {
            return;
        }
        for (int i = 0; i < danish.size(); i++) {
            memory.put(keyOf(danish.get(i), article.glossary()),
                    new RememberedParagraph(english.get(i), article.key().sha256()));
        }
    }

    /**
     * A paragraph is remembered under its own text whatever stands around it (the model, the prompt version and
     * the glossary entries it has count too): docs/architecture.md says why.
     */
    private CacheKey keyOf(String paragraph, Glossary glossary) {
        return CacheKey.of(paragraph, "paragraph", llm.model(), Prompts.VERSION,
                glossary.foundIn(paragraph).fingerprint());
    }

    /** The earlier answer most remembered paragraphs come from, if they are enough to call this an update of it. */
    private static Optional<String> story(List<Optional<RememberedParagraph>> remembered, int paragraphs) {
        Map<String, Integer> counts = new HashMap<>();
        remembered.forEach(paragraph -> paragraph.ifPresent(known -> counts.merge(known.article(), 1, Integer::sum)));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .filter(most -> most.getValue() >= MIN_REMEMBERED_SHARE * paragraphs)
                .map(Map.Entry::getKey);
    }

    private Optional<Previous> previous(String answerKey) {
        return answers.getStored(new CacheKey(answerKey)).flatMap(cached -> {
            try {
                JsonNode answer = json.readTree(cached.json());
                List<String> bullets = new ArrayList<>();
                answer.path("summary").forEach(bullet -> bullets.add(bullet.asText()));
                return Optional.of(new Previous(answer.path("title").asText(), bullets));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    private static String before(Previous previous) {
        StringBuilder before = new StringBuilder(previous.title());
        previous.summary().forEach(bullet -> before.append("\n- ").append(bullet));
        return before.toString();
    }

    private static String english(List<Optional<RememberedParagraph>> remembered, int index) {
        return index < 0 || index >= remembered.size() ? ""
                : remembered.get(index).map(RememberedParagraph::english).orElse("");
    }
}

package dk.articlesummarizer.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dk.articlesummarizer.cache.CacheKey;
import dk.articlesummarizer.cache.ChunkCache;
import dk.articlesummarizer.cache.CoalescingCache;
import dk.articlesummarizer.cache.TranslatedPassage;
import dk.articlesummarizer.glossary.Glossary;
import dk.articlesummarizer.llm.ArticleDigest;
import dk.articlesummarizer.llm.ArticleLlmClient;
import dk.articlesummarizer.llm.ChunkTranslation;
import dk.articlesummarizer.llm.Deadline;
import dk.articlesummarizer.llm.LlmConfig;
import dk.articlesummarizer.llm.Prompts;
import dk.articlesummarizer.llm.Usage;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import dk.articlesummarizer.text.ArticleText;
import dk.articlesummarizer.text.Chunk;
import dk.articlesummarizer.text.Chunker;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Translates an article too long for one call passage by passage, concurrently and each passage cached on its
 * own, then writes headline and bullets from the passages' key facts. A passage that fails is halved and tried
 * again; one that still fails fails the whole request.
 */
@ApplicationScoped
public class LongArticleSummarizer {

    /** How often a passage may be halved again: a quarter of a passage is the smallest unit that fails alone. */
    static final int MAX_BISECTIONS = 2;

    private final ContextBudget budget;
    private final ArticleLlmClient llm;
    private final Questions questions;
    private final ChunkCache passages;
    private final int parallelism;

    public LongArticleSummarizer(ContextBudget budget, ArticleLlmClient llm, ChunkCache passages,
            LlmConfig llmConfig, Questions questions) {
        this.questions = questions;
        this.budget = budget;
        this.llm = llm;
        this.passages = passages;
        this.parallelism = Math.max(1, llmConfig.maxConcurrency());
    }

    /** Whether the article is too long for one call. */
    public boolean isLong(ArticleText text) {
        return text.value().length() > budget.passageChars();
    }

    /**
     * Rounds of LLM calls the article needs, each of which may take a request's deadline: one for an ordinary
     * article; the passages, as many at once as the LLM's concurrency limit allows, then the digest.
     */
    public int rounds(ArticleText text) {
        if (!isLong(text)) {
            return 1;
        }
        int passageCount = Chunker.split(text.value(), budget.passageChars(), budget.contextChars()).size();
        return (passageCount + parallelism - 1) / parallelism + 1;
    }

    /**
     * What every call for one article shares.
     *
     * @param store whether passages and part digests may be cached (never for a no-store request)
     * @param glossary the entries that occur in the article
     * @param markup whether the paragraphs carry placeholders for HTML or Markdown markup
     */
    private record Work(boolean store, Deadline deadline, Glossary glossary, boolean markup) {
    }

    /** @param store whether passages and part digests may be cached (never for a no-store request) */
    public Summary summarize(ArticleText text, String title, Glossary glossary, boolean markup, String language,
            boolean store, Deadline deadline, Progress progress) {
        Work work = new Work(store, deadline, glossary, markup);
        List<Chunk> chunks = Chunker.split(text.value(), budget.passageChars(), budget.contextChars());
        progress.planned(chunks.size() + 1);
        List<TranslatedChunk> translated = translateAll(chunks, work, progress);
        String translation = assemble(translated);
        Usage usage = translated.stream().map(part -> part.passage().usage()).reduce(Usage.NONE, Usage::plus);
        ArticleLlmClient.Translated<ArticleDigest> digest = digest(title, facts(translated, translation), work);
        progress.stepDone();
        // The model that wrote the headline and bullets; a passage may have been translated by another of the chain.
        int reused = translated.stream().filter(TranslatedChunk::reused).mapToInt(part -> part.chunk().paragraphCount())
                .sum();
        return new Summary(digest.value().title(), translation, digest.value().summary(), language, digest.model(),
                usage.plus(digest.usage()), chunks.size(), reused);
    }

    /**
     * The passages, translated as many at once as the LLM's concurrency limit (so that one article does not fill the
     * admission queue by itself), and put back in order. The calling thread translates too, and waits only for
     * passages that another thread has already taken: it never blocks on work still queued for the pool it runs on
     * (Java 17 has no structured concurrency or virtual threads to do this for us).
     */
    private List<TranslatedChunk> translateAll(List<Chunk> chunks, Work work, Progress progress) {
        List<CompletableFuture<List<TranslatedChunk>>> translated = chunks.stream()
                .map(chunk -> new CompletableFuture<List<TranslatedChunk>>()).toList();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        Runnable lane = () -> {
            int i;
            while (!failed.get() && (i = next.getAndIncrement()) < chunks.size()) {
                try {
                    List<TranslatedChunk> passage = translate(chunks.get(i), 0, work);
                    progress.stepDone();
                    translated.get(i).complete(passage);
                } catch (Throwable e) {
                    translated.get(i).completeExceptionally(e);
                    failed.set(true); // one failed passage fails the article: take no further ones
                }
            }
        };
        for (int helper = 1; helper < Math.min(parallelism, chunks.size()); helper++) {
            Infrastructure.getDefaultWorkerPool().execute(lane);
        }
        lane.run();
        List<TranslatedChunk> inOrder = new ArrayList<>();
        // Every passage below next.get() was taken by a running lane, which completes it whatever happens.
        for (int i = 0; i < Math.min(next.get(), chunks.size()); i++) {
            inOrder.addAll(join(translated.get(i)));
        }
        return inOrder;
    }

    private static List<TranslatedChunk> join(CompletableFuture<List<TranslatedChunk>> passage) {
        try {
            return passage.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /** A passage and its translation; a passage that was bisected stands as its two halves. */
    record TranslatedChunk(Chunk chunk, TranslatedPassage passage, boolean reused) {
    }

    /**
     * A passage's translation, from the cache when this passage, in this context, was translated before. A passage
     * whose answers stay unusable is split in two and each half translated on its own, so that one passage a model
     * stumbles over does not fail the whole article.
     */
    private List<TranslatedChunk> translate(Chunk chunk, int depth, Work work) {
        try {
            CoalescingCache.Lookup<TranslatedPassage> passage = translateWhole(chunk, work);
            return List.of(new TranslatedChunk(chunk, passage.value(), passage.hit()));
        } catch (ProblemException e) {
            Optional<List<Chunk>> halves = depth < MAX_BISECTIONS && e.type() == ProblemType.LLM_UNUSABLE_ANSWER
                    ? Chunker.halves(chunk, budget.contextChars()) : Optional.empty();
            if (halves.isEmpty()) {
                throw e;
            }
            List<TranslatedChunk> translated = new ArrayList<>();
            halves.get().forEach(half -> translated.addAll(translate(half, depth + 1, work)));
            return translated;
        }
    }

    private CoalescingCache.Lookup<TranslatedPassage> translateWhole(Chunk chunk, Work work) {
        String passage = chunk.text();
        Glossary glossary = work.glossary().foundIn(passage);
        Supplier<TranslatedPassage> call = () -> {
            ArticleLlmClient.Translated<ChunkTranslation> answer = llm.ask(work.deadline(),
                    questions.passage(chunk.context(), passage, chunk.paragraphCount(), glossary, work.markup()));
            return new TranslatedPassage(answer.value().translation(), answer.value().facts(), answer.usage());
        };
        return cachedIf(work.store(), CacheKey.of(passage, chunk.context(), llm.model(), Prompts.VERSION,
                glossary.fingerprint()), call);
    }

    /** The call's result, through the passage cache when the request allows storing. */
    private CoalescingCache.Lookup<TranslatedPassage> cachedIf(boolean store, CacheKey key,
            Supplier<TranslatedPassage> call) {
        if (!store) {
            return new CoalescingCache.Lookup<>(call.get(), false);
        }
        CoalescingCache.Lookup<TranslatedPassage> lookup = passages.getOrLoad(key, call);
        // Only calls made for this request count towards its usage.
        return lookup.hit() ? new CoalescingCache.Lookup<>(lookup.value().withoutUsage(), true) : lookup;
    }

    /**
     * Puts the passages' paragraphs back in order. A passage that begins inside a paragraph (a paragraph too long
     * for one passage) continues it, joined with a space; a passage's own paragraphs are taken as the model gave
     * them, so a merged or split paragraph moves no text to the wrong place.
     */
    static String assemble(List<TranslatedChunk> translated) {
        List<StringBuilder> paragraphs = new ArrayList<>();
        int lastParagraph = -1;
        for (TranslatedChunk part : translated) {
            List<Chunk.Piece> pieces = part.chunk().pieces();
            List<String> english = Chunker.paragraphs(part.passage().translation());
            boolean continues = pieces.get(0).paragraph() == lastParagraph && !paragraphs.isEmpty();
            for (int p = 0; p < english.size(); p++) {
                if (p == 0 && continues) {
                    paragraphs.get(paragraphs.size() - 1).append(' ').append(english.get(0));
                } else {
                    paragraphs.add(new StringBuilder(english.get(p)));
                }
            }
            lastParagraph = pieces.get(pieces.size() - 1).paragraph();
        }
        return String.join("\n\n", paragraphs);
    }

    /**
     * What the digest is written from: the passages' key facts, passage by passage, so that no call carries the
     * whole translation; the start of the translation when no passage gave any.
     */
    private String facts(List<TranslatedChunk> translated, String translation) {
        String facts = translated.stream().map(part -> String.join("\n", part.passage().facts()))
                .filter(passageFacts -> !passageFacts.isBlank()).collect(Collectors.joining("\n\n"));
        return facts.isBlank() ? Chunker.pack(Chunker.paragraphs(translation), "\n\n", budget.promptChars()).get(0)
                : facts;
    }

    /** Headline and bullets from the facts; past one prompt's room, from digests of their parts. */
    private ArticleLlmClient.Translated<ArticleDigest> digest(String title, String facts, Work work) {
        Deadline deadline = work.deadline();
        if (facts.length() <= budget.promptChars()) {
            return llm.ask(deadline, questions.digest(title, facts, work.glossary()));
        }
        List<String> partDigests = new ArrayList<>();
        Usage usage = Usage.NONE;
        for (String part : Chunker.pack(Chunker.paragraphs(facts), "\n\n", budget.promptChars())) {
            // Cached like passages, so an edit re-digests only the part it falls in.
            CacheKey key = CacheKey.of(part, "digest of a part", llm.model(), Prompts.VERSION,
                    work.glossary().fingerprint());
            TranslatedPassage partDigest = cachedIf(work.store(), key, () -> {
                ArticleLlmClient.Translated<ArticleDigest> answer = llm.ask(deadline,
                        questions.digest("", part, work.glossary()));
                return new TranslatedPassage("", answer.value().summary(), answer.usage());
            }).value();
            partDigests.add(String.join("\n", partDigest.facts()));
            usage = usage.plus(partDigest.usage());
        }
        ArticleLlmClient.Translated<ArticleDigest> overall = llm.ask(deadline, questions.digest(title,
                String.join("\n\n", partDigests), work.glossary()));
        return new ArticleLlmClient.Translated<>(overall.value(), usage.plus(overall.usage()), overall.model());
    }
}

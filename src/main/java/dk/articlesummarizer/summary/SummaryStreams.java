package dk.articlesummarizer.summary;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dk.articlesummarizer.cache.CachedAnswer;
import dk.articlesummarizer.cache.SummaryCache;
import dk.articlesummarizer.llm.ArticleLlmClient;
import dk.articlesummarizer.llm.Deadline;
import dk.articlesummarizer.llm.StreamedTranslation;
import dk.articlesummarizer.llm.TranslatedArticle;
import dk.articlesummarizer.llm.Usage;
import dk.articlesummarizer.llm.guardrail.TranslationGuardrail;
import dk.articlesummarizer.problem.ProblemException;
import io.quarkiverse.langchain4j.runtime.aiservice.ChatEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * An answer as Server-Sent Events: {@code translation} events with the translation as the model writes it, then
 * one {@code answer} event with the whole answer (as {@code POST /summarize} sends it), or an {@code error} event
 * with the problem. The whole answer is checked like any other before it is sent or cached; an answer that fails
 * the checks is asked for again the ordinary way (with the reprompt), and its {@code answer} event replaces what
 * was streamed. A cached answer, and a long article (translated passage by passage), come as the one
 * {@code answer} event.
 */
@ApplicationScoped
public class SummaryStreams {

    public static final String TRANSLATION = "translation";
    public static final String ANSWER = "answer";
    public static final String ERROR = "error";

    private final SummaryService summaries;
    private final ArticleLlmClient llm;
    private final TranslationGuardrail checks;
    private final SummaryCache cache;
    private final SummaryJson json;
    private final Deadlines deadlines;
    private final LongArticleSummarizer longArticles;
    private final ObjectMapper mapper;

    public SummaryStreams(SummaryService summaries, ArticleLlmClient llm, TranslationGuardrail checks,
            SummaryCache cache, SummaryJson json, Deadlines deadlines, LongArticleSummarizer longArticles,
            ObjectMapper mapper) {
        this.summaries = summaries;
        this.llm = llm;
        this.checks = checks;
        this.cache = cache;
        this.json = json;
        this.deadlines = deadlines;
        this.longArticles = longArticles;
        this.mapper = mapper;
    }

    /** One event: its name and its data, a JSON text. */
    public record Event(String name, String data) {
    }

    /**
     * Checks the article and takes its turn at the LLM at once (a bad article, or a refusal, throws its problem
     * before any event); blocking. The events come later; a caller that leaves cancels the provider's stream and
     * frees the turn.
     */
    public Multi<Event> stream(String rawText, String rawTitle, CachePolicy policy, String requestId) {
        SummaryService.Admitted admitted = summaries.admit(rawText, rawTitle, policy);
        if (admitted.cached().isPresent()) {
            return Multi.createFrom().item(answer(admitted.cached().get().json()));
        }
        SummaryService.Article article = admitted.article();
        Deadline deadline = deadlines.forArticle(longArticles.rounds(article.text()));
        Multi<Event> events;
        if (longArticles.isLong(article.text())) {
            events = deadlines.onWorker(deadline, () -> answer(summaries.answer(admitted, policy, deadline,
                    Progress.NONE).json())).toMulti();
        } else {
            StreamedTranslation translation = new StreamedTranslation();
            events = llm.stream(deadline, article.title(), article.text().value())
                    .onItem().transformToMultiAndConcatenate(event -> {
                        if (event instanceof ChatEvent.PartialResponseEvent partial) {
                            String shown = translation.add(partial.getChunk());
                            return shown.isEmpty() ? Multi.createFrom().empty()
                                    : Multi.createFrom().item(new Event(TRANSLATION, text(shown)));
                        }
                        if (event instanceof ChatEvent.ChatCompletedEvent completed) {
                            return Multi.createFrom()
                                    .item(() -> finish(admitted, policy, deadline, completed.getChatResponse()))
                                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                        }
                        return Multi.createFrom().empty();
                    });
        }
        return events.onFailure().recoverWithItem(failure -> error(failure, requestId))
                .onCancellation().invoke(deadline::cancel);
    }

    private Event finish(SummaryService.Admitted admitted, CachePolicy policy, Deadline deadline,
            ChatResponse response) {
        SummaryService.Article article = admitted.article();
        TranslatedArticle checked = checks.acceptStreamed(response.aiMessage().text(),
                response.finishReason() == FinishReason.LENGTH, article.text().value(), article.title()).orElse(null);
        if (checked == null) {
            // Asked again the ordinary way: the reprompt says what was wrong.
            return answer(summaries.answer(admitted, policy, deadline, Progress.NONE).json());
        }
        TokenUsage tokens = response.tokenUsage();
        Usage usage = tokens == null ? Usage.NONE : new Usage(nonNull(tokens.inputTokenCount()),
                nonNull(tokens.outputTokenCount()));
        Summary summary = new Summary(checked.title(), checked.translation(), checked.summary(), admitted.language(),
                llm.model(), usage, 1);
        if (policy != CachePolicy.BYPASS) {
            cache.put(article.key(), new CachedAnswer(json.bytes(summary, true)));
        }
        return answer(json.bytes(summary, false));
    }

    private static int nonNull(Integer count) {
        return count == null ? 0 : count;
    }

    private static Event answer(byte[] answerJson) {
        return new Event(ANSWER, new String(answerJson, java.nio.charset.StandardCharsets.UTF_8));
    }

    private Event error(Throwable failure, String requestId) {
        return new Event(ERROR, write(ProblemException.unexpected(failure).toProblem(requestId)));
    }

    private String text(String shown) {
        return write(Map.of("text", shown));
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Events always serialize", e);
        }
    }
}

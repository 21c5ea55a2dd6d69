package dk.articlesummarizer.pipeline;

import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.articlesummarizer.llm.ArticleLlmClient;
import dk.articlesummarizer.llm.Deadline;
import dk.articlesummarizer.llm.Question;
import dk.articlesummarizer.llm.StreamEvent;
import dk.articlesummarizer.llm.StreamedTranslation;
import dk.articlesummarizer.llm.TranslatedArticle;
import dk.articlesummarizer.problem.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * An answer as Server-Sent Events: {@code translation} events with the translation as the model writes it, then
 * one {@code answer} event with the whole answer (as {@code POST /summarize} sends it), or an {@code error} event
 * with the problem. The whole answer is checked like any other before it is sent or cached; an answer that fails
 * the checks is asked for again the ordinary way (with the reprompt), and its {@code answer} event replaces what
 * was streamed. A cached answer, a long article (translated passage by passage), an HTML or Markdown article and
 * an update of a story answered before come as the one {@code answer} event.
 */
@ApplicationScoped
public class SummaryStreams {

    public static final String TRANSLATION = "translation";
    public static final String ANSWER = "answer";
    public static final String ERROR = "error";

    private final SummaryService summaries;
    private final ArticleLlmClient llm;
    private final Questions questions;
    private final SummaryJson json;
    private final Deadlines deadlines;
    private final LongArticleSummarizer longArticles;
    private final ObjectMapper mapper;

    public SummaryStreams(SummaryService summaries, ArticleLlmClient llm, Questions questions,
            SummaryJson json, Deadlines deadlines, LongArticleSummarizer longArticles,
            ObjectMapper mapper) {
        this.summaries = summaries;
        this.llm = llm;
        this.questions = questions;
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
     * before any event); blocking. The events come later; a caller that leaves (told through {@code callerLeaves},
     * also before the events are read) cancels the provider's stream and frees the turn.
     */
    public Multi<Event> stream(ArticleInput input, CachePolicy policy, String caller, String requestId,
            Consumer<Runnable> callerLeaves) {
        SummaryService.Admitted admitted = summaries.admit(input, policy, caller);
        if (admitted.cached().isPresent()) {
            return Multi.createFrom().item(answer(admitted.cached().get().json()));
        }
        SummaryService.Article article = admitted.article();
        Deadline deadline = summaries.paidBy(deadlines.forArticle(longArticles.rounds(article.text())),
                admitted.caller());
        callerLeaves.accept(deadline::cancel);
        Multi<Event> events;
        // Markup goes back around the words only when the whole answer is there: such an article comes whole too.
        if (longArticles.isLong(article.text()) || article.markup() != null || summaries.isUpdate(admitted, policy)) {
            events = deadlines.onWorker(deadline, () -> answer(summaries.answer(admitted, policy, deadline,
                    Progress.NONE).json())).toMulti();
        } else {
            StreamedTranslation translation = new StreamedTranslation();
            Question<TranslatedArticle> question = questions.translation(article.title(), article.text().value(),
                    article.glossary(), false);
            events = llm.stream(deadline, question)
                    .onItem().transformToMultiAndConcatenate(event -> {
                        if (event instanceof StreamEvent.Partial partial) {
                            String shown = translation.add(partial.text());
                            return shown.isEmpty() ? Multi.createFrom().empty()
                                    : Multi.createFrom().item(new Event(TRANSLATION, text(shown)));
                        }
                        StreamEvent.Completed completed = (StreamEvent.Completed) event;
                        return Multi.createFrom().item(() -> finish(admitted, policy, deadline, question, completed))
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                    });
        }
        return events.onFailure().recoverWithItem(failure -> error(failure, requestId))
                .onCancellation().invoke(deadline::cancel);
    }

    /** The whole answer, checked as the ordinary call's is, kept, and sent as the {@code answer} event. */
    private Event finish(SummaryService.Admitted admitted, CachePolicy policy, Deadline deadline,
            Question<TranslatedArticle> question, StreamEvent.Completed response) {
        SummaryService.Article article = admitted.article();
        TranslatedArticle checked = question.check().check(response.text(), response.truncated()).value();
        if (checked == null) {
            // Asked again the ordinary way: the reprompt says what was wrong.
            return answer(summaries.answer(admitted, policy, deadline, Progress.NONE).json());
        }
        Summary summary = SummaryService.finished(article, new Summary(checked.title(), checked.translation(),
                checked.summary(), admitted.language(), response.model(), response.usage(), 1, 0));
        summaries.keep(admitted, summary, policy);
        return answer(json.bytes(summary, false));
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

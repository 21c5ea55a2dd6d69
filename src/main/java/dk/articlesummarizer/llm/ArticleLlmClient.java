package dk.articlesummarizer.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dk.articlesummarizer.common.OncePerInterval;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Asks the chain of models a {@link Question}, or streams the answer to one. Each model is asked at most once per call:
 * the call takes its turn at that model's {@link LlmGate} (limit, queue, breaker) and is retried there with backoff
 * for transient faults; when it still fails, for whatever reason (unreachable, breaker open, busy, timed out, failing
 * after its retries, or an answer that failed our checks after the reprompt), the next model is asked, all within
 * the caller's {@link Deadline}.
 */
@ApplicationScoped
public class ArticleLlmClient {

    private static final Logger LOG = Logger.getLogger(ArticleLlmClient.class);
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(30);

    /** The first answer and one more, after a correction: a model that gets it wrong twice will not the third time. */
    static final int MAX_ANSWERS = 2;

    private final ModelChain chain;
    private final LlmConfig config;
    private final Map<String, OncePerInterval> logs = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;

    public ArticleLlmClient(ModelChain chain, LlmConfig config, MeterRegistry metrics) {
        this.chain = chain;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * The primary model: what answers are keyed on (the caller asks for the service's answer, whichever model of
     * the chain gives it).
     */
    public String model() {
        return chain.primary().model();
    }

    /**
     * A value some LLM call produced, with what it cost.
     *
     * @param model the model of the chain that answered
     */
    public record Translated<T>(T value, Usage usage, String model) {
    }

    /** The question's answer from the first model of the chain that gives one its check accepts. */
    public <T> Translated<T> ask(Deadline deadline, Question<T> question) {
        List<Failed> failed = new ArrayList<>();
        for (ModelLink link : chain.links()) {
            try {
                refuseIfMisconfigured(link);
                Translated<T> answer = link.gate().call(deadline, question.subject(),
                        () -> attempt(link, deadline, question));
                answered(link, answer.usage(), failed);
                return answer;
            } catch (ProblemException refused) {
                if (refused.type() == ProblemType.BUDGET_EXHAUSTED) {
                    throw refused; // the caller's, not the model's: no other model may spend it either
                }
                // Refused at the gate (logged there) or misconfigured: nothing reached the provider.
                failed.add(new Failed(link, refused));
            } catch (Exception e) {
                ProblemException problem = link.failures().toProblem(e);
                // A call stopped because its caller left or ran out of time says nothing about the model.
                failed.add(new Failed(link, deadline.cancelled() ? problem : report(link, problem, e)));
            }
            if (!movesOn(link, deadline)) {
                break;
            }
        }
        throw exhausted(failed);
    }

    private void refuseIfMisconfigured(ModelLink link) {
        if (link.endpoint().problem().isPresent()) {
            throw new ProblemException(ProblemType.LLM_MISCONFIGURED, "The service cannot call its LLM "
                    + link.model() + " (" + link.label() + "): " + link.endpoint().problemForCallers().get()
                    + ". The operator must fix the configuration.");
        }
    }

    /**
     * One model's answer, read by the question's check; an answer the check refuses is asked for again once, in the
     * same conversation, with the correction. An accepted answer's tokens (the refused one's included) are charged
     * while the turn is held, so that the next call racing the same budget sees them; an answer that stays unusable
     * is the service's failure, not the caller's, and is not charged.
     */
    private <T> Translated<T> attempt(ModelLink link, Deadline deadline, Question<T> question) {
        if (deadline.expired()) {
            throw new ProviderFault(ProviderFault.Kind.ABANDONED, null);
        }
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(question.system()),
                UserMessage.from(question.user())));
        Usage usage = Usage.NONE;
        try (Deadline.Registration abort = deadline.interruptWhenCancelled()) {
            for (int answers = 1;; answers++) {
                ChatResponse response = link.chat().chat(messages, question.shape());
                usage = usage.plus(priced(link, response.tokenUsage()));
                String text = response.aiMessage().text();
                AnswerCheck.Checked<T> checked = question.check().check(text == null ? "" : text,
                        response.finishReason() == FinishReason.LENGTH);
                if (checked.correction().isEmpty()) {
                    deadline.payer().spend(usage);
                    return new Translated<>(checked.value(), usage, link.model());
                }
                if (answers == MAX_ANSWERS) {
                    throw new ProviderFault(ProviderFault.Kind.UNUSABLE_ANSWER, null);
                }
                messages.add(response.aiMessage());
                messages.add(UserMessage.from(checked.correction().get()));
            }
        } catch (RuntimeException e) {
            throw link.failures().classify(e);
        }
    }

    /**
     * The one-call answer as a model writes it: pieces of its JSON, then the whole. The turn at the first model
     * whose gate admits it is taken now (when every model refuses, the refusal is thrown before any event) and held
     * until that provider's stream ends, fails or is cancelled (the caller left: the provider's connection is closed).
     * A stream that fails before its first piece moves on to the next model; after it, it fails with the problem.
     * Streams are not retried: a caller may already have part of the answer. The question is asked in the prompt
     * form; its answer is checked by whoever reads the whole.
     */
    public Multi<StreamEvent> stream(Deadline deadline, Question<?> question) {
        return streamFrom(0, deadline, ChatRequest.builder().messages(SystemMessage.from(question.system()),
                UserMessage.from(question.user())).build(), new ArrayList<>(), new HashMap<>(MDC.getMap()));
    }

    private Multi<StreamEvent> streamFrom(int index, Deadline deadline, ChatRequest request, List<Failed> failed,
            Map<String, Object> logContext) {
        ModelLink link = chain.links().get(index);
        LlmGate.Turn turn;
        try {
            refuseIfMisconfigured(link);
            turn = link.gate().enter(deadline);
            // A caller that leaves before the events are read (or at all) frees the turn at once.
            deadline.whenCancelled(turn::close);
            if (deadline.cancelled()) {
                throw new ProblemException(ProblemType.LLM_TIMEOUT, "The caller left while the stream waited for a"
                        + " turn at the model " + link.model() + ".");
            }
            deadline.payer().refuseIfSpent();
        } catch (ProblemException refused) {
            if (refused.type() == ProblemType.BUDGET_EXHAUSTED) {
                throw refused;
            }
            failed.add(new Failed(link, refused));
            if (!movesOn(link, deadline)) {
                throw exhausted(failed);
            }
            return streamFrom(index + 1, deadline, request, failed, logContext);
        }
        AtomicBoolean started = new AtomicBoolean();
        return providerStream(link, request, deadline)
                .onItem().invoke(() -> started.set(true))
                .onTermination().invoke(turn::close)
                .onFailure().recoverWithMulti(e -> {
                    ProblemException problem = inContext(logContext, () -> report(link,
                            link.failures().toProblem(link.failures().classify(e)),
                            e instanceof Exception exception ? exception : new IllegalStateException(e)));
                    failed.add(new Failed(link, problem));
                    if (started.get()) {
                        return Multi.createFrom().failure(problem);
                    }
                    if (!movesOn(link, deadline)) {
                        return Multi.createFrom().failure(exhausted(failed));
                    }
                    // The next gate may make this thread wait for a turn: not on the provider client's thread.
                    return Multi.createFrom()
                            .deferred(() -> streamFrom(index + 1, deadline, request, failed, logContext))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                });
    }

    /**
     * Runs {@code work} with the request's logging context (its request id): a stream fails on the provider
     * client's thread, which has none of its own.
     */
    private static <T> T inContext(Map<String, Object> context, Supplier<T> work) {
        context.forEach(MDC::put);
        try {
            return work.get();
        } finally {
            context.keySet().forEach(MDC::remove);
        }
    }

    private Multi<StreamEvent> providerStream(ModelLink link, ChatRequest request, Deadline deadline) {
        AtomicInteger written = new AtomicInteger();
        AtomicBoolean completed = new AtomicBoolean();
        return Multi.createFrom().<StreamEvent> emitter(emitter -> {
            StreamingHandle call = link.streaming().start(request, new StreamingChatResponseHandler() {

                    @Override
                    public void onPartialResponse(String piece) {
                        written.addAndGet(piece.length());
                        emitter.emit(new StreamEvent.Partial(piece));
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        completed.set(true);
                        Usage usage = priced(link, response.tokenUsage());
                        deadline.payer().spend(usage);
                        answered(link, usage, List.of());
                        emitter.emit(new StreamEvent.Completed(response.aiMessage().text(),
                                response.finishReason() == FinishReason.LENGTH, usage, link.model()));
                        emitter.complete();
                    }

                    @Override
                    public void onError(Throwable error) {
                        emitter.fail(error);
                    }
                });
            // The provider's connection closes when the caller leaves, also before anything reads the events.
            emitter.onTermination(call::cancel);
            deadline.whenCancelled(call::cancel);
        }).onCancellation().invoke(() -> {
                    if (!completed.get()) {
                        deadline.payer().spend(estimated(link, request, written.get()));
                    }
                });
    }

    /**
     * What a stream left unfinished cost: the provider reports usage only at the end, so a caller that leaves is
     * charged about four characters a token for the prompt and what was written.
     */
    private static Usage estimated(ModelLink link, ChatRequest request, int writtenChars) {
        int promptChars = request.messages().stream().mapToInt(message -> message.toString().length()).sum();
        return link.usage(promptChars / 4, writtenChars / 4);
    }

    private static Usage priced(ModelLink link, TokenUsage tokens) {
        return tokens == null ? Usage.NONE
                : link.usage(orZero(tokens.inputTokenCount()), orZero(tokens.outputTokenCount()));
    }

    private static int orZero(Integer count) {
        return count == null ? 0 : count;
    }

    /** A model that failed a call, and how. */
    private record Failed(ModelLink link, ProblemException problem) {
    }

    /**
     * What the caller gets when no model answered: the last model's problem (its status and Retry-After), with what
     * happened at each model when there were several.
     */
    private static ProblemException exhausted(List<Failed> failed) {
        ProblemException last = failed.get(failed.size() - 1).problem();
        if (failed.size() == 1) {
            return last;
        }
        StringBuilder detail = new StringBuilder("No model of the chain answered.");
        for (Failed one : failed) {
            detail.append(' ').append(one.link().model()).append(" (").append(one.link().label()).append("): ")
                    .append(one.problem().getMessage());
        }
        return new ProblemException(last.type(), detail.toString(), last.retryAfter().orElse(null), last,
                last.headers());
    }

    private void answered(ModelLink link, Usage usage, List<Failed> before) {
        metrics.counter("summarizer.llm.answers", "model", link.model()).increment();
        metrics.counter("summarizer.llm.tokens", "model", link.model(), "direction", "input")
                .increment(usage.inputTokens());
        metrics.counter("summarizer.llm.tokens", "model", link.model(), "direction", "output")
                .increment(usage.outputTokens());
        metrics.counter("summarizer.llm.cost", "model", link.model(), "currency", config.priceCurrency())
                .increment(usage.cost());
        if (link != chain.primary()) {
            logs.computeIfAbsent("fallback " + link.label(), name -> new OncePerInterval(LOG_INTERVAL))
                    .event(heldBack -> LOG.warnf("A fallback model answers: %s, after %s failed (%d more such"
                            + " answers since the last such line; see summarizer_llm_fallbacks_total)",
                            link.describe(), before.isEmpty() ? "the model before it"
                                    : before.get(before.size() - 1).link().describe(), heldBack));
        }
    }

    /** Whether the chain moves on from this failed model: there is a next one, and time to ask it. */
    private boolean movesOn(ModelLink link, Deadline deadline) {
        if (deadline.expired() || link == chain.links().get(chain.links().size() - 1)) {
            return false;
        }
        metrics.counter("summarizer.llm.fallbacks", "model", link.model()).increment();
        return true;
    }

    private ProblemException report(ModelLink link, ProblemException problem, Exception cause) {
        metrics.counter("summarizer.llm.failures", "model", link.model(), "type", problem.type().slug()).increment();
        // One line per model, kind and half minute, whatever the flood; provider messages may quote the prompt, so
        // only our own summary at WARN/ERROR, the rest at DEBUG.
        logs.computeIfAbsent(link.label() + " " + problem.type(), key -> new OncePerInterval(LOG_INTERVAL))
                .event(heldBack -> {
                    if (problem.type() == ProblemType.LLM_CREDENTIALS_REJECTED) {
                        LOG.errorf("The LLM provider of %s rejected the configured credentials; check %sAPI_KEY",
                                link.describe(), link.settings());
                    } else {
                        LOG.warnf("LLM call to %s failed: %s (%d more since the last such line; see"
                                + " summarizer_llm_failures_total)", link.describe(), problem.type().title(),
                                heldBack);
                    }
                });
        LOG.debugf(cause, "LLM call failure details");
        return problem;
    }
}

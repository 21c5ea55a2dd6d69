package dk.articlesummarizer.llm;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dk.articlesummarizer.common.OncePerInterval;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.langchain4j.ChatMemoryRemover;
import io.quarkiverse.langchain4j.runtime.aiservice.ChatEvent;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Multi;

/**
 * Asks the LLM for one article's translation and summary: each call takes its turn at the {@link LlmGate} (limit,
 * queue, circuit breaker) and is retried there with backoff for transient faults (SmallRye Fault Tolerance's
 * programmatic API, so that every limit comes from run-time configuration), within the caller's {@link Deadline}.
 */
@ApplicationScoped
public class ArticleLlmClient {

    private static final Logger LOG = Logger.getLogger(ArticleLlmClient.class);

    private final ArticleTranslator translator;
    private final StreamingTranslator streaming;
    private final LlmEndpoint endpoint;
    private final LlmGate gate;
    private final LlmConfig config;
    private final ProviderFailures failures;
    private final Map<ProblemType, OncePerInterval> failureLogs = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;

    public ArticleLlmClient(ArticleTranslator translator, StreamingTranslator streaming, LlmConfig config,
            LlmEndpoint endpoint, LlmGate gate, MeterRegistry metrics) {
        this.metrics = metrics;
        this.streaming = streaming;
        this.translator = translator;
        this.endpoint = endpoint;
        this.gate = gate;
        this.config = config;
        this.failures = new ProviderFailures(config, endpoint);
    }

    /** Retries within one turn; a retry waits no longer than the deadline leaves, and none starts after it. */
    private Guard retries(Deadline deadline) {
        return Guard.create()
                .withDescription("llm-provider-retries")
                .withRetry()
                    .maxRetries(config.maxAttempts() - 1)
                    .delay(config.backoff().toMillis(), ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS)
                    // The deadline bounds the whole sequence; this only must not cut it shorter.
                    .maxDuration(1, ChronoUnit.DAYS)
                    .whenException(failure -> failure instanceof ProviderFault fault && fault.retryable()
                            && fault.retryAfter().map(wait -> wait.compareTo(config.maxBackoff()) <= 0).orElse(true)
                            && !deadline.expired())
                    .withCustomBackoff()
                        .strategy(() -> new ProviderBackoff(config.backoff(), config.maxBackoff(), deadline))
                        .done()
                    .done()
                .build();
    }

    public String model() {
        return config.model();
    }

    /** An ordinary article: translation, headline and bullets in one call. */
    public Translated<TranslatedArticle> translate(Deadline deadline, String title, String article) {
        return guarded(deadline, callId -> translator.translate(callId, title, article));
    }

    /** One passage of a long article; {@code context} is the text before it, not to be translated. */
    public Translated<ChunkTranslation> translateChunk(Deadline deadline, String context, String passage,
            int paragraphs) {
        return guarded(deadline, callId -> translator.translateChunk(callId, context, passage, paragraphs));
    }

    /** Headline and bullets of a long article from the key facts of its passages. */
    public Translated<ArticleDigest> digest(Deadline deadline, String title, String facts) {
        return guarded(deadline, callId -> translator.digest(callId, title, facts));
    }

    /**
     * The one-call answer as the model writes it: chunks of its JSON, then the whole response. The turn at the
     * gate is taken now (a refusal is thrown before any event) and held until the provider's stream ends, fails or
     * is cancelled (the caller left: quarkus-langchain4j 1.10's OpenAI client cannot abort the HTTP stream itself,
     * its streaming handle does nothing, so the provider finishes it unread). A fault arrives as the failure of the
     * stream, already a {@link ProblemException}. Streams are not retried: a caller already has part of the answer.
     */
    public Multi<ChatEvent> stream(Deadline deadline, String title, String article) {
        refuseIfMisconfigured();
        LlmGate.Turn turn = gate.enter(deadline);
        return streaming.translate(title, article)
                .onTermination().invoke(turn::close)
                .onFailure().transform(e -> report(failures.toProblem(failures.classify(e)),
                        e instanceof Exception exception ? exception : new IllegalStateException(e)));
    }

    /** A value some LLM call produced, with what it cost. */
    public record Translated<T>(T value, Usage usage) {
    }

    private <T> Translated<T> guarded(Deadline deadline, Function<String, T> call) {
        refuseIfMisconfigured();
        try {
            Guard retried = retries(deadline);
            return gate.call(deadline, () -> retried.call(() -> attempt(deadline, call), Translated.class));
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw report(failures.toProblem(e), e);
        }
    }

    private void refuseIfMisconfigured() {
        if (endpoint.problem().isPresent()) {
            throw new ProblemException(ProblemType.LLM_MISCONFIGURED, "The service cannot call its LLM: "
                    + endpoint.problem().get() + ". The operator must fix the configuration.");
        }
    }

    @SuppressWarnings("unchecked")
    private <T> Translated<T> attempt(Deadline deadline, Function<String, T> call) {
        if (deadline.expired()) {
            throw new ProviderFault(ProviderFault.Kind.ABANDONED, -1, null, null);
        }
        String callId = UUID.randomUUID().toString();
        try {
            return TokenMeter.measure(() -> call.apply(callId));
        } catch (RuntimeException e) {
            throw failures.classify(e);
        } finally {
            ChatMemoryRemover.remove(translator, callId);
        }
    }

    private ProblemException report(ProblemException problem, Exception cause) {
        metrics.counter("summarizer.llm.failures", "type", problem.type().slug()).increment();
        // One line per kind and half minute, whatever the flood; provider messages may quote the prompt, so only
        // our own summary at WARN/ERROR, the rest at DEBUG.
        failureLogs.computeIfAbsent(problem.type(), type -> new OncePerInterval(Duration.ofSeconds(30)))
                .event(heldBack -> {
                    if (problem.type() == ProblemType.LLM_CREDENTIALS_REJECTED) {
                        LOG.errorf("The LLM provider at %s rejected the configured credentials; check LLM_API_KEY",
                                failures.endpoint());
                    } else {
                        LOG.warnf("LLM call failed: %s (%d more since the last such line; see"
                                + " summarizer_llm_failures_total)", problem.type().title(), heldBack);
                    }
                });
        LOG.debugf(cause, "LLM call failure details");
        return problem;
    }
}

package dk.articlesummarizer.llm;

import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import io.quarkiverse.langchain4j.ChatMemoryRemover;
import io.quarkiverse.langchain4j.runtime.aiservice.ChatEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.faulttolerance.api.Guard;

/**
 * Asks the LLM for one article's translation and summary under the provider policy: retries with backoff for
 * transient faults, a circuit breaker around the provider and a bulkhead that bounds calls in flight (SmallRye
 * Fault Tolerance's programmatic API, so that every limit comes from run-time configuration).
 */
@ApplicationScoped
public class ArticleLlmClient {

    private static final Logger LOG = Logger.getLogger(ArticleLlmClient.class);

    private final ArticleTranslator translator;
    private final StreamingTranslator streaming;
    private final LlmEndpoint endpoint;
    private final ProviderFailures failures;
    private final String model;
    private final Guard providerPolicy;

    public ArticleLlmClient(ArticleTranslator translator, StreamingTranslator streaming, LlmConfig config,
            LlmEndpoint endpoint) {
        this.streaming = streaming;
        this.translator = translator;
        this.endpoint = endpoint;
        this.failures = new ProviderFailures(config, endpoint);
        this.model = config.model();
        this.providerPolicy = providerPolicy(config);
    }

    private static Guard providerPolicy(LlmConfig config) {
        var bulkhead = Guard.create()
                .withDescription("llm-provider")
                .withRetry()
                    .maxRetries(config.maxAttempts() - 1)
                    .delay(config.backoff().toMillis(), ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS)
                    // The request deadline bounds the whole sequence; this only must not cut it shorter.
                    .maxDuration(1, ChronoUnit.DAYS)
                    .whenException(failure -> failure instanceof ProviderFault fault && fault.retryable()
                            && fault.retryAfter().map(wait -> wait.compareTo(config.maxBackoff()) <= 0).orElse(true))
                    .withCustomBackoff()
                        .strategy(() -> new ProviderBackoff(config.backoff(), config.maxBackoff()))
                        .done()
                    .done()
                .withCircuitBreaker()
                    .name("llm-provider")
                    .requestVolumeThreshold(config.circuitBreaker().window())
                    .failureRatio(config.circuitBreaker().failureRatio())
                    .delay(config.circuitBreaker().delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    .when(failure -> failure instanceof ProviderFault fault && fault.countsAgainstProvider())
                    .done()
                .withBulkhead()
                    .limit(config.maxConcurrency());
        // LLM_QUEUE_SIZE=0: a call beyond the concurrency limit is refused at once rather than queued.
        return (config.queueSize() > 0 ? bulkhead.queueSize(config.queueSize()).enableSynchronousQueueing() : bulkhead)
                .done()
                .build();
    }

    public String model() {
        return model;
    }

    /** An ordinary article: translation, headline and bullets in one call. */
    public Translated<TranslatedArticle> translate(String title, String article) {
        return guarded(callId -> translator.translate(callId, title, article));
    }

    /** One passage of a long article; {@code context} is the text before it, not to be translated. */
    public Translated<ChunkTranslation> translateChunk(String context, String passage, int paragraphs) {
        return guarded(callId -> translator.translateChunk(callId, context, passage, paragraphs));
    }

    /** Headline and bullets of a long article from the key facts of its passages. */
    public Translated<ArticleDigest> digest(String title, String facts) {
        return guarded(callId -> translator.digest(callId, title, facts));
    }

    /**
     * The one-call answer as the model writes it: chunks of its JSON, then the whole response. A fault arrives as
     * the failure of the stream, already a {@link ProblemException}. Streams are not retried: a caller already has
     * part of the answer.
     */
    public Multi<ChatEvent> stream(String title, String article) {
        if (endpoint.problem().isPresent()) {
            return Multi.createFrom().failure(new ProblemException(ProblemType.LLM_MISCONFIGURED, "The service"
                    + " cannot call its LLM: " + endpoint.problem().get() + ". The operator must fix the"
                    + " configuration."));
        }
        return streaming.translate(title, article)
                .onFailure().transform(e -> report(failures.toProblem(failures.classify(e)),
                        e instanceof Exception exception ? exception : new IllegalStateException(e)));
    }

    /** A value some LLM call produced, with what it cost. */
    public record Translated<T>(T value, Usage usage) {
    }

    @SuppressWarnings("unchecked")
    private <T> Translated<T> guarded(Function<String, T> call) {
        if (endpoint.problem().isPresent()) {
            throw new ProblemException(ProblemType.LLM_MISCONFIGURED, "The service cannot call its LLM: "
                    + endpoint.problem().get() + ". The operator must fix the configuration.");
        }
        try {
            return providerPolicy.call(() -> attempt(call), Translated.class);
        } catch (Exception e) {
            throw report(failures.toProblem(e), e);
        }
    }

    private <T> Translated<T> attempt(Function<String, T> call) {
        if (Thread.currentThread().isInterrupted()) {
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
        // Provider messages may quote the prompt: only our own summary at WARN/ERROR, the rest at DEBUG.
        if (problem.type() == ProblemType.LLM_CREDENTIALS_REJECTED) {
            LOG.errorf("The LLM provider at %s rejected the configured credentials; check LLM_API_KEY",
                    failures.endpoint());
        } else {
            LOG.warnf("LLM call failed: %s", problem.type().title());
        }
        LOG.debugf(cause, "LLM call failure details");
        return problem;
    }
}

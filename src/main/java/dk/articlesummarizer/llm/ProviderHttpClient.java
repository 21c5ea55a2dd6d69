package dk.articlesummarizer.llm;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.langchain4j.model.chat.response.StreamingHandle;

/**
 * How LangChain4j's OpenAI models reach a provider: the JDK's HttpClient, whose cancelled exchange closes its
 * connection. Written here (instead of langchain4j-http-client-jdk) for what that client does not do: a blocking call
 * whose thread is interrupted cancels its exchange, {@code LLM_TIMEOUT} bounds the whole call and not only its
 * headers, a stream can be aborted from its start (LangChain4j hands out a stream's handle only with its first
 * piece), and a 429 or 5xx keeps the provider's {@code Retry-After}.
 */
final class ProviderHttpClient implements HttpClient {

    /**
     * How long an idle connection stays in the JDK client's pool, in seconds, unless the JVM is told otherwise. A
     * pooled connection keeps its last exchange reachable (its connect timer's exchange with the request and the
     * response body, and the socket's last 16K read buffer), so a no-store article's text would outlive its answer
     * for the JDK's default of 1,200 s; after a second the connection is closed and that all goes. Read once, when
     * the JDK's ConnectionPool class is first used: set before any JDK HttpClient is built in this JVM.
     */
    private static final String KEEP_ALIVE = "jdk.httpclient.keepalive.timeout";

    static {
        if (System.getProperty(KEEP_ALIVE) == null) {
            System.setProperty(KEEP_ALIVE, "1");
        }
    }

    /** The exchange a stream started on this thread belongs to (set only while {@link #streaming} runs). */
    private static final ThreadLocal<Exchange> STARTING = new ThreadLocal<>();

    private final java.net.http.HttpClient jdk;
    private final Duration timeout;

    private ProviderHttpClient(java.net.http.HttpClient jdk, Duration timeout) {
        this.jdk = jdk;
        this.timeout = timeout;
    }

    /**
     * A builder for LangChain4j's OpenAI client; the JDK client is one per model of the chain, over HTTP/1.1 so
     * that an aborted call closes its own connection (over HTTP/2 only its stream would be reset).
     */
    static Builder builder(Duration timeout) {
        return new Builder(java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).build());
    }

    /** Runs {@code start}, which starts one stream through this kind of client on this thread, as {@code exchange}. */
    static void streaming(Exchange exchange, Runnable start) {
        STARTING.set(exchange);
        try {
            start.run();
        } finally {
            STARTING.remove();
        }
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        CompletableFuture<HttpResponse<String>> sent = jdk.sendAsync(jdkRequest(request), BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            response = sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException abandoned) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderFault(ProviderFault.Kind.ABANDONED, abandoned);
        } catch (java.util.concurrent.TimeoutException late) {
            sent.cancel(true);
            // With a message: quarkus-langchain4j's metrics listener tags a failure with it, and fails without one.
            throw new TimeoutException("No whole answer within " + timeout, late);
        } catch (ExecutionException failed) {
            throw transportFailure(failed.getCause());
        }
        if (!successful(response.statusCode())) {
            throw refused(response.statusCode(), response.headers(), response.body());
        }
        return toResponse(response, response.body());
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        Exchange exchange = STARTING.get() == null ? new Exchange() : STARTING.get();
        ServerSentEventListener unlessAborted = new UnlessAborted(listener, exchange);
        CompletableFuture<HttpResponse<InputStream>> sent = jdk.sendAsync(jdkRequest(request),
                BodyHandlers.ofInputStream());
        exchange.sent(sent);
        sent.thenAccept(response -> {
            try (InputStream body = response.body()) {
                exchange.receiving(body);
                if (!successful(response.statusCode())) {
                    unlessAborted.onError(refused(response.statusCode(), response.headers(),
                            new String(body.readAllBytes(), UTF_8)));
                    return;
                }
                unlessAborted.onOpen(toResponse(response, null));
                parser.parse(body, unlessAborted);
                unlessAborted.onClose();
            } catch (IOException | RuntimeException e) {
                unlessAborted.onError(e);
            }
        }).exceptionally(failure -> {
            unlessAborted.onError(transportFailure(failure));
            return null;
        });
    }

    private java.net.http.HttpRequest jdkRequest(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(timeout)
                .method(request.method().name(), request.body() == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private static boolean successful(int status) {
        return status >= 200 && status < 300;
    }

    private static SuccessfulHttpResponse toResponse(HttpResponse<?> response, String body) {
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(response.headers().map())
                .body(body).build();
    }

    /**
     * A 429 or 5xx as a fault that keeps its {@code Retry-After}, without the body as its cause: LangChain4j would
     * replace the fault by what it maps the body's HTTP status to. Any other refusal as LangChain4j reports it.
     */
    private static RuntimeException refused(int status, HttpHeaders headers, String body) {
        if (status == 429 || status >= 500) {
            return new ProviderFault(status == 429 ? ProviderFault.Kind.RATE_LIMITED : ProviderFault.Kind.SERVER_ERROR,
                    status, retryAfter(headers), null);
        }
        return new HttpException(status, body);
    }

    /** The provider's {@code Retry-After}, in seconds or as an HTTP date, when it sent one that reads. */
    private static Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").map(String::strip).orElse("");
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static RuntimeException transportFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException || failure instanceof ExecutionException
                ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return new TimeoutException(cause);
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return cause instanceof IOException io ? new UncheckedIOException(io) : new RuntimeException(cause);
    }

    /**
     * One stream's exchange with the provider, and the handle that aborts it: before the provider answers, the
     * request is cancelled; after, its body is closed. Either closes the connection.
     */
    static final class Exchange implements StreamingHandle {

        private CompletableFuture<?> sent;
        private InputStream body;
        private boolean cancelled;

        synchronized void sent(CompletableFuture<?> request) {
            this.sent = request;
            if (cancelled) {
                request.cancel(true);
            }
        }

        synchronized void receiving(InputStream stream) throws IOException {
            this.body = stream;
            if (cancelled) {
                stream.close();
            }
        }

        @Override
        public void cancel() {
            CompletableFuture<?> request;
            InputStream stream;
            synchronized (this) {
                if (cancelled) {
                    return;
                }
                cancelled = true;
                request = sent;
                stream = body;
            }
            if (request != null) {
                request.cancel(true);
            }
            if (stream != null) {
                try {
                    stream.close();
                } catch (IOException alreadyGone) {
                    // closed either way
                }
            }
        }

        @Override
        public synchronized boolean isCancelled() {
            return cancelled;
        }
    }

    /** Says nothing more once the exchange is aborted: whoever aborted it is not listening any more. */
    private record UnlessAborted(ServerSentEventListener listener, Exchange exchange)
            implements ServerSentEventListener {

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            if (!exchange.isCancelled()) {
                listener.onOpen(response);
            }
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            if (!exchange.isCancelled()) {
                listener.onEvent(event);
            }
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            if (!exchange.isCancelled()) {
                listener.onEvent(event, context);
            }
        }

        @Override
        public void onError(Throwable error) {
            if (!exchange.isCancelled() && !(error instanceof CancellationException)) {
                listener.onError(error);
            }
        }

        @Override
        public void onClose() {
            if (!exchange.isCancelled()) {
                listener.onClose();
            }
        }
    }

    /** Shares the model's JDK client among the clients LangChain4j builds for it; its timeout is per request. */
    static final class Builder implements HttpClientBuilder {

        private final java.net.http.HttpClient jdk;
        private Duration connectTimeout;
        private Duration readTimeout;
        private volatile boolean used;

        private Builder(java.net.http.HttpClient jdk) {
            this.jdk = jdk;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public ProviderHttpClient build() {
            used = true;
            return new ProviderHttpClient(jdk, readTimeout);
        }

        /** Whether a model took a client from this builder (LangChain4j's own OpenAI client does). */
        boolean used() {
            return used;
        }
    }
}

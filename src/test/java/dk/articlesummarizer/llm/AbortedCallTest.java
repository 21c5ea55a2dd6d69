package dk.articlesummarizer.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;

/**
 * A call nobody waits for any more is aborted: the provider sees its connection closed within a second, whether the
 * caller's thread is interrupted during a blocking call or a stream's handle is cancelled (or its handler fails).
 * Against a provider over real HTTP that never finishes, with the models the chain is built of.
 */
class AbortedCallTest {

    private static final Duration PROVIDER_TAKES = Duration.ofSeconds(10);
    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final ChatRequest REQUEST = ChatRequest.builder().messages(UserMessage.from("Hej")).build();

    private static OpenAiModels models(StallingProvider provider) {
        return OpenAiModels.of(provider.baseUrl(), "m", "sk-test", Duration.ofSeconds(30), 100, List.of());
    }

    @Test
    void aBlockingCallWhoseThreadIsInterruptedClosesTheProvidersConnection() throws Exception {
        try (StallingProvider provider = new StallingProvider(0, PROVIDER_TAKES)) {
            ChatModel chat = models(provider).chat();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    chat.chat(REQUEST);
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            });
            caller.start();
            provider.awaitRequest();
            Thread.sleep(300);

            long interrupted = System.nanoTime();
            caller.interrupt();

            assertClosedWithinASecond(provider, interrupted, "blocking call, thread interrupted");
            caller.join(WITHIN.toMillis());
            assertFalse(caller.isAlive(), "the caller is let go");
            Throwable cause = failure.get();
            while (cause != null && !(cause instanceof ProviderFault)) {
                cause = cause.getCause();
            }
            ProviderFault fault = assertInstanceOf(ProviderFault.class, cause, "the failure says why");
            assertEquals(ProviderFault.Kind.ABANDONED, fault.kind());
        }
    }

    @Test
    void aStreamCancelledAfterItsFirstPieceClosesTheProvidersConnection() throws Exception {
        try (StallingProvider provider = new StallingProvider(1, PROVIDER_TAKES)) {
            Listening handler = new Listening();
            StreamingHandle stream = models(provider).streaming().start(REQUEST, handler);
            assertTrue(handler.firstPiece.await(10, TimeUnit.SECONDS), "the first piece arrives");

            long cancelled = System.nanoTime();
            stream.cancel();

            assertClosedWithinASecond(provider, cancelled, "stream, cancelled after its first piece");
            Thread.sleep(200);
            assertEquals(List.of("piece 0 "), handler.heard, "nothing is heard after the cancel");
        }
    }

    @Test
    void aStreamCancelledBeforeItsFirstPieceClosesTheProvidersConnection() throws Exception {
        try (StallingProvider provider = new StallingProvider(0, PROVIDER_TAKES)) {
            Listening handler = new Listening();
            StreamingHandle stream = models(provider).streaming().start(REQUEST, handler);
            provider.awaitRequest();

            long cancelled = System.nanoTime();
            stream.cancel();

            assertClosedWithinASecond(provider, cancelled, "stream, cancelled before its first piece");
            Thread.sleep(200);
            assertEquals(List.of(), handler.heard, "nothing is heard after the cancel");
        }
    }

    @Test
    void aStreamCancelledThroughThePiecesContextClosesTheProvidersConnection() throws Exception {
        try (StallingProvider provider = new StallingProvider(1, PROVIDER_TAKES)) {
            AtomicReference<Long> cancelled = new AtomicReference<>();
            Listening handler = new Listening() {
                @Override
                public void onPartialResponse(PartialResponse piece, PartialResponseContext context) {
                    cancelled.set(System.nanoTime());
                    context.streamingHandle().cancel();
                    super.onPartialResponse(piece, context);
                }
            };
            models(provider).streaming().start(REQUEST, handler);
            assertTrue(handler.firstPiece.await(10, TimeUnit.SECONDS), "the first piece arrives");

            assertClosedWithinASecond(provider, cancelled.get(), "stream, cancelled by its handler");
        }
    }

    @Test
    void aStreamWhoseHandlerThrowsClosesTheProvidersConnection() throws Exception {
        try (StallingProvider provider = new StallingProvider(1, PROVIDER_TAKES)) {
            AtomicReference<Long> thrown = new AtomicReference<>();
            Listening handler = new Listening() {
                @Override
                public void onPartialResponse(PartialResponse piece, PartialResponseContext context) {
                    thrown.set(System.nanoTime());
                    super.onPartialResponse(piece, context);
                    throw new IllegalStateException("the caller went away");
                }
            };
            models(provider).streaming().start(REQUEST, handler);
            assertTrue(handler.firstPiece.await(10, TimeUnit.SECONDS), "the first piece arrives");

            assertClosedWithinASecond(provider, thrown.get(), "stream, its handler threw");
            Thread.sleep(200);
            assertEquals(1, handler.errors.size(), "the handler hears its own failure once");
        }
    }

    private static void assertClosedWithinASecond(StallingProvider provider, long abortedAt, String what)
            throws InterruptedException {
        long closedAt = provider.awaitClose(Duration.ofSeconds(5));
        assertTrue(closedAt > 0, what + ": the provider's connection was not closed");
        Duration took = Duration.ofNanos(closedAt - abortedAt);
        System.out.printf("%s: the provider saw its connection closed %d ms after the abort%n", what,
                took.toMillis());
        assertTrue(took.compareTo(WITHIN) < 0, what + ": closed after " + took.toMillis() + " ms");
    }

    /** Notes what a stream's caller hears. */
    private static class Listening implements StreamingChatResponseHandler {

        final CountDownLatch firstPiece = new CountDownLatch(1);
        final List<String> heard = new CopyOnWriteArrayList<>();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();

        @Override
        public void onPartialResponse(PartialResponse piece, PartialResponseContext context) {
            heard.add(piece.text());
            firstPiece.countDown();
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            heard.add("(complete)");
        }

        @Override
        public void onError(Throwable error) {
            errors.add(error);
            heard.add("(error)");
        }
    }
}

package dk.articlesummarizer.llm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.message.UserMessage;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The chain the running service asks is built on the client that aborts: an interrupted call to the primary closes
 * the provider's connection within a second (see {@link AbortedCallTest} for streams and the details).
 */
@QuarkusTest
@WithTestResource(ChainAbortTest.Stalling.class)
class ChainAbortTest {

    /** A provider that never answers, as the primary. */
    public static class Stalling implements QuarkusTestResourceLifecycleManager {

        static StallingProvider provider;

        @Override
        public Map<String, String> start() {
            try {
                provider = new StallingProvider(0, Duration.ofSeconds(10));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("llm.base-url", provider.baseUrl(), "llm.model", "stalling-model");
        }

        @Override
        public void stop() {
            try {
                provider.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    ModelChain chain;

    @Test
    void anInterruptedCallToThePrimaryClosesTheProvidersConnection() throws Exception {
        Thread caller = new Thread(() -> {
            try {
                chain.primary().chat().chat(List.of(UserMessage.from("Hej")), TranslatedArticle.class);
            } catch (RuntimeException expected) {
                // abandoned
            }
        });
        caller.start();
        Stalling.provider.awaitRequest();
        Thread.sleep(300);

        long interrupted = System.nanoTime();
        caller.interrupt();

        long closed = Stalling.provider.awaitClose(Duration.ofSeconds(5));
        assertTrue(closed > 0, "the provider's connection was not closed");
        Duration took = Duration.ofNanos(closed - interrupted);
        System.out.printf("the chain's primary, thread interrupted: the provider saw its connection closed %d ms"
                + " after the interrupt%n", took.toMillis());
        assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "closed after " + took.toMillis() + " ms");
        caller.join(1000);
        assertFalse(caller.isAlive(), "the caller is let go");
    }
}

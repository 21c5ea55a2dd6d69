package dk.articlesummarizer.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Two fake OpenAI-compatible providers over real HTTP: the primary model and one fallback, each with its own key,
 * model name and prices. Test classes receive them in fields annotated {@link Primary} and {@link Fallback}.
 */
public class FakeOpenAiChain implements QuarkusTestResourceLifecycleManager {

    public static final String FALLBACK_MODEL = "fallback-model-2";
    public static final String FALLBACK_API_KEY = "sk-fallback-93b1";
    /** Per million tokens: the primary's input and output, then the fallback's. */
    public static final double PRIMARY_INPUT_PRICE = 2.5;
    public static final double PRIMARY_OUTPUT_PRICE = 10;
    public static final double FALLBACK_INPUT_PRICE = 0.15;
    public static final double FALLBACK_OUTPUT_PRICE = 0.6;
    /** Articles in the breakers' window. */
    public static final int BREAKER_WINDOW = 4;

    private WireMockServer primary;
    private WireMockServer fallback;

    @Override
    public Map<String, String> start() {
        primary = new WireMockServer(wireMockConfig().dynamicPort().extensions(new FakeTranslator()));
        fallback = new WireMockServer(wireMockConfig().dynamicPort().extensions(new FakeTranslator()));
        primary.start();
        fallback.start();
        return Map.ofEntries(
                Map.entry("llm.base-url", primary.baseUrl() + "/v1"),
                Map.entry("llm.api-key", FakeOpenAi.API_KEY),
                Map.entry("llm.model", FakeOpenAi.MODEL),
                Map.entry("llm.price.input-per-million", String.valueOf(PRIMARY_INPUT_PRICE)),
                Map.entry("llm.price.output-per-million", String.valueOf(PRIMARY_OUTPUT_PRICE)),
                Map.entry("llm.price-currency", "EUR"),
                Map.entry("llm.fallback-1.base-url", fallback.baseUrl() + "/v1"),
                Map.entry("llm.fallback-1.api-key", FALLBACK_API_KEY),
                Map.entry("llm.fallback-1.model", FALLBACK_MODEL),
                Map.entry("llm.fallback-1.price-input-per-million", String.valueOf(FALLBACK_INPUT_PRICE)),
                Map.entry("llm.fallback-1.price-output-per-million", String.valueOf(FALLBACK_OUTPUT_PRICE)),
                Map.entry("llm.max-attempts", "2"),
                Map.entry("llm.circuit-breaker.window", String.valueOf(BREAKER_WINDOW)),
                Map.entry("llm.circuit-breaker.failure-ratio", "0.5"),
                Map.entry("llm.circuit-breaker.delay", "60s"));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(primary,
                new TestInjector.AnnotatedAndMatchesType(Primary.class, WireMockServer.class));
        testInjector.injectIntoFields(fallback,
                new TestInjector.AnnotatedAndMatchesType(Fallback.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        for (WireMockServer server : new WireMockServer[] { primary, fallback }) {
            if (server != null) {
                server.stop();
            }
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Primary {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Fallback {
    }
}

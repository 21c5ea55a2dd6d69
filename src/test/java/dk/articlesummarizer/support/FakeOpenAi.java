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
 * A fake OpenAI-compatible provider over real HTTP, on a random port. Test classes receive the server in a
 * field annotated {@link Inject} and program it with {@link OpenAiStubs}.
 */
public class FakeOpenAi implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "sk-test-4f9c2a7e";
    public static final String MODEL = "test-model-1";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(64)
                .extensions(new FakeTranslator()));
        server.start();
        return Map.of(
                "llm.base-url", server.baseUrl() + "/v1",
                "llm.api-key", API_KEY,
                "llm.model", MODEL);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(Inject.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }
}

package dk.articlesummarizer.observability;

import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import dk.articlesummarizer.llm.ContextBudget;
import dk.articlesummarizer.llm.LlmConfig;
import dk.articlesummarizer.llm.LlmEndpoint;
import dk.articlesummarizer.llm.StructuredOutputModel;
import io.quarkus.runtime.StartupEvent;

/**
 * Says at start which LLM the service talks to and how, and whether it answered, so that an operator does not
 * have to infer it from the first failures: the base URL (without credentials), model, response format and
 * context budget, then the outcome of one {@code GET /models} in the background.
 */
@ApplicationScoped
public class LlmStartupReport {

    private static final Logger LOG = Logger.getLogger(LlmStartupReport.class);

    void report(@Observes StartupEvent started, LlmConfig llm, LlmEndpoint endpoint, StructuredOutputModel model,
            ContextBudget budget, @Readiness ProviderHealthCheck provider) {
        if (endpoint.problem().isPresent()) {
            LOG.warnf("The LLM cannot be called: %s. /summarize answers 503 until the configuration is fixed.",
                    endpoint.problem().get());
            return;
        }
        LOG.infof("LLM: %s, model %s, response format %s, context window %d tokens (answers up to %d), passages of"
                + " up to %d characters", endpoint.shown(), llm.model(), model.inUse(), llm.contextTokens(),
                llm.maxOutputTokens(), budget.passageChars());
        CompletableFuture.runAsync(() -> {
            HealthCheckResponse checked = provider.call();
            Object detail = checked.getData().map(data -> data.get("detail")).orElse("not checked");
            LOG.infof("LLM provider at %s: GET /models %s", endpoint.shown(), detail);
        });
    }
}

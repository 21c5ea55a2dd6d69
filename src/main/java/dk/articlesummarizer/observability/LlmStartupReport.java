package dk.articlesummarizer.observability;

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import dk.articlesummarizer.llm.LlmConfig;
import dk.articlesummarizer.llm.LlmEndpoint;
import dk.articlesummarizer.llm.ModelChain;
import dk.articlesummarizer.llm.ModelLink;
import dk.articlesummarizer.pipeline.ContextBudget;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Says at start which LLM the service talks to and how, and whether it answered, so that an operator does not
 * have to infer it from the first failures: the base URL (without credentials), model, response format and
 * context budget, then the outcome of one {@code GET /models} in the background.
 */
@ApplicationScoped
public class LlmStartupReport {

    private static final Logger LOG = Logger.getLogger(LlmStartupReport.class);

    void report(@Observes StartupEvent started, LlmConfig llm, ModelChain chain, ContextBudget budget,
            @Readiness ProviderHealthCheck provider) {
        for (ModelLink link : chain.links()) {
            if (link.endpoint().problem().isPresent()) {
                LOG.warnf("The LLM %s cannot be called: %s.%s", link.label(), link.endpoint().problem().get(),
                        chain.links().size() == 1 ? " /summarize answers 503 until the configuration is fixed." : "");
                continue;
            }
            LOG.infof("LLM %s: %s, model %s, response format %s, at most %d calls at once, prices per million"
                    + " tokens %s in and %s out (%s)", link.label(), link.endpoint().shown(), link.model(),
                    link.chat().inUse(), link.gate().limit(), link.price().inputPerMillion(),
                    link.price().outputPerMillion(), llm.priceCurrency());
        }
        LOG.infof("LLM chain: %s; context window %d tokens (answers up to %d), passages of up to %d characters",
                chain.links().stream().map(ModelLink::model).collect(Collectors.joining(" -> ")), llm.contextTokens(),
                llm.maxOutputTokens(), budget.passageChars());
        LlmEndpoint primary = chain.primary().endpoint();
        if (primary.problem().isPresent()) {
            return;
        }
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            HealthCheckResponse checked = provider.call();
            Object detail = checked.getData().map(data -> data.get("detail")).orElse("not checked");
            LOG.infof("LLM provider at %s: GET /models %s", primary.shown(), detail);
        });
    }
}

package dk.articlesummarizer.llm;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.service.Result;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import dk.articlesummarizer.summary.Usage;

/** Asks the LLM for one article's translation and summary, and reports failures as problems. */
@ApplicationScoped
public class ArticleLlmClient {

    private static final Logger LOG = Logger.getLogger(ArticleLlmClient.class);

    private final ArticleTranslator translator;
    private final ProviderFailures failures;
    private final String model;
    private final String baseUrl;

    public ArticleLlmClient(ArticleTranslator translator, LlmConfig config) {
        this.translator = translator;
        this.failures = new ProviderFailures(config);
        this.model = config.model();
        this.baseUrl = failures.endpoint();
    }

    public String model() {
        return model;
    }

    public LlmAnswer translate(String title, String article) {
        Result<TranslatedArticle> result;
        try {
            result = translator.translate(title, article);
        } catch (RuntimeException e) {
            ProblemException problem = failures.toProblem(e);
            // Provider messages may quote the prompt: only our own summary at WARN/ERROR, the rest at DEBUG.
            if (problem.type() == ProblemType.LLM_CREDENTIALS_REJECTED) {
                LOG.errorf("The LLM provider at %s rejected the configured credentials; check LLM_API_KEY",
                        baseUrl);
            } else {
                LOG.warnf("LLM call failed: %s", problem.type().title());
            }
            LOG.debugf(e, "LLM call failure details");
            throw problem;
        }
        TranslatedArticle answer = result.content();
        if (answer == null || isBlank(answer.translation()) || isBlank(answer.title()) || answer.summary() == null
                || answer.summary().stream().allMatch(ArticleLlmClient::isBlank)) {
            LOG.warn("LLM answer lacks translation, title or summary");
            throw failures.unusableAnswer(null);
        }
        List<String> bullets = answer.summary().stream().filter(bullet -> !isBlank(bullet)).map(String::strip).toList();
        return new LlmAnswer(new TranslatedArticle(answer.title().strip(), answer.translation().strip(), bullets),
                usage(result.tokenUsage()));
    }

    private static Usage usage(TokenUsage usage) {
        if (usage == null) {
            return new Usage(0, 0);
        }
        return new Usage(orZero(usage.inputTokenCount()),
                orZero(usage.outputTokenCount()));
    }

    private static int orZero(Integer count) {
        return count == null ? 0 : count;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

package dk.articlesummarizer.llm.guardrail;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailRequest;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.service.Result;
import dk.articlesummarizer.llm.TranslatedArticle;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Accepts an answer only when it is complete, parseable JSON that passes {@link AnswerInspector}; otherwise asks
 * the model once more, saying what was wrong (the reprompt limit is on the AI service method).
 */
@ApplicationScoped
public class TranslationGuardrail implements OutputGuardrail {

    private static final Logger LOG = Logger.getLogger(TranslationGuardrail.class);

    private final AnswerInspector inspector;
    private final MeterRegistry metrics;

    public TranslationGuardrail(AnswerInspector inspector, MeterRegistry metrics) {
        this.inspector = inspector;
        this.metrics = metrics;
    }

    @Override
    public OutputGuardrailResult validate(OutputGuardrailRequest request) {
        ChatResponse response = request.responseFromLLM();
        if (response.finishReason() == FinishReason.LENGTH) {
            return reject(new Violation(Violation.Cause.TRUNCATED, "Your answer was cut off before the end. Answer"
                    + " again with the complete JSON object, and keep the summary bullets short."));
        }
        AnswerJson.Parsed parsed = AnswerJson.parse(response.aiMessage().text());
        if (parsed instanceof AnswerJson.Unusable unusable) {
            return reject(unusable.violation());
        }
        AnswerJson.Found found = (AnswerJson.Found) parsed;
        TranslatedArticle answer = new TranslatedArticle(found.article().title().strip(),
                found.article().translation().strip(), AnswerInspector.cleanBullets(found.article().summary()));
        Map<String, Object> variables = request.requestParams().variables();
        String source = String.valueOf(variables.getOrDefault("article", ""));
        String title = String.valueOf(variables.getOrDefault("title", ""));
        var violation = inspector.inspect(source, title, answer);
        if (violation.isPresent()) {
            return reject(violation.get());
        }
        flagUnknownNames(source, answer);
        // Handing back a ready Result makes the AI service return it as is (repairs included) instead of
        // parsing the first answer again; its usage is that of the accepted answer.
        return successWith(AnswerJson.write(answer), Result.<TranslatedArticle> builder()
                .content(answer)
                .tokenUsage(response.tokenUsage())
                .finishReason(response.finishReason())
                .build());
    }

    private OutputGuardrailResult reject(Violation violation) {
        metrics.counter("summarizer.guardrail.violations", "cause", violation.cause().tag()).increment();
        LOG.infof("LLM answer rejected by guardrail: %s; asking again if attempts remain", violation.cause().tag());
        return reprompt("Answer rejected: " + violation.cause().tag(), violation.instruction());
    }

    private void flagUnknownNames(String source, TranslatedArticle answer) {
        List<String> unknown = inspector.unknownNames(source, answer);
        if (!unknown.isEmpty()) {
            metrics.counter("summarizer.guardrail.flags", "cause", "unknown-name").increment();
            LOG.warnf("A summary names %d person(s) or place(s) absent from the article; answer kept, flagged",
                    unknown.size());
            LOG.debugf("Names absent from the article: %s", unknown);
        }
    }
}

package dk.articlesummarizer.llm.guardrail;

import java.util.Optional;
import java.util.function.Function;

import org.jboss.logging.Logger;

import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailRequest;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What every answer check shares: a cut-off answer or one without a JSON object is asked for again, each failed
 * check is counted by cause and each repair by kind, and an accepted answer is handed back as the ready value,
 * which makes the AI service return it as is (repairs included) instead of parsing the first answer again.
 */
abstract class AnswerGuardrail<T> implements OutputGuardrail {

    private static final Logger LOG = Logger.getLogger(AnswerGuardrail.class);
    private static final Violation TRUNCATED = new Violation(Violation.Cause.TRUNCATED, "Your answer was cut off"
            + " before the end. Answer again with the complete JSON object, and keep any bullet points short.");

    protected final MeterRegistry metrics;

    protected AnswerGuardrail(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** Reads and checks the answer: either a violation, or the accepted (possibly repaired) value. */
    protected abstract Checked<T> check(AnswerJson json, OutputGuardrailRequest request);

    @Override
    public OutputGuardrailResult validate(OutputGuardrailRequest request) {
        ChatResponse response = request.responseFromLLM();
        Checked<T> checked = read(response.aiMessage().text(), response.finishReason() == FinishReason.LENGTH,
                json -> check(json, request));
        if (checked.violation().isPresent()) {
            return reprompt("Answer rejected: " + checked.violation().get().cause().tag(),
                    checked.violation().get().instruction());
        }
        return successWith(AnswerJson.write(checked.value()), checked.value());
    }

    /** For an answer checked outside an AI service call: the accepted value, or empty (counted as a violation). */
    protected Optional<T> accept(String answer, boolean truncated, Function<AnswerJson, Checked<T>> check) {
        Checked<T> checked = read(answer, truncated, check);
        return checked.violation().isPresent() ? Optional.empty() : Optional.of(checked.value());
    }

    private Checked<T> read(String answer, boolean truncated, Function<AnswerJson, Checked<T>> check) {
        if (truncated) {
            return counted(Checked.rejected(TRUNCATED));
        }
        Optional<AnswerJson> json = AnswerJson.parse(answer);
        if (json.isEmpty()) {
            return counted(Checked.rejected(AnswerJson.NOT_JSON));
        }
        Checked<T> checked = check.apply(json.get());
        if (checked.violation().isEmpty()) {
            for (Repair repair : json.get().repairs()) {
                metrics.counter("summarizer.guardrail.repairs", "kind", repair.tag()).increment();
            }
            if (!json.get().repairs().isEmpty()) {
                LOG.debugf("LLM answer accepted with repairs: %s", json.get().repairs());
            }
        }
        return counted(checked);
    }

    private Checked<T> counted(Checked<T> checked) {
        checked.violation().ifPresent(violation -> {
            metrics.counter("summarizer.guardrail.violations", "cause", violation.cause().tag()).increment();
            LOG.infof("LLM answer rejected by guardrail: %s; asking again if attempts remain",
                    violation.cause().tag());
        });
        return checked;
    }

    protected static String variable(OutputGuardrailRequest request, String name) {
        Object value = request.requestParams().variables().get(name);
        return value == null ? "" : value.toString();
    }

    /** The outcome of the checks: a violation, or the value to accept. */
    protected record Checked<T>(Optional<Violation> violation, T value) {

        static <T> Checked<T> rejected(Violation violation) {
            return new Checked<>(Optional.of(violation), null);
        }

        static <T> Checked<T> accepted(T value) {
            return new Checked<>(Optional.empty(), value);
        }
    }
}

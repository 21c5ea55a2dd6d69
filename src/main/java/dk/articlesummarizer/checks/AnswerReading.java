package dk.articlesummarizer.checks;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jboss.logging.Logger;

import dk.articlesummarizer.llm.AnswerCheck;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What every answer check shares: a cut-off answer or one without a JSON object is asked for again, each failed
 * check is counted by cause and each repair by kind.
 */
abstract class AnswerReading {

    private static final Logger LOG = Logger.getLogger(AnswerReading.class);
    private static final Violation TRUNCATED = new Violation(Violation.Cause.TRUNCATED, "Your answer was cut off"
            + " before the end. Answer again with the complete JSON object, and keep any bullet points short.");

    protected final MeterRegistry metrics;

    protected AnswerReading(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** Reads the answer's JSON and checks it: the accepted value, or the correction for the model. */
    protected <T> AnswerCheck.Checked<T> read(String answer, boolean truncated,
            Function<AnswerJson, Verdict<T>> check) {
        Verdict<T> verdict = truncated ? Verdict.rejected(TRUNCATED)
                : AnswerJson.parse(answer).map(json -> checked(json, check))
                        .orElseGet(() -> Verdict.rejected(AnswerJson.NOT_JSON));
        if (verdict.violation().isPresent()) {
            Violation violation = verdict.violation().get();
            metrics.counter("summarizer.guardrail.violations", "cause", violation.cause().tag()).increment();
            LOG.infof("LLM answer rejected by the checks: %s; asking again if attempts remain",
                    violation.cause().tag());
            return AnswerCheck.Checked.rejected(violation.instruction());
        }
        return AnswerCheck.Checked.accepted(verdict.value());
    }

    private <T> Verdict<T> checked(AnswerJson json, Function<AnswerJson, Verdict<T>> check) {
        Verdict<T> verdict = check.apply(json);
        if (verdict.violation().isEmpty()) {
            for (Repair repair : json.repairs()) {
                metrics.counter("summarizer.guardrail.repairs", "kind", repair.tag()).increment();
            }
            if (!json.repairs().isEmpty()) {
                LOG.debugf("LLM answer accepted with repairs: %s", json.repairs());
            }
        }
        return verdict;
    }

    /** The answer's bullets, tidied, without placeholders. */
    static List<String> bullets(AnswerJson json) {
        return AnswerInspector.tidyBullets(json.strings(AnswerJson.Field.SUMMARY), json.repairs()).stream()
                .map(bullet -> MarkupCheck.withoutPlaceholders(bullet, json.repairs())).toList();
    }

    /** The answer's headline without placeholders; "" when it gave none. */
    static String title(AnswerJson json) {
        return MarkupCheck.withoutPlaceholders(json.text(AnswerJson.Field.TITLE, false), json.repairs());
    }

    /** The outcome of the checks: the value to accept, unless there is a violation. */
    protected record Verdict<T>(Optional<Violation> violation, T value) {

        static <T> Verdict<T> rejected(Violation violation) {
            return new Verdict<>(Optional.of(violation), null);
        }
    }
}

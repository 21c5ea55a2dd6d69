package dk.articlesummarizer.llm.guardrail;

import java.util.Optional;

import jakarta.inject.Singleton;

import dev.langchain4j.guardrail.OutputGuardrailRequest;
import dk.articlesummarizer.llm.ChunkTranslation;
import io.micrometer.core.instrument.MeterRegistry;

/** Checks the translation of one passage: English, complete, and with one paragraph per source paragraph. */
@Singleton
public class ChunkGuardrail extends AnswerGuardrail<ChunkTranslation> {

    private final AnswerInspector inspector;

    public ChunkGuardrail(AnswerInspector inspector, MeterRegistry metrics) {
        super(metrics);
        this.inspector = inspector;
    }

    @Override
    protected Checked<ChunkTranslation> check(AnswerJson json, OutputGuardrailRequest request) {
        String translation = json.text("translation");
        String passage = variable(request, "passage");
        int paragraphs = Integer.parseInt(variable(request, "paragraphs"));
        Optional<Violation> violation = json.missingFields()
                .or(() -> inspector.translation(passage, translation))
                .or(() -> AnswerInspector.paragraphs(paragraphs, translation));
        return violation.isPresent() ? Checked.rejected(violation.get())
                : Checked.accepted(new ChunkTranslation(translation));
    }
}

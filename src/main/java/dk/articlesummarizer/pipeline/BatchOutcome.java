package dk.articlesummarizer.pipeline;

import dk.articlesummarizer.problem.Problem;

/** One article's outcome in a batch: its answer's JSON, or the problem it met. */
public record BatchOutcome(int status, byte[] answer, Problem problem) {

    static BatchOutcome answered(byte[] answer) {
        return new BatchOutcome(200, answer, null);
    }

    static BatchOutcome failed(Problem problem) {
        return new BatchOutcome(problem.status(), null, problem);
    }
}

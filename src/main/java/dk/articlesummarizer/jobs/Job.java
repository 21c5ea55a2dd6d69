package dk.articlesummarizer.jobs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dk.articlesummarizer.pipeline.SummarizeResponse;
import dk.articlesummarizer.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A job as stored and, without its owner, as GET /jobs/{id} shows it.
 *
 * @param owner the API key's caller id that made it, or "" when keys are off; only it may read the job
 * @param noStore made with {@code Cache-Control: no-store}: kept in this replica's memory only, and forgotten once
 *            its outcome has been read
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "id", "status", "progress", "result", "problem" })
public record Job(String id, @JsonIgnore String owner, @JsonIgnore boolean noStore, Status status,
        Progress progress,
        @Schema(implementation = SummarizeResponse.class, description = "When done: the answer") JsonNode result,
        @Schema(description = "When failed: the problem") Problem problem) {

    public enum Status {
        running, done, failed
    }

    /** LLM steps: passages and digest for a long article, one call for a short one; 0 of 0 until planned. */
    @RegisterForReflection
    public record Progress(int done, int total) {
    }

    Job running(Progress now) {
        return new Job(id, owner, noStore, Status.running, now, null, null);
    }

    Job done(JsonNode answer) {
        int steps = Math.max(1, progress.total());
        return new Job(id, owner, noStore, Status.done, new Progress(steps, steps), answer, null);
    }

    Job failed(Problem reason) {
        return new Job(id, owner, noStore, Status.failed, progress, null, reason);
    }
}

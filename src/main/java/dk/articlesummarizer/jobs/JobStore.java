package dk.articlesummarizer.jobs;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dk.articlesummarizer.cache.SharedStore;
import dk.articlesummarizer.problem.Problem;

/**
 * Where jobs live: in Redis when replicas share one (so that any replica answers GET /jobs/{id}), otherwise in a
 * bounded in-memory map; either way for {@code SUMMARIZER_JOBS_TTL} after their last change. With Redis, this
 * replica's own jobs are also kept in memory, so that a Redis fault never loses a job to the replica running it.
 * <p>
 * With Redis a job's outcome is written once and then stands: progress written later is ignored, and so is a
 * second outcome. Two replicas can write one: the job's own, or another that finds the job's lease truly expired
 * (its replica died), which writes it failed.
 */
@Singleton
public class JobStore {

    private static final String KIND = "job";
    private static final String LEASE = "job-run";
    /** Renewed every third of it; a replica that died is seen as such this long after its last renewal. */
    private static final Duration LEASE_TTL = Duration.ofSeconds(10);

    private final SharedStore shared;
    private final ObjectMapper json;
    private final JobsConfig config;
    private final Cache<String, Job> local;
    /** Other replicas' running jobs as last read from Redis, shown while Redis does not answer (small: no result). */
    private final Cache<String, Job> lastReadRunning;

    public JobStore(SharedStore shared, ObjectMapper json, JobsConfig config) {
        this.shared = shared;
        this.json = json;
        this.config = config;
        this.local = Caffeine.newBuilder().maximumSize(config.maxJobs()).expireAfterWrite(config.ttl()).build();
        this.lastReadRunning = Caffeine.newBuilder().maximumSize(config.maxJobs()).expireAfterWrite(config.ttl())
                .build();
    }

    /** The lease a job holds while this replica runs it, which tells the other replicas that it still does. */
    public SharedStore.Lease hold(Job job) {
        // A job's id is new and random: no other replica can hold its lease.
        return inRedis(job) ? shared.tryLease(LEASE, job.id(), LEASE_TTL).orElseThrow() : SharedStore.Lease.NONE;
    }

    /** Stores a running job's progress, unless its outcome has been written, with the lease from {@link #hold}. */
    public void save(Job job, SharedStore.Lease lease) {
        local.put(job.id(), job);
        if (inRedis(job)) {
            shared.putWhileLeased(KIND, job.id(), write(job), config.ttl(), lease);
        }
    }

    /**
     * Stores a job's outcome, unless another was written first, which then stands here too; false when Redis did
     * not answer, and the outcome must be written again later (until then this replica shows it, the others show
     * the job running).
     */
    public boolean end(Job outcome) {
        local.put(outcome.id(), outcome);
        if (!inRedis(outcome)) {
            return true;
        }
        SharedStore.Ending ending = shared.end(KIND, outcome.id(), write(outcome), config.ttl());
        if (ending == SharedStore.Ending.ENDED_BEFORE) {
            local.invalidate(outcome.id());
        }
        return ending != SharedStore.Ending.NOT_NOW;
    }

    /**
     * A job read from Redis, running, that this replica does not run, as it is now: failed with {@code reason} if
     * its replica died (its lease truly expired), otherwise what is stored.
     */
    public Job failedIfAbandoned(Job running, Problem reason) {
        Job failed = running.failed(reason);
        return switch (shared.endIfLeaseExpired(KIND, running.id(), write(failed), config.ttl(), LEASE, LEASE_TTL)) {
            case WRITTEN -> failed;
            case ENDED_BEFORE -> find(running.id()).orElse(running);
            case NOT_NOW -> running;
        };
    }

    public void forget(String id) {
        local.invalidate(id);
    }

    /** The job as this replica knows it: its own, else as stored in Redis, else as Redis last said it stood. */
    public Optional<Job> find(String id) {
        Job mine = local.getIfPresent(id);
        if (mine != null || !shared.enabled()) {
            return Optional.ofNullable(mine);
        }
        SharedStore.Lookup stored = shared.lookUp(KIND, id);
        if (!stored.answered()) {
            return Optional.ofNullable(lastReadRunning.getIfPresent(id));
        }
        Optional<Job> job = stored.value().flatMap(this::read);
        job.filter(found -> found.status() == Job.Status.running).ifPresentOrElse(
                running -> lastReadRunning.put(id, running), () -> lastReadRunning.invalidate(id));
        return job;
    }

    private boolean inRedis(Job job) {
        return shared.enabled() && !job.noStore();
    }

    private byte[] write(Job job) {
        ObjectNode stored = json.valueToTree(job);
        stored.put("owner", job.owner());
        try {
            return json.writeValueAsBytes(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A job always serializes", e);
        }
    }

    private Optional<Job> read(byte[] stored) {
        try {
            JsonNode node = json.readTree(stored);
            Job job = json.treeToValue(node, Job.class); // owner and noStore are not read: both are @JsonIgnore
            return Optional.of(new Job(job.id(), node.path("owner").asText(""), false, job.status(), job.progress(),
                    job.result(), job.problem()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
